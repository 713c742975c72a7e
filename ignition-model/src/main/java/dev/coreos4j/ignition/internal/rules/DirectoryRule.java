package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a directory (coreos/ignition config/v3_4/types/directory.go and storage.go). */
public enum DirectoryRule implements IgnitionRule {
    DIRECTORY_UNDER_LINK("directory-under-link", Severity.ERROR, "directory path includes link in config");

    private final String code;
    private final Severity severity;
    private final String text;

    DirectoryRule(String code, Severity severity, String text) {
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
