package dev.coreos4j.planner.graph;

import java.util.List;

/**
 * Cluster conditions that gate minor updates the way the cluster-version operator does: while any machine config
 * pool is degraded, or any cluster operator reports {@code Upgradeable=False}, no minor hop may be planned; z-stream
 * hops remain allowed.
 *
 * @param degradedPools names of degraded machine config pools, an immutable copy
 * @param notUpgradeable {@code Upgradeable=False} conditions as {@code operator: reason} texts, an immutable copy
 */
public record Preconditions(List<String> degradedPools, List<String> notUpgradeable) {

    /** Nothing gates minor updates. */
    public static final Preconditions NONE = new Preconditions(List.of(), List.of());

    public Preconditions {
        degradedPools = List.copyOf(degradedPools);
        notUpgradeable = List.copyOf(notUpgradeable);
    }

    /** True when minor updates are gated. */
    public boolean blockMinorUpdates() {
        return !degradedPools.isEmpty() || !notUpgradeable.isEmpty();
    }

    /** Why minor updates are gated, for people; empty when they are not. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (!degradedPools.isEmpty()) {
            s.append("degraded pool")
                    .append(degradedPools.size() > 1 ? "s " : " ")
                    .append(String.join(", ", degradedPools));
        }
        if (!notUpgradeable.isEmpty()) {
            s.append(s.length() > 0 ? "; " : "")
                    .append("Upgradeable=False: ")
                    .append(String.join(", ", notUpgradeable));
        }
        return s.toString();
    }
}
