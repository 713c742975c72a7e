package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of resolving config references: fetch, decompress, verify, parse, cycles and depth (coreos/ignition internal/exec/engine.go, fetchReferencedConfig). */
public enum MergeRule implements IgnitionRule {
    REFERENCE_CYCLE("reference-cycle", Severity.ERROR, "config reference cycle"),
    REFERENCE_TOO_DEEP("reference-too-deep", Severity.ERROR, "config references nest deeper than %s levels"),
    FETCH_FAILED("fetch-failed", Severity.ERROR, "unable to fetch config: %s"),
    DECOMPRESS_FAILED("decompress-failed", Severity.ERROR, "unable to decompress gzip data: %s"),
    HASH_MISMATCH("hash-mismatch", Severity.ERROR, "%s"),
    REFERENCED_CONFIG_INVALID("referenced-config-invalid", Severity.ERROR, "referenced config is invalid (%s)");

    private final String code;
    private final Severity severity;
    private final String text;

    MergeRule(String code, Severity severity, String text) {
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
