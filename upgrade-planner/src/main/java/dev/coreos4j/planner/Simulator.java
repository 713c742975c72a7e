package dev.coreos4j.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies actions to a snapshot as if every one of them succeeded at once: the model the planner's
 * {@link Planner#plan(Snapshot)} uses, and a "what if" for embedders and tests. Pure.
 */
public final class Simulator {

    private Simulator() {}

    /**
     * The snapshot after {@code actions} all succeeded: SetDesired points the node at the target (the agent starts
     * over), AcquireLock/ReleaseLock change the group's holders, Cordon cordons as the planner, Drain marks the node
     * drained, Apply finishes the update or stages it for the reboot, Reboot finishes it, Uncordon makes the node
     * schedulable and its pods available again, AgentFinishes finishes the busy agent's update.
     *
     * @throws IllegalArgumentException when an action names a node or lock group the snapshot does not have
     */
    public static Snapshot succeed(Snapshot s, List<Action> actions) {
        if (actions.isEmpty()) {
            return s;
        }
        List<Node> nodes = new ArrayList<>(s.nodes());
        List<LockGroup> locks = new ArrayList<>(s.locks());
        boolean lockChanged = false;
        for (Action a : actions) {
            int i = s.indexOf(a.node());
            if (i < 0) {
                throw new IllegalArgumentException("action " + a.step() + " names unknown node " + a.node());
            }
            Node n = nodes.get(i);
            Node next;
            if (a instanceof Action.AcquireLock acquireLock) {
                lock(locks, acquireLock.group(), a.node(), true);
                lockChanged = true;
                next = n;
            } else if (a instanceof Action.ReleaseLock releaseLock) {
                lock(locks, releaseLock.group(), a.node(), false);
                lockChanged = true;
                next = n;
            } else {
                next = apply(n, a);
            }
            nodes.set(i, next);
        }
        Snapshot out = s.withNodes(nodes);
        return lockChanged ? out.withLocks(locks) : out;
    }

    /**
     * One node after {@code a} succeeded on it (lock actions leave the node itself unchanged).
     *
     * @throws IllegalArgumentException when {@code a} names another node
     */
    public static Node apply(Node n, Action a) {
        if (!a.node().equals(n.name())) {
            throw new IllegalArgumentException("action for " + a.node() + " applied to " + n.name());
        }
        if (a instanceof Action.SetDesired setDesired) {
            return n.withDesired(setDesired.target());
        } else if (a instanceof Action.Cordon) {
            return n.withCordon(Planner.CORDON_OWNER);
        } else if (a instanceof Action.Drain) {
            return n.withDrained(true);
        } else if (a instanceof Action.Apply apply) {
            return apply.finalizes() ? n.withFinished() : n.withStaged(true);
        } else if (a instanceof Action.Reboot) {
            return n.withFinished();
        } else if (a instanceof Action.Uncordon) {
            return n.withCordon(null).withDrained(false);
        } else if (a instanceof Action.AgentFinishes) {
            return n.withFinished();
        } else if (a instanceof Action.AcquireLock || a instanceof Action.ReleaseLock) {
            return n;
        }
        throw new IllegalArgumentException("unknown action " + a);
    }

    /** Applies a lock action to the lock groups in place. */
    static void lock(List<LockGroup> locks, Action a) {
        if (a instanceof Action.AcquireLock acquireLock) {
            lock(locks, acquireLock.group(), a.node(), true);
        } else {
            lock(locks, ((Action.ReleaseLock) a).group(), a.node(), false);
        }
    }

    private static void lock(List<LockGroup> locks, String group, String node, boolean take) {
        for (int i = 0; i < locks.size(); i++) {
            LockGroup g = locks.get(i);
            if (g.group().equals(group)) {
                locks.set(i, take ? g.lock(node) : g.unlock(node));
                return;
            }
        }
        throw new IllegalArgumentException("unknown lock group " + group);
    }
}
