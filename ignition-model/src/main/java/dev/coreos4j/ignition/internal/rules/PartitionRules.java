package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;

/** One partition (coreos/ignition config/v3_4/types/partition.go). */
final class PartitionRules {
    private PartitionRules() {}

    static void check(Validation v, JsonPath p, Config.Partition part) {
        if (Boolean.FALSE.equals(part.shouldExist())
                && (part.label() != null
                        || !empty(part.typeGuid())
                        || !empty(part.guid())
                        || part.startMiB() != null
                        || part.sizeMiB() != null)) {
            v.report(p, PartitionRule.PARTITION_SHOULD_NOT_EXIST_OPTIONS);
        }
        if (part.number() == 0 && part.label() == null) {
            v.report(p, PartitionRule.PARTITION_NUMBER_OR_LABEL);
        }
        v.field(p.child("label"), PartitionRule.PARTITION_LABEL_TOO_LONG, PartitionRule.PARTITION_LABEL_COLON);
        v.field(p.child("guid"));
        v.field(p.child("typeGuid"));
    }
}
