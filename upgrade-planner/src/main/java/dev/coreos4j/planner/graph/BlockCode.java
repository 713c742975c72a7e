package dev.coreos4j.planner.graph;

/** Why an update cannot be taken, or why no path exists. Stable: match on these, not on messages. */
public enum BlockCode {
    /** A version named in the request is not in the graph. */
    UNKNOWN_RELEASE,
    /** The graph has no sequence of edges at all, whatever the rules, from the source to the target. */
    NO_EDGE,
    /** A blocked-edge declaration without matching rules removed the edge. */
    REMOVED_EDGE,
    /** A risk of a conditional edge applies, or cannot be evaluated, and was not accepted. */
    RISK,
    /** The edge skips a minor version (or changes the major version). */
    MINOR_SKIP,
    /** The edge leads to an older release and downgrades were not allowed. */
    DOWNGRADE,
    /** A release is not in the subscribed channel and no allowed channel change lists both ends. */
    CHANNEL,
    /** The edge jumps over a Fedora CoreOS barrier release that older releases must pass through. */
    BARRIER_SKIPPED,
    /** The edge leaves a dead-end release, from which there is no way forward. */
    DEAD_END,
    /** The edge leads to a release whose phased rollout has not yet reached the client's wariness. */
    ROLLOUT,
    /** The target is a dead-end release and is never chosen. */
    TARGET_DEAD_END,
    /** A minor hop while a pool is degraded or an operator reports Upgradeable=False. */
    PRECONDITION,
    /** No newer release is reachable at all. */
    NOT_NEWER,
    /** A control-plane-only (EUS) plan was asked for where it does not apply. */
    EUS_NOT_APPLICABLE
}
