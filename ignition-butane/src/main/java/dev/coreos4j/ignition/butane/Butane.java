package dev.coreos4j.ignition.butane;

import dev.coreos4j.ignition.butane.internal.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Translates Butane configs to Ignition, as Butane 0.29 does: variants {@code fcos} 1.0.0 to 1.7.0 and
 * 1.8.0-experimental, {@code openshift} 4.8.0 to 4.22.0 and 4.23.0-experimental (a MachineConfig), and the base
 * fields of {@code flatcar}, {@code r4e} and {@code fiot}; each generates the Ignition spec upstream maps it to.
 *
 * <p>YAML is read as go-yaml reads it (Go base-0 integers: {@code mode: 0644} is 420; YAML 1.1 booleans in bool
 * fields; duplicate keys rejected); unknown keys are warnings; every report entry has the YAML path, line and column
 * of the offending node, including the Ignition validation errors of the generated config, mapped back to the YAML
 * they came from. Bounded for hostile input (size, nesting, alias expansion). Stateless and thread-safe.
 */
public final class Butane {
    private Butane() {}

    /**
     * Translates a Butane document. Never throws for bad content: problems are in the result's report, and the
     * result has no output when any error was found (or, with {@link ButaneOptions#strict()}, any warning).
     *
     * @param yaml    the Butane document (UTF-8)
     * @param options how to translate
     * @return the generated config or MachineConfig, the output bytes, the report and the JSON→YAML path map
     * @throws NullPointerException if an argument is null
     */
    public static ButaneResult translate(byte[] yaml, ButaneOptions options) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(options, "options");
        return Pipeline.run(yaml, options);
    }

    /** {@link #translate(byte[], ButaneOptions)} of the UTF-8 encoding of {@code yaml}. */
    public static ButaneResult translate(String yaml, ButaneOptions options) {
        Objects.requireNonNull(yaml, "yaml");
        return translate(yaml.getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * {@link #translate(byte[], ButaneOptions)} of everything {@code in} yields (read to its end, not closed).
     *
     * @throws IOException if reading fails
     */
    public static ButaneResult translate(InputStream in, ButaneOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        return translate(in.readAllBytes(), options);
    }

    /**
     * The variant/version pairs this library translates, as {@code variant version → Ignition spec} strings in
     * upstream's registration order ({@code "fcos 1.6.0 -> 3.5.0"}).
     */
    public static List<String> supportedVersions() {
        return Pipeline.supported();
    }
}
