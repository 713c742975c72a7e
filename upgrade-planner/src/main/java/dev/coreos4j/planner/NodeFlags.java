package dev.coreos4j.planner;

/**
 * The classification bits a {@link Fleet} caches per pooled node ({@link Fleet#flags}), read by the pool decisions
 * of a {@link Pass}: which of a node's conditions matter to its pool, computed once per node state.
 */
final class NodeFlags {
    private NodeFlags() {}

    /** The node is told to move to its pool's target ({@link Node#targets}). */
    static final int TARGETS = 1;
    /** {@link Node#isUnavailable()}. */
    static final int UNAVAILABLE = 2;
    /** {@link Node#isFailing()}. */
    static final int FAILING = 4;
    /** Not targeting, and the change from its current config to the pool target cannot be applied in place. */
    static final int IRRECONCILABLE = 8;
    /**
     * Not targeting, ready, and schedulable or cordoned by the planner: may be handed the target (MCO's candidate;
     * a Working agent does not matter, MCO retargets it).
     */
    static final int STARTABLE = 16;
    /** {@link Node#isDone()}. */
    static final int DONE = 32;
    /** {@link Node#isSchedulable()}. */
    static final int SCHEDULABLE = 64;
    /** The agent reports Degraded or Unreconcilable. */
    static final int DEGRADED = 128;
    /**
     * Targeting, done, ready and not cordoned by the planner: nothing to decide unless the pool has a lock group
     * (the node may still hold a slot).
     */
    static final int QUIET = 256;
    /** Not Done, or cordoned by the planner: the planner has something left to do for the node itself. */
    static final int UNSETTLED = 512;
    /**
     * Failing, ready, and unavailable only because the planner cordoned it for the update that failed: the budget
     * counts it as failing, not as unavailable, so it stays re-targetable (MCO counts it unavailable and never
     * retargets it, the wedge of MCO issue #1443). The pool status still counts it unavailable.
     */
    static final int WEDGED = 1024;
    /** Ready and its agent is busy (Working, Rebooting). */
    static final int BUSY = 2048;
    /** Not targeting, and moving from its current config to the pool target needs a drain (or cannot be applied). */
    static final int DRAINS = 4096;

    /**
     * Whether a pass without reasons, in a pool neither paused, aborted nor refusing its target, may decide something
     * for the member outside the candidate loop: it targets the goal and is not quiet, or it is no candidate and its
     * agent is busy (it finishes). A quiet member matters only if it holds a lock slot (the pass asks the lock).
     */
    static boolean isActive(int flags) {
        return (flags & TARGETS) != 0 ? (flags & QUIET) == 0 : (flags & (STARTABLE | BUSY)) == BUSY;
    }

    /** A node a pool may start, if the pool is neither aborted nor refusing its target: not targeting, startable. */
    static boolean isCandidate(int flags) {
        return (flags & (TARGETS | STARTABLE)) == STARTABLE;
    }
}
