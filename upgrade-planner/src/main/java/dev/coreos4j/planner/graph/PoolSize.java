package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * A machine config pool's size, for reboot estimates.
 *
 * @param name the pool name, never null
 * @param nodes how many nodes it has, not negative
 * @param controlPlane true for the control-plane pool ({@code master}), which is never paused
 */
public record PoolSize(String name, int nodes, boolean controlPlane) {

    public PoolSize {
        Objects.requireNonNull(name, "name");
        if (nodes < 0) {
            throw new IllegalArgumentException("pool " + name + " cannot have " + nodes + " nodes");
        }
    }
}
