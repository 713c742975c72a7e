package dev.coreos4j.planner;

/** Why a node does not move at this instant. The set is closed: every non-moving node carries exactly one. */
public enum Reason {
    /** Its pool is paused. */
    Paused,
    /** Its pool was aborted: nothing new starts. */
    Aborted,
    /** The pool's maxUnavailable is used up by unavailable and failing nodes. */
    BudgetExhausted,
    /** A control-plane pool: another member is unavailable or moving. */
    Quorum,
    /** The pool's failure threshold is reached. */
    FailureThreshold,
    /** The node is not ready (Ready, DiskPressure or NetworkUnavailable). */
    NotReady,
    /** Someone other than the planner cordoned the node. */
    Cordoned,
    /** The node's update failed; the agent retries. */
    Degraded,
    /** The node cannot apply its desired config. */
    Unreconcilable,
    /** The pool's target cannot be applied in place (storage, non-core users): nothing starts. */
    IrreconcilableTarget,
    /** The node hosts a component that updates last. */
    Deferred,
    /** The node agent is busy (state Working). */
    InProgress,
    /** Disruption must wait for a maintenance window. */
    OutsideWindow,
    /** Every slot of the node's lock group is held by other nodes. */
    LockHeld,
    /** A PodDisruptionBudget allows no more evictions. */
    DrainBlocked,
    /** The cluster-wide disruption limit is used up. */
    ClusterLimit,
    /** The node's zone's disruption limit is used up. */
    ZoneLimit,
    /**
     * The only node of a single-node ({@link Topology#SINGLE_REPLICA}) cluster: disrupting it makes the cluster
     * unavailable, which needs {@link Snapshot#acceptAvailabilityLoss()}.
     */
    AvailabilityLoss,
    /** The node belongs to no pool. */
    NoPool
}
