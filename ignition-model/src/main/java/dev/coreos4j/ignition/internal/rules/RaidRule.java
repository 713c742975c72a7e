package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a RAID array (coreos/ignition config/v3_4/types/raid.go). */
public enum RaidRule implements IgnitionRule {
    RAID_LEVEL_REQUIRED("raid-level-required", Severity.ERROR, "raid level is required"),
    UNRECOGNIZED_RAID_LEVEL("unrecognized-raid-level", Severity.ERROR, "unrecognized raid level"),
    RAID_SPARES_UNSUPPORTED(
            "raid-spares-unsupported", Severity.ERROR, "spares unsupported for linear and raid0 arrays"),
    RAID_DEVICES_REQUIRED("raid-devices-required", Severity.ERROR, "raid devices required");

    private final String code;
    private final Severity severity;
    private final String text;

    RaidRule(String code, Severity severity, String text) {
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
