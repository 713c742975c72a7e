package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * Node reboots one hop costs.
 *
 * @param hop the hop, never null
 * @param controlPlane control-plane nodes rebooting during the hop
 * @param workers worker nodes rebooting during the hop (zero while paused)
 */
public record HopReboots(Hop hop, int controlPlane, int workers) {

    public HopReboots {
        Objects.requireNonNull(hop, "hop");
    }

    /** All reboots of this hop. */
    public int total() {
        return controlPlane + workers;
    }
}
