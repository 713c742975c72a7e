package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a resource (a file's contents, a config reference, a CA, a key file) and its HTTP headers and verification (coreos/ignition config/v3_4/types/resource.go, headers.go and verification.go). */
public enum ResourceRule implements IgnitionRule {
    INVALID_COMPRESSION("invalid-compression", Severity.ERROR, "invalid compression method"),
    VERIFICATION_WITHOUT_SOURCE(
            "verification-without-source", Severity.ERROR, "source must be specified if verification is specified"),
    MALFORMED_HASH("malformed-hash", Severity.ERROR, "malformed hash specifier"),
    UNRECOGNIZED_HASH_FUNCTION("unrecognized-hash-function", Severity.ERROR, "unrecognized hash function"),
    HASH_SIZE("hash-size", Severity.ERROR, "incorrect size for hash sum"),
    HTTP_HEADERS_UNSUPPORTED_SCHEME(
            "http-headers-unsupported-scheme", Severity.ERROR, "cannot use HTTP headers with this source scheme"),
    HTTP_HEADER_NAME_EMPTY("http-header-name-empty", Severity.ERROR, "HTTP header name can't be empty"),
    HTTP_HEADER_VALUE_EMPTY("http-header-value-empty", Severity.ERROR, "unable to parse HTTP header"),
    SOURCE_REQUIRED("source-required", Severity.ERROR, "source is required");

    private final String code;
    private final Severity severity;
    private final String text;

    ResourceRule(String code, Severity severity, String text) {
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
