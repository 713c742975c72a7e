package dev.coreos4j.planner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Nodes of one {@link Pass} that may not be handed the pool target now: a node with something in flight still moves
 * on towards its own desired config (as its agent would), a settled one waits with a reason. Single use, not
 * thread-safe.
 */
final class HoldBack {
    private final Fleet fleet;
    private final Decisions decisions;
    private final NodeStep step;
    private final LockGate lock;

    HoldBack(Fleet fleet, Decisions decisions, NodeStep step, LockGate lock) {
        this.fleet = fleet;
        this.decisions = decisions;
        this.step = step;
        this.lock = lock;
    }

    /**
     * A candidate that is not handed the target now: if it has something in flight it moves on towards its own
     * desired config (as its agent would), otherwise it waits with {@code reason}.
     */
    void holdBack(int i, Pool p, Reason reason, @Nullable String detail) {
        Node n = fleet.node(i);
        if (settled(n, p)) {
            if (decisions.explaining()) {
                decisions.block(i, reason, detail, null);
            }
        } else {
            step.progress(i, n, p);
        }
    }

    /** A node that may not start: finish whatever it has in flight, otherwise report {@code reason}. */
    void holdOrFinish(int i, Pool p, Reason reason, ChangeAnalysis.@Nullable Irreconcilable refusal) {
        Node n = fleet.node(i);
        if (settled(n, p)) {
            if (decisions.explaining()) {
                decisions.block(
                        i,
                        reason,
                        reason == Reason.ABORTED
                                ? "pool " + p.name() + " was aborted; nothing new starts"
                                : "target " + p.target().config() + " cannot be applied in place: "
                                        + Objects.requireNonNull(refusal).path() + " (" + refusal.message() + ")",
                        null);
            }
        } else {
            step.progress(i, n, p);
        }
    }

    /** Done on its desired config, not cordoned by us, holding no lock: the planner has nothing left to do. */
    boolean settled(Node n, Pool p) {
        return n.isDone() && !n.isCordonedByPlanner() && !lock.holds(n, p);
    }
}
