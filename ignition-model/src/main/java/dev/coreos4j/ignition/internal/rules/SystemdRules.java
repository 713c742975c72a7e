package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.isTrue;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.internal.UnitLexer;
import dev.coreos4j.problem.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code systemd} section: Systemd.Validate (coreos/ignition config/v3_4/types/systemd.go: the template-unit
 * warnings of every unit), then each unit: Unit.Validate (unit.go: name, contents, install section), then its
 * drop-ins: Dropin.Validate (contents, then name).
 */
final class SystemdRules {
    private static final JsonPath UNITS = JsonPath.of("systemd", "units");

    private SystemdRules() {}

    static void check(Validation v, Config.Systemd s) {
        Map<String, Config.Unit> byName = new HashMap<>();
        for (Config.Unit u : s.units()) {
            byName.put(u.name(), u);
        }
        for (int i = 0; i < s.units().size(); i++) {
            Config.Unit u = s.units().get(i);
            String template = templateOf(u.name());
            if (template == null || !isTrue(u.enabled())) {
                continue;
            }
            Config.Unit t = byName.get(template);
            String contents = t == null ? null : t.contents();
            if (contents != null && !contents.isEmpty()) {
                UnitLexer.Result lexed = UnitLexer.lex(contents);
                if (lexed.error() == null && !hasInstall(lexed)) {
                    v.report(
                            UNITS.index(i).child("contents"), SystemdRule.TEMPLATE_WITHOUT_INSTALL, template, u.name());
                }
            }
        }
        for (int i = 0; i < s.units().size(); i++) {
            unit(v, UNITS.index(i), s.units().get(i));
        }
    }

    private static void unit(Validation v, JsonPath p, Config.Unit u) {
        v.field(p.child("name"));
        String contents = u.contents();
        if (contents != null) {
            UnitLexer.Result lexed = UnitLexer.lex(contents);
            if (lexed.error() != null) {
                v.report(p.child("contents"), SystemdRule.INVALID_UNIT_CONTENT, lexed.error());
            } else if (isTrue(u.enabled()) && !contents.isEmpty() && !hasInstall(lexed)) {
                v.report(p.child("contents"), SystemdRule.UNIT_ENABLED_WITHOUT_INSTALL, u.name());
            }
        }
        for (int k = 0; k < u.dropins().size(); k++) {
            Config.Dropin d = u.dropins().get(k);
            JsonPath dp = p.child("dropins").index(k);
            if (d.contents() != null) {
                UnitLexer.Result lexed = UnitLexer.lex(d.contents());
                if (lexed.error() != null) {
                    v.report(dp.child("contents"), SystemdRule.INVALID_UNIT_CONTENT, lexed.error());
                }
            }
            v.field(dp.child("name"));
        }
    }

    /**
     * The instantiable unit of an instance name, as systemd.go's {@code ^(.+?)@(.+?)\.service$} finds it
     * ({@code a@b.service} to {@code a@.service}); null for any other name. Only services: upstream's pattern.
     */
    static @Nullable String templateOf(String name) {
        int at = name.indexOf('@');
        if (at < 1 || !name.endsWith(".service") || name.length() - ".service".length() <= at + 1) {
            return null;
        }
        return name.substring(0, at) + "@.service";
    }

    private static boolean hasInstall(UnitLexer.Result lexed) {
        return lexed.options().stream().anyMatch(o -> o.section().equals("Install"));
    }
}
