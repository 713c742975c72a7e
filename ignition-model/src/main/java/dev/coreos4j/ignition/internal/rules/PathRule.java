package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The path rule, validatePath: a node, filesystem or device path is given, absolute and clean (coreos/ignition config/shared/errors/errors.go and config/v3_4/types/path.go). */
public enum PathRule implements IgnitionRule {
    PATH_NOT_SPECIFIED("path-not-specified", Severity.ERROR, "path not specified"),
    PATH_NOT_ABSOLUTE("path-not-absolute", Severity.ERROR, "path not absolute"),
    PATH_NOT_SIMPLIFIED("path-not-simplified", Severity.ERROR, "path is not fully simplified");

    private final String code;
    private final Severity severity;
    private final String text;

    PathRule(String code, Severity severity, String text) {
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
