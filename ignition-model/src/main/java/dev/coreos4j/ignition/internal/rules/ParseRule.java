package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of reading a document: JSON syntax and types, the version, unknown keys (coreos/ignition config/v3_4/config.go and config/util/parsingErrors.go). */
public enum ParseRule implements IgnitionRule {
    NOT_A_CONFIG("not-a-config", Severity.ERROR, "not a config (empty)"),
    JSON_SYNTAX("json-syntax", Severity.ERROR, "%s"),
    JSON_TYPE("json-type", Severity.ERROR, "%s"),
    INVALID_VERSION("invalid-version", Severity.ERROR, "invalid config version (couldn't parse)"),
    UNSUPPORTED_VERSION("unsupported-version", Severity.ERROR, "unsupported config version"),
    UNUSED_KEY("unused-key", Severity.WARNING, "%s"),
    CONTEXT_MISMATCH("context-mismatch", Severity.WARNING, "%s"),
    INTERNAL_ERROR("internal-error", Severity.ERROR, "internal error: %s");

    private final String code;
    private final Severity severity;
    private final String text;

    ParseRule(String code, Severity severity, String text) {
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
