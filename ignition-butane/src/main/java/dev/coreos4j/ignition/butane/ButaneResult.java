package dev.coreos4j.ignition.butane;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.problem.JsonPath;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Butane#translate(byte[], ButaneOptions)} produced.
 *
 * @param variant       the document's {@code variant}, or null when it could not be read
 * @param version       the document's {@code version} (canonical semver), or null when it could not be read
 * @param ignition      the Ignition spec the variant/version generates, or null when unknown
 * @param config        the generated Ignition config (with {@code ignition.version} = {@code ignition}), or null
 *                      when translation failed
 * @param machineConfig for the {@code openshift} variant: the generated MachineConfig (null with
 *                      {@link ButaneOptions#raw()} or on failure)
 * @param output        the bytes Butane writes: Ignition JSON, or the MachineConfig as YAML (JSON on request);
 *                      null on failure (errors, or warnings with {@link ButaneOptions#strict()})
 * @param report        every error and warning; paths are YAML paths ({@code $.storage.files[0].mode}) with the
 *                      YAML line and column
 * @param paths         every JSON path of the output ({@code $.storage.files[0].contents.source}; under
 *                      {@code $.spec.config} for a MachineConfig) mapped to the YAML path it was translated from;
 *                      empty on failure
 * @param failure       null when an output was produced; else Butane's one-line reason, as its command prints
 *                      after {@code Error translating config: } ({@code source config is invalid},
 *                      {@code config generated was invalid}, a YAML or version error), or
 *                      {@code Config produced warnings and --strict was specified}
 */
// The output bytes are copied in and out and compared by content in equals and hashCode, which is what the check
// asks records holding an array to do.
@SuppressWarnings("ArrayRecordComponent")
public record ButaneResult(
        @Nullable String variant,
        @Nullable String version,
        @Nullable SpecVersion ignition,
        @Nullable Config config,
        @Nullable MachineConfig machineConfig,
        byte @Nullable [] output,
        Report report,
        Map<JsonPath, JsonPath> paths,
        @Nullable String failure) {

    /** Copies the paths and output. @throws NullPointerException if {@code report} or {@code paths} is null */
    public ButaneResult {
        Objects.requireNonNull(report, "report");
        paths = Map.copyOf(Objects.requireNonNull(paths, "paths"));
        output = output == null ? null : output.clone();
    }

    /** The output bytes (a copy), or null on failure. */
    @Override
    public byte @Nullable [] output() {
        return output == null ? null : output.clone();
    }

    /** Whether an output was produced. */
    public boolean isValid() {
        return output != null;
    }

    /**
     * The output bytes.
     *
     * @throws IgnitionException carrying the report when translation failed
     */
    public byte[] outputOrThrow() {
        byte[] out = output;
        if (out == null) {
            throw new IgnitionException("Butane config could not be translated", report);
        }
        return out.clone();
    }

    /**
     * The generated Ignition config.
     *
     * @throws IgnitionException carrying the report when translation failed
     */
    public Config configOrThrow() {
        outputOrThrow();
        Config c = config;
        if (c == null) { // an output without a config: never built so by the pipeline
            throw new IgnitionException("Butane config could not be translated", report);
        }
        return c;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ButaneResult r
                && Objects.equals(variant, r.variant)
                && Objects.equals(version, r.version)
                && ignition == r.ignition
                && Objects.equals(config, r.config)
                && Objects.equals(machineConfig, r.machineConfig)
                && java.util.Arrays.equals(output, r.output)
                && report.equals(r.report)
                && paths.equals(r.paths)
                && Objects.equals(failure, r.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                variant,
                version,
                ignition,
                config,
                machineConfig,
                java.util.Arrays.hashCode(output),
                report,
                paths,
                failure);
    }

    @Override
    public String toString() {
        return "ButaneResult[" + variant + " " + version + " -> " + ignition + ", "
                + (output == null ? "failed" : output.length + " bytes") + ", "
                + report.entries().size()
                + " report entries]";
    }
}
