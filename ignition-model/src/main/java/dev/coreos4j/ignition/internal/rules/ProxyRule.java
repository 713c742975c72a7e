package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of the proxy settings (coreos/ignition config/v3_4/types/proxy.go). */
public enum ProxyRule implements IgnitionRule {
    INVALID_PROXY("invalid-proxy", Severity.ERROR, "proxies must be http(s)"),
    INSECURE_PROXY("insecure-proxy", Severity.WARNING, "insecure plaintext HTTP proxy specified for HTTPS resources");

    private final String code;
    private final Severity severity;
    private final String text;

    ProxyRule(String code, Severity severity, String text) {
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
