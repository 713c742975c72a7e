package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of one partition (coreos/ignition config/v3_4/types/partition.go). */
public enum PartitionRule implements IgnitionRule {
    PARTITION_SHOULD_NOT_EXIST_OPTIONS(
            "partition-should-not-exist-options",
            Severity.ERROR,
            "shouldExist specified false with other options also specified"),
    PARTITION_NUMBER_OR_LABEL(
            "partition-number-or-label", Severity.ERROR, "a partition number >= 1 or a label must be specified"),
    PARTITION_LABEL_TOO_LONG(
            "partition-label-too-long", Severity.ERROR, "partition labels may not exceed 36 characters"),
    PARTITION_LABEL_COLON(
            "partition-label-colon", Severity.ERROR, "partition label will be truncated to text before the colon"),
    INVALID_GUID("invalid-guid", Severity.ERROR, "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"");

    private final String code;
    private final Severity severity;
    private final String text;

    PartitionRule(String code, Severity severity, String text) {
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
