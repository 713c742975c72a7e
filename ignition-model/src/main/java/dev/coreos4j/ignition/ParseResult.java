package dev.coreos4j.ignition;

import dev.coreos4j.ignition.internal.rules.ParseRule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Ignition#parse(byte[])} found.
 *
 * @param config  the config translated to the 3.6.0 model (3.7.0-experimental documents keep that version string),
 *                or null when the document is fatally broken (not JSON, wrong types, unknown version)
 * @param version the spec version the document declared, or null when it could not be determined or is unsupported
 * @param report  every error and warning, with paths into the original document; never null
 */
public record ParseResult(@Nullable Config config, @Nullable SpecVersion version, Report report) {

    /**
     * Checks the report.
     *
     * @throws NullPointerException if {@code report} is null
     */
    public ParseResult {
        Objects.requireNonNull(report, "report");
    }

    /**
     * Whether the document's {@code ignition.version} could not be parsed or names a spec version this library does
     * not support (then there is no config and the report holds that one error).
     */
    public boolean versionRejected() {
        return report.entries().stream()
                .anyMatch(e -> e.code().equals(ParseRule.INVALID_VERSION.code())
                        || e.code().equals(ParseRule.UNSUPPORTED_VERSION.code()));
    }

    /** Whether a config was read and it has no errors. */
    public boolean isValid() {
        return config != null && report.isValid();
    }

    /**
     * The config if it is valid.
     *
     * @throws IgnitionException carrying the report when the document is invalid
     */
    public Config configOrThrow() {
        Config valid = config;
        if (valid == null || !report.isValid()) {
            throw new IgnitionException("config is not valid", report);
        }
        return valid;
    }
}
