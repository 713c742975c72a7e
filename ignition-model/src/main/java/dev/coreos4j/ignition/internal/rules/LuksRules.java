package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;
import static dev.coreos4j.ignition.internal.rules.Validation.isTrue;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.Urls;
import dev.coreos4j.ignition.internal.constraints.NodePathValidator;
import dev.coreos4j.problem.JsonPath;

/** A LUKS volume (coreos/ignition config/v3_4/types/luks.go); its Clevis binding is {@link ClevisRules}. */
final class LuksRules {
    private LuksRules() {}

    static void check(Validation v, JsonPath p, Config.Luks l) {
        v.field(p.child("name"));
        v.field(p.child("label"));
        if (empty(l.device())) {
            v.report(p.child("device"), DiskRule.DISK_DEVICE_REQUIRED);
        } else {
            v.report(p.child("device"), NodePathValidator.finding(l.device()));
        }
        Config.Clevis c = l.clevis();
        boolean others = ClevisRules.hasStandardPins(c);
        boolean customPresent = v.version() == SpecVersion.V3_2_0
                ? c.custom().pin() != null
                : !empty(c.custom().pin());
        if (customPresent && others) {
            v.report(p.child("clevis"), ClevisRule.CLEVIS_CUSTOM_EXCLUSIVE);
        }
        String keyFile = l.keyFile().source();
        if (keyFile != null && !keyFile.isEmpty() && Urls.validate(keyFile, v.version()) != null) {
            v.report(p.child("keys"), LuksRule.INVALID_KEY_FILE_SOURCE);
        }
        if (v.atLeast(SpecVersion.V3_5_0) && isTrue(l.cex().enabled())) {
            if (!empty(c.custom().pin()) || others) {
                v.report(p.child("cex"), LuksRule.CEX_WITH_CLEVIS);
            }
            if (keyFile != null) {
                v.report(p.child("cex"), LuksRule.CEX_WITH_KEY_FILE);
            }
        }
        ClevisRules.check(v, p.child("clevis"), c);
        ResourceRules.check(v, p.child("keyFile"), l.keyFile(), false);
    }
}
