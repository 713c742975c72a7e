package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a URL: syntax and the schemes of each spec version (coreos/ignition config/v3_4/types/url.go). */
public enum UrlRule implements IgnitionRule {
    UNPARSABLE_URL("unparsable-url", Severity.ERROR, "unable to parse url"),
    INVALID_URL_SCHEME("invalid-url-scheme", Severity.ERROR, "invalid url scheme"),
    INVALID_S3_VERSION_ID("invalid-s3-version-id", Severity.ERROR, "invalid S3 object VersionId"),
    INVALID_S3_ARN("invalid-s3-arn", Severity.ERROR, "invalid S3 ARN format"),
    INVALID_DATA_URL("invalid-data-url", Severity.ERROR, "%s");

    private final String code;
    private final Severity severity;
    private final String text;

    UrlRule(String code, Severity severity, String text) {
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
