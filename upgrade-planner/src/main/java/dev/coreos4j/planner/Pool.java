package dev.coreos4j.planner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A MachineConfigPool as the planner sees it. Immutable.
 *
 * @param name             pool name
 * @param controlPlane     etcd members: one node at a time, never while another member is unavailable
 * @param maxUnavailable   the budget (MCO rule; ignored above 1 for control-plane pools)
 * @param paused           no action of any kind on the pool's nodes
 * @param aborted          no new starts; started-but-unstaged nodes go back to their current config
 * @param target           what the pool's nodes should run
 * @param previous         what they ran before ({@link Planner#rollback(Snapshot)} returns to it), or {@code null}
 * @param newestFirst      order by age newest first (MCO PR #6407) instead of oldest first
 * @param deferredNode     the node hosting a component that must update last (MCO defers the operator's node),
 *                         or {@code null}
 * @param failureThreshold stop starting nodes while this many (or this share) of the pool is failing, or
 *                         {@code null} for no threshold beyond the budget
 * @param lockGroup        the FleetLock group whose slot a node must hold to drain or reboot, or {@code null}
 */
public record Pool(
        String name,
        boolean controlPlane,
        MaxUnavailable maxUnavailable,
        boolean paused,
        boolean aborted,
        Target target,
        @Nullable Target previous,
        boolean newestFirst,
        @Nullable String deferredNode,
        @Nullable MaxUnavailable failureThreshold,
        @Nullable String lockGroup) {

    public Pool {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("pool name must not be blank");
        }
        Objects.requireNonNull(maxUnavailable, "maxUnavailable");
        Objects.requireNonNull(target, "target");
    }

    /** A worker-style pool with the given budget and target and every option off. */
    public static Pool of(String name, MaxUnavailable maxUnavailable, Target target) {
        return new Pool(name, false, maxUnavailable, false, false, target, null, false, null, null, null);
    }

    /** A control-plane pool (budget 1) with the given target. */
    public static Pool controlPlane(String name, Target target) {
        return new Pool(name, true, MaxUnavailable.DEFAULT, false, false, target, null, false, null, null, null);
    }

    /** The budget for a pool of {@code size} nodes: MCO's rule, and 1 for a control-plane pool. */
    public int budget(int size) {
        return controlPlane ? 1 : maxUnavailable.budget(size);
    }

    /** A copy with {@code paused} replaced. */
    public Pool withPaused(boolean value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                value,
                aborted,
                target,
                previous,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }

    /** A copy with {@code aborted} replaced. */
    public Pool withAborted(boolean value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                value,
                target,
                previous,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }

    /** Retargeted: {@code previous} becomes the old target. */
    public Pool withTarget(Target value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                value,
                target,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }

    /** A copy with {@code maxUnavailable} replaced. */
    public Pool withMaxUnavailable(MaxUnavailable value) {
        return new Pool(
                name,
                controlPlane,
                value,
                paused,
                aborted,
                target,
                previous,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }

    /** A copy with {@code newestFirst} replaced. */
    public Pool withNewestFirst(boolean value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                target,
                previous,
                value,
                deferredNode,
                failureThreshold,
                lockGroup);
    }

    /** A copy with {@code deferredNode} replaced. */
    public Pool withDeferredNode(String value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                target,
                previous,
                newestFirst,
                value,
                failureThreshold,
                lockGroup);
    }

    /** A copy with {@code failureThreshold} replaced. */
    public Pool withFailureThreshold(MaxUnavailable value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                target,
                previous,
                newestFirst,
                deferredNode,
                value,
                lockGroup);
    }

    /** A copy with {@code lockGroup} replaced. */
    public Pool withLockGroup(String value) {
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                target,
                previous,
                newestFirst,
                deferredNode,
                failureThreshold,
                value);
    }

    /** The pool pointed back at {@code previous} (rollback); {@code previous} becomes the abandoned target. */
    @SuppressWarnings("ArgumentSelectionDefectChecker") // deliberate: target and previous swap places
    public Pool rolledBack() {
        if (previous == null) {
            throw new IllegalStateException("pool " + name + " has no previous target to roll back to");
        }
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                previous,
                target,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }
}
