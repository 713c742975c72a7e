package dev.coreos4j.planner;

/**
 * The cluster's control-plane topology, as the node controller copies it from the Infrastructure status
 * ({@code controlPlaneTopology}). It changes how the planner disrupts nodes:
 * <ul>
 *   <li>{@link #HIGHLY_AVAILABLE}: the default; no extra rule.</li>
 *   <li>{@link #SINGLE_REPLICA}: no node is cordoned or drained (the MCD skips drain on SingleReplica), and when the
 *       cluster has exactly one node in pools, disrupting it needs {@link Snapshot#acceptAvailabilityLoss()}.</li>
 *   <li>{@link #HIGHLY_AVAILABLE_ARBITER}: the pool named {@value #ARBITER_POOL} has budget 1, and it and the
 *       control-plane pools are never unavailable at the same time: masters wait while an arbiter node is
 *       unavailable, and the arbiter starts only when no master is unavailable or starting.</li>
 * </ul>
 */
public enum Topology {
    /** Three or more control-plane nodes ({@code HighlyAvailable}). */
    HIGHLY_AVAILABLE("HighlyAvailable"),
    /** A single control-plane node ({@code SingleReplica}). */
    SINGLE_REPLICA("SingleReplica"),
    /** Two control-plane nodes and an arbiter ({@code HighlyAvailableArbiter}). */
    HIGHLY_AVAILABLE_ARBITER("HighlyAvailableArbiter");

    /** The name of the arbiter pool under {@link #HIGHLY_AVAILABLE_ARBITER}. */
    public static final String ARBITER_POOL = "arbiter";

    private final String jsonName;

    Topology(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name the Infrastructure status (and the snapshot JSON) uses, e.g. {@code SingleReplica}. */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The topology named {@code name} ({@link #jsonName()} spelling).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Topology fromJsonName(String name) {
        for (Topology t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "must be HighlyAvailable, SingleReplica or HighlyAvailableArbiter, got \"" + name + "\"");
    }
}
