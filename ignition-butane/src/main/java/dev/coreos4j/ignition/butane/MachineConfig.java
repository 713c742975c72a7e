package dev.coreos4j.ignition.butane;

import dev.coreos4j.ignition.Config;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The MachineConfig the {@code openshift} variant generates ({@code machineconfiguration.openshift.io/v1}).
 * Immutable.
 *
 * @param name            {@code metadata.name}
 * @param labels          {@code metadata.labels}, sorted by key
 * @param config          {@code spec.config}: the Ignition config (its {@code ignition.version} the generated spec)
 * @param kernelArguments {@code spec.kernelArguments}
 * @param extensions      {@code spec.extensions}
 * @param fips            {@code spec.fips}, or null when unset
 * @param kernelType      {@code spec.kernelType}, or null when unset
 */
public record MachineConfig(
        String name,
        Map<String, String> labels,
        Config config,
        List<String> kernelArguments,
        List<String> extensions,
        @Nullable Boolean fips,
        @Nullable String kernelType) {

    /** The role label every Butane MachineConfig carries. */
    public static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";

    /** Copies the labels (sorted) and lists. @throws NullPointerException if a component is null */
    public MachineConfig {
        Objects.requireNonNull(name, "name");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
        Objects.requireNonNull(config, "config");
        kernelArguments = List.copyOf(kernelArguments);
        extensions = List.copyOf(extensions);
    }
}
