package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.problem.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * What files, directories and links share (coreos/ignition config/v3_4/types/node.go and mode.go): the path, the
 * owner and the mode.
 */
final class NodeRules {
    private NodeRules() {}

    /** The node's path: the field rules of {@code path} ({@link PathRule}). */
    static void path(Validation v, JsonPath node) {
        v.field(node.child("path"));
    }

    /** NodeGroup.Validate then NodeUser.Validate (node.go): Node's fields are group, overwrite, path, user. */
    static void owner(Validation v, JsonPath p, Config.NodeUser user, Config.NodeGroup group) {
        if (group.id() != null && !empty(group.name())) {
            v.report(p.child("group"), NodeRule.BOTH_ID_AND_NAME);
        }
        if (user.id() != null && !empty(user.name())) {
            v.report(p.child("user"), NodeRule.BOTH_ID_AND_NAME);
        }
    }

    /** validateMode (mode.go): the field rules, then the setuid/setgid/sticky warning before 3.6.0. */
    static void mode(Validation v, JsonPath p, @Nullable Long mode) {
        v.field(p.child("mode"));
        if (mode != null && (mode & 07000) != 0 && !v.atLeast(SpecVersion.V3_6_0)) {
            v.report(p.child("mode"), NodeRule.SPECIAL_MODE_BITS);
        }
    }
}
