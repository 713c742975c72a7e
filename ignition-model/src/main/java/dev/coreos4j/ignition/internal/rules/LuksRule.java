package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a LUKS volume (coreos/ignition config/v3_4/types/luks.go). */
public enum LuksRule implements IgnitionRule {
    LUKS_NAME_SLASH("luks-name-slash", Severity.ERROR, "device names cannot contain slashes"),
    LUKS_LABEL_TOO_LONG(
            "luks-label-too-long", Severity.ERROR, "luks device labels cannot be longer than 47 characters"),
    INVALID_KEY_FILE_SOURCE("invalid-key-file-source", Severity.ERROR, "invalid key-file source"),
    CEX_WITH_CLEVIS("cex-with-clevis", Severity.ERROR, "cannot use cex with clevis"),
    CEX_WITH_KEY_FILE("cex-with-key-file", Severity.ERROR, "cannot use key file with cex");

    private final String code;
    private final Severity severity;
    private final String text;

    LuksRule(String code, Severity severity, String text) {
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
