package dev.coreos4j.planner;

/** Why a node does not move at this instant. The set is closed: every non-moving node carries exactly one. */
public enum Reason {
    /** Its pool is paused. */
    PAUSED("Paused"),
    /** Its pool was aborted: nothing new starts. */
    ABORTED("Aborted"),
    /** The pool's maxUnavailable is used up by unavailable and failing nodes. */
    BUDGET_EXHAUSTED("BudgetExhausted"),
    /** A control-plane pool: another member is unavailable or moving. */
    QUORUM("Quorum"),
    /** The pool's failure threshold is reached. */
    FAILURE_THRESHOLD("FailureThreshold"),
    /** The node is not ready (Ready, DiskPressure or NetworkUnavailable). */
    NOT_READY("NotReady"),
    /** Someone other than the planner cordoned the node. */
    CORDONED("Cordoned"),
    /** The node's update failed; the agent retries. */
    DEGRADED("Degraded"),
    /** The node cannot apply its desired config. */
    UNRECONCILABLE("Unreconcilable"),
    /** The pool's target cannot be applied in place (storage, non-core users): nothing starts. */
    IRRECONCILABLE_TARGET("IrreconcilableTarget"),
    /** The node hosts a component that updates last. */
    DEFERRED("Deferred"),
    /** The node agent is busy (state Working). */
    IN_PROGRESS("InProgress"),
    /** Disruption must wait for a maintenance window. */
    OUTSIDE_WINDOW("OutsideWindow"),
    /** Every slot of the node's lock group is held by other nodes. */
    LOCK_HELD("LockHeld"),
    /** A PodDisruptionBudget allows no more evictions. */
    DRAIN_BLOCKED("DrainBlocked"),
    /** The cluster-wide disruption limit is used up. */
    CLUSTER_LIMIT("ClusterLimit"),
    /** The node's zone's disruption limit is used up. */
    ZONE_LIMIT("ZoneLimit"),
    /**
     * The only node of a single-node ({@link Topology#SINGLE_REPLICA}) cluster: disrupting it makes the cluster
     * unavailable, which needs {@link Snapshot#acceptAvailabilityLoss()}.
     */
    AVAILABILITY_LOSS("AvailabilityLoss"),
    /** The node belongs to no pool. */
    NO_POOL("NoPool");

    private final String wireName;

    Reason(String wireName) {
        this.wireName = wireName;
    }

    /** The name the JSON plan and the CLI print, e.g. {@code BudgetExhausted} (unchanged since 0.1). */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a printed name.
     *
     * @throws IllegalArgumentException naming the text when it is no reason's {@link #wireName()}
     */
    public static Reason parse(String text) {
        for (Reason r : values()) {
            if (r.wireName.equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason \"" + text + "\"");
    }

    /** The {@link #wireName()}: text output prints a reason as it always did. */
    @Override
    public String toString() {
        return wireName;
    }
}
