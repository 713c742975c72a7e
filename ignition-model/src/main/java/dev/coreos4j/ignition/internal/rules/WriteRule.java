package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of writing a model value as an older spec version: what that version cannot express (this library; Ignition has no writer). */
public enum WriteRule implements IgnitionRule {
    FIELD_NOT_IN_VERSION("field-not-in-version", Severity.ERROR, "%s is not supported in spec version %s"),
    SPECIAL_MODE_BITS_UNSUPPORTED(
            "special-mode-bits-unsupported",
            Severity.ERROR,
            "setuid/setgid/sticky bits cannot be represented in spec version %s");

    private final String code;
    private final Severity severity;
    private final String text;

    WriteRule(String code, Severity severity, String text) {
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
