package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;
import static dev.coreos4j.ignition.internal.rules.Validation.isTrue;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.GoJson;
import dev.coreos4j.ignition.internal.Urls;
import dev.coreos4j.problem.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A LUKS volume's Clevis binding and its Tang servers (coreos/ignition config/v3_4/types/clevis.go and tang.go). */
final class ClevisRules {
    private static final Set<String> PINS = Set.of("tpm2", "tang", "sss");

    private ClevisRules() {}

    /** Whether tang, tpm2 or a threshold is set (what a custom pin excludes). */
    static boolean hasStandardPins(Config.Clevis c) {
        return !c.tang().isEmpty() || isTrue(c.tpm2()) || (c.threshold() != null && c.threshold() != 0);
    }

    static void check(Validation v, JsonPath p, Config.Clevis c) {
        custom(v, p.child("custom"), c.custom());
        for (int i = 0; i < c.tang().size(); i++) {
            tang(v, p.child("tang").index(i), c.tang().get(i));
        }
    }

    /** ClevisCustom.Validate: 3.2.0's plain strings, 3.3.0+'s pointers and (before 3.6.0) the known pins. */
    private static void custom(Validation v, JsonPath cp, Config.ClevisCustom custom) {
        String pin = custom.pin();
        if (v.version() == SpecVersion.V3_2_0) {
            if (!empty(pin) || !empty(custom.config())) {
                if (!PINS.contains(pin == null ? "" : pin)) {
                    v.report(cp.child("pin"), ClevisRule.CLEVIS_PIN_UNSUPPORTED);
                }
                if (empty(custom.config())) {
                    v.report(cp.child("config"), ClevisRule.CLEVIS_CONFIG_REQUIRED);
                }
            }
        } else if (!empty(pin) || !empty(custom.config()) || isTrue(custom.needsNetwork())) {
            if (pin == null || pin.isEmpty()) {
                v.report(cp.child("pin"), ClevisRule.CLEVIS_PIN_REQUIRED);
            } else if (!v.atLeast(SpecVersion.V3_6_0) && !PINS.contains(pin)) {
                v.report(cp.child("pin"), ClevisRule.CLEVIS_PIN_UNSUPPORTED);
            }
            if (empty(custom.config())) {
                v.report(cp.child("config"), ClevisRule.CLEVIS_CONFIG_REQUIRED);
            }
        }
    }

    /** Tang.Validate (tang.go). */
    private static void tang(Validation v, JsonPath tp, Config.Tang t) {
        Urls.Parsed u = Urls.parse(t.url());
        if (u == null) {
            v.report(tp.child("url"), UrlRule.UNPARSABLE_URL);
        } else if (!u.scheme().equals("http") && !u.scheme().equals("https")) {
            v.report(tp.child("url"), UrlRule.INVALID_URL_SCHEME);
        }
        if (empty(t.thumbprint())) {
            v.report(tp.child("thumbprint"), ClevisRule.TANG_THUMBPRINT_REQUIRED);
        }
        String advertisement = t.advertisement();
        if (v.atLeast(SpecVersion.V3_4_0) && advertisement != null && !advertisement.isEmpty()) {
            try {
                GoJson.parse(advertisement.getBytes(StandardCharsets.UTF_8));
            } catch (GoJson.SyntaxError e) {
                v.report(tp.child("advertisement"), ClevisRule.TANG_ADVERTISEMENT_INVALID);
            }
        }
    }
}
