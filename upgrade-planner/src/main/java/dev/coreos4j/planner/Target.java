package dev.coreos4j.planner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a pool (or a node) should run: a rendered config name and, in image mode, an OS image pull spec.
 *
 * @param config   the rendered MachineConfig name, never blank
 * @param osImage  the image-mode OS image (MCO's {@code desiredImage}), or {@code null} for "no image": a pool that is
 *                 not in image mode, whose nodes are on target only without image annotations (a node still carrying
 *                 one is leaving image mode and is updated like any other candidate)
 */
public record Target(String config, @Nullable String osImage) {

    public Target {
        Objects.requireNonNull(config, "config");
        if (config.isBlank()) {
            throw new IllegalArgumentException("target config must not be blank");
        }
        if (osImage != null && osImage.isBlank()) {
            throw new IllegalArgumentException("target osImage must not be blank when present");
        }
    }

    /** A config-only target. */
    public static Target of(String config) {
        return new Target(config, null);
    }

    @Override
    public String toString() {
        return osImage == null ? config : config + " (" + osImage + ")";
    }
}
