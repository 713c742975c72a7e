package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a link (coreos/ignition config/v3_4/types/link.go and storage.go). */
public enum LinkRule implements IgnitionRule {
    LINK_UNDER_LINK("link-under-link", Severity.ERROR, "link path includes link in config"),
    LINK_TARGET_REQUIRED("link-target-required", Severity.ERROR, "link target is required"),
    HARD_LINK_TO_DIRECTORY("hard-link-to-directory", Severity.ERROR, "hard link target is a directory"),
    HARD_LINK_OWNER_IGNORED("hard-link-owner-ignored", Severity.WARNING, "user/group ignored for hard link");

    private final String code;
    private final Severity severity;
    private final String text;

    LinkRule(String code, Severity severity, String text) {
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
