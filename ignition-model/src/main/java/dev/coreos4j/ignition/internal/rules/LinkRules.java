package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.GoStrings;
import dev.coreos4j.problem.JsonPath;
import java.util.List;

/** A link (coreos/ignition config/v3_4/types/link.go, and Storage.validateLinks in storage.go). */
final class LinkRules {
    private LinkRules() {}

    /** Storage.validateLinks: links under links, the target, and a hard link's target and owner. */
    static void inStorage(Validation v, Config.Storage s, List<String> links) {
        for (int i = 0; i < s.links().size(); i++) {
            Config.Link l = s.links().get(i);
            JsonPath p = StorageRules.BASE.child("links").index(i);
            for (int k = StorageRules.underLinks(l.path(), links); k > 0; k--) {
                v.report(p, LinkRule.LINK_UNDER_LINK);
            }
            if (v.atLeast(SpecVersion.V3_3_0) && empty(l.target())) {
                // 3.3.0+ (target became a pointer): required, and the hard-link rules are skipped
                v.report(p.child("target"), LinkRule.LINK_TARGET_REQUIRED);
                continue;
            }
            if (Validation.isTrue(l.hard())) {
                hard(v, p, l, s.directories());
            }
        }
    }

    private static void hard(Validation v, JsonPath p, Config.Link l, List<Config.Directory> directories) {
        String raw = l.target() == null ? "" : l.target(); // 3.0-3.2: a plain string, "" when absent
        String target = GoStrings.clean(raw);
        if (!target.startsWith("/")) {
            target = GoStrings.join(l.path(), raw);
        }
        for (Config.Directory d : directories) {
            if (target.equals(d.path())) {
                v.report(p, LinkRule.HARD_LINK_TO_DIRECTORY);
            }
        }
        if (l.user().id() != null) {
            v.report(p.child("user").child("id"), LinkRule.HARD_LINK_OWNER_IGNORED);
        }
        if (l.user().name() != null) {
            v.report(p.child("user").child("name"), LinkRule.HARD_LINK_OWNER_IGNORED);
        }
        if (l.group().id() != null) {
            v.report(p.child("group").child("id"), LinkRule.HARD_LINK_OWNER_IGNORED);
        }
        if (l.group().name() != null) {
            v.report(p.child("group").child("name"), LinkRule.HARD_LINK_OWNER_IGNORED);
        }
    }

    static void check(Validation v, JsonPath p, Config.Link l) {
        NodeRules.path(v, p);
        NodeRules.owner(v, p, l.user(), l.group());
    }
}
