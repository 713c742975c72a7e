package dev.coreos4j.planner;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Renderer#render}: the rendered MachineConfig and how it came about.
 *
 * @param machineConfig     the rendered MC: name {@code rendered-<pool>-<hex>}, no labels, {@code generated} true,
 *                          the merged Ignition config and the merged kernel fields
 * @param mergeOrder        the names of the source MCs in the order they were merged (worker role first)
 * @param osImageOverridden whether a non-generated MC's {@code osImageURL} replaced the cluster's OS image (MCO
 *                          annotates the rendered MC "osImageURL overridden" in that case)
 */
public record Rendering(MachineConfig machineConfig, List<String> mergeOrder, boolean osImageOverridden) {

    public Rendering {
        Objects.requireNonNull(machineConfig, "machineConfig");
        mergeOrder = List.copyOf(Objects.requireNonNull(mergeOrder, "mergeOrder"));
    }

    /** The rendered name, e.g. {@code rendered-worker-3c5b…}. */
    public String name() {
        return machineConfig.name();
    }

    /** The planner's view of this rendering: {@link RenderedConfig#of(MachineConfig)}. */
    public RenderedConfig renderedConfig() {
        return RenderedConfig.of(machineConfig);
    }
}
