package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a disk and of its partitions taken together (coreos/ignition config/v3_4/types/disk.go). */
public enum DiskRule implements IgnitionRule {
    DISK_DEVICE_REQUIRED("disk-device-required", Severity.ERROR, "disk device is required"),
    PARTITION_NUMBERS_COLLIDE("partition-numbers-collide", Severity.ERROR, "partition numbers collide"),
    PARTITION_LABELS_COLLIDE("partition-labels-collide", Severity.ERROR, "cannot use the same partition label twice"),
    PARTITIONS_OVERLAP("partitions-overlap", Severity.ERROR, "partitions overlap"),
    PARTITION_SHOULD_NOT_EXIST_ZERO(
            "partition-should-not-exist-zero",
            Severity.ERROR,
            "shouldExist is false for a partition and other partition(s) has start or size 0");

    private final String code;
    private final Severity severity;
    private final String text;

    DiskRule(String code, Severity severity, String text) {
        this.code = code;
        this.severity = severity;
        this.text = text;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String text() {
        return text;
    }
}
