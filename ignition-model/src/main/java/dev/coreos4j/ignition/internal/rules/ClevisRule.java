package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a LUKS volume's Clevis binding and its Tang servers (coreos/ignition config/v3_4/types/clevis.go and tang.go). */
public enum ClevisRule implements IgnitionRule {
    CLEVIS_CUSTOM_EXCLUSIVE(
            "clevis-custom-exclusive", Severity.ERROR, "cannot use custom clevis config with tpm2, tang, or threshold"),
    CLEVIS_PIN_REQUIRED("clevis-pin-required", Severity.ERROR, "missing required custom clevis pin"),
    CLEVIS_PIN_UNSUPPORTED("clevis-pin-unsupported", Severity.ERROR, "unsupported clevis pin"),
    CLEVIS_CONFIG_REQUIRED("clevis-config-required", Severity.ERROR, "missing required custom clevis config"),
    TANG_THUMBPRINT_REQUIRED("tang-thumbprint-required", Severity.ERROR, "thumbprint is required"),
    TANG_ADVERTISEMENT_INVALID("tang-advertisement-invalid", Severity.ERROR, "advertisement is not valid JSON");

    private final String code;
    private final Severity severity;
    private final String text;

    ClevisRule(String code, Severity severity, String text) {
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
