package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of systemd units and their drop-ins (coreos/ignition config/v3_4/types/systemd.go and unit.go). */
public enum SystemdRule implements IgnitionRule {
    INVALID_UNIT_EXTENSION("invalid-unit-extension", Severity.ERROR, "invalid systemd unit extension"),
    INVALID_DROPIN_EXTENSION("invalid-dropin-extension", Severity.ERROR, "invalid systemd drop-in extension"),
    INVALID_UNIT_CONTENT("invalid-unit-content", Severity.ERROR, "invalid unit content: %s"),
    UNIT_ENABLED_WITHOUT_INSTALL(
            "unit-enabled-without-install",
            Severity.WARNING,
            "unit \"%s\" is enabled, but has no install section so enable does nothing"),
    TEMPLATE_WITHOUT_INSTALL(
            "template-without-install",
            Severity.WARNING,
            "template unit \"%s\" for \"%s\" doesn't have Install section");

    private final String code;
    private final Severity severity;
    private final String text;

    SystemdRule(String code, Severity severity, String text) {
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
