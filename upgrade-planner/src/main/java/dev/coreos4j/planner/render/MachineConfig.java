package dev.coreos4j.planner.render;

import dev.coreos4j.ignition.Config;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A MachineConfig ({@code machineconfiguration.openshift.io/v1}): a named fragment of a node's configuration, or a
 * rendered config merged from fragments by {@link Renderer}. Immutable; lists and labels are copied.
 *
 * <p>The canonical constructor throws {@code IllegalArgumentException} if the name is blank or the kernel type is
 * not one of the known values, {@code NullPointerException} if name, labels, config or a list is null.
 *
 * @param name            the object name (e.g. {@code 99-worker-ssh}); never blank
 * @param labels          metadata labels; {@link #ROLE_LABEL} decides the merge order
 * @param config          the Ignition config ({@code spec.config}), in the 3.x model; {@link Config#EMPTY} when the
 *                        MC carries no Ignition part
 * @param kernelArguments {@code spec.kernelArguments}, in order
 * @param extensions      {@code spec.extensions} (RHCOS extensions such as {@code usbguard}), in order
 * @param fips            {@code spec.fips}
 * @param kernelType      {@code spec.kernelType}: {@code null} (unset), {@code default}, {@code realtime} or
 *                        {@code 64k-pages}
 * @param osImageURL      {@code spec.osImageURL}, or {@code null}
 * @param generated       whether the MCO generated this MC (it carries the
 *                        {@code machineconfiguration.openshift.io/generated-by-controller-version} annotation); only a
 *                        non-generated MC's {@code osImageURL} overrides the cluster's OS image
 */
public record MachineConfig(
        String name,
        Map<String, String> labels,
        Config config,
        List<String> kernelArguments,
        List<String> extensions,
        boolean fips,
        @Nullable String kernelType,
        @Nullable String osImageURL,
        boolean generated) {

    /** The label that orders fragments: {@code machineconfiguration.openshift.io/role}. */
    public static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";

    /** The kernel types MCO accepts. */
    public static final Set<String> KERNEL_TYPES = Set.of("default", "realtime", "64k-pages");

    public MachineConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a MachineConfig name must not be blank");
        }
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
        Objects.requireNonNull(config, "config");
        kernelArguments = List.copyOf(Objects.requireNonNull(kernelArguments, "kernelArguments"));
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        if (kernelType != null && !KERNEL_TYPES.contains(kernelType)) {
            throw new IllegalArgumentException("MachineConfig " + name + ": kernelType must be default, realtime or"
                    + " 64k-pages, got \"" + kernelType + "\"");
        }
    }

    /** A non-generated fragment with only an Ignition config and the given role label ({@code null}: no label). */
    public static MachineConfig of(String name, String role, Config config) {
        return new MachineConfig(
                name,
                role == null ? Map.of() : Map.of(ROLE_LABEL, role),
                config,
                List.of(),
                List.of(),
                false,
                null,
                null,
                false);
    }

    /** The value of {@link #ROLE_LABEL}, or {@code null}. */
    public @Nullable String role() {
        return labels.get(ROLE_LABEL);
    }

    /** A copy with another Ignition config. */
    public MachineConfig withConfig(Config value) {
        return new MachineConfig(
                name, labels, value, kernelArguments, extensions, fips, kernelType, osImageURL, generated);
    }

    /** A copy with other kernel arguments. */
    public MachineConfig withKernelArguments(List<String> value) {
        return new MachineConfig(name, labels, config, value, extensions, fips, kernelType, osImageURL, generated);
    }

    /** A copy with other extensions. */
    public MachineConfig withExtensions(List<String> value) {
        return new MachineConfig(name, labels, config, kernelArguments, value, fips, kernelType, osImageURL, generated);
    }

    /** A copy with another FIPS flag. */
    public MachineConfig withFips(boolean value) {
        return new MachineConfig(
                name, labels, config, kernelArguments, extensions, value, kernelType, osImageURL, generated);
    }

    /** A copy with another kernel type. */
    public MachineConfig withKernelType(String value) {
        return new MachineConfig(name, labels, config, kernelArguments, extensions, fips, value, osImageURL, generated);
    }

    /** A copy with another OS image URL. */
    public MachineConfig withOsImageURL(String value) {
        return new MachineConfig(name, labels, config, kernelArguments, extensions, fips, kernelType, value, generated);
    }
}
