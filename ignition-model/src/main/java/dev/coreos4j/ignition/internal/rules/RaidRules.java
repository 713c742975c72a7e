package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.problem.JsonPath;
import java.util.Set;

/** A RAID array (coreos/ignition config/v3_4/types/raid.go). */
final class RaidRules {
    private static final Set<String> LEVELS = Set.of(
            "linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6",
            "raid10", "10");
    private static final Set<String> WITHOUT_SPARES = Set.of("linear", "raid0", "0", "stripe");

    private RaidRules() {}

    static void check(Validation v, JsonPath p, Config.Raid r) {
        String level = r.level();
        if (v.atLeast(SpecVersion.V3_3_0) && Validation.empty(level)) {
            v.report(p.child("level"), RaidRule.RAID_LEVEL_REQUIRED);
        } else if (level == null || !LEVELS.contains(level)) {
            v.report(p.child("level"), RaidRule.UNRECOGNIZED_RAID_LEVEL);
        } else if (WITHOUT_SPARES.contains(level) && r.spares() != null && r.spares() != 0) {
            v.report(p.child("level"), RaidRule.RAID_SPARES_UNSUPPORTED);
        }
        if (r.devices().isEmpty()) {
            v.report(p.child("devices"), RaidRule.RAID_DEVICES_REQUIRED);
        }
        for (int i = 0; i < r.devices().size(); i++) {
            v.field(p.child("devices").index(i));
        }
    }
}
