package dev.coreos4j.ignition;

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
