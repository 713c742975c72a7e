package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules that span sections of a config, from Config.Validate (coreos/ignition config/v3_4/types/config.go). */
public enum ConfigRule implements IgnitionRule {
    PATH_CONFLICTS_SYSTEMD("path-conflicts-systemd", Severity.ERROR, "path conflicts with systemd unit or dropin");

    private final String code;
    private final Severity severity;
    private final String text;

    ConfigRule(String code, Severity severity, String text) {
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
