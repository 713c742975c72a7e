package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The duplicate-key rule of every keyed list: merge references, CAs, HTTP headers, no-proxy entries, kernel arguments, passwd users and groups (and a user's groups and SSH keys), nodes, disks, partitions, filesystems, LUKS volumes, RAID arrays, units and drop-ins (coreos/ignition config/validate/validate.go, ValidateDups). */
public enum DuplicateRule implements IgnitionRule {
    DUPLICATE_ENTRY("duplicate-entry", Severity.ERROR, "duplicate entry defined");

    private final String code;
    private final Severity severity;
    private final String text;

    DuplicateRule(String code, Severity severity, String text) {
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
