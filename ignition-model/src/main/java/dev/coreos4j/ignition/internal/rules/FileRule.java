package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a file (coreos/ignition config/v3_4/types/file.go and storage.go). */
public enum FileRule implements IgnitionRule {
    FILE_UNDER_LINK("file-under-link", Severity.ERROR, "file path includes link in config"),
    OVERWRITE_WITHOUT_SOURCE(
            "overwrite-without-source", Severity.ERROR, "overwrite must be false if source is unspecified");

    private final String code;
    private final Severity severity;
    private final String text;

    FileRule(String code, Severity severity, String text) {
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
