package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Pass} decided: an action or a reason (when explaining) per node position, and the positions that
 * received an action in decision order. A node gets at most one decision per pass. While capturing
 * ({@link #capture}) an action is only remembered, not recorded, and no reason is built. Single use, not
 * thread-safe.
 */
final class Decisions {
    private final Fleet fleet;
    /** False when only the actions matter (the simulation's inner loop): no reasons are built. */
    private final boolean explain;
    /**
     * Results by the node's position in the snapshot (sorted by name): output order without sorting. The actions
     * array is the fleet's, shared by its passes one after the other (see {@link Fleet#decisions}).
     */
    private final Action[] actionAt;

    private final Blocked @Nullable [] blockedAt;
    /** Positions that received an action, in decision order. */
    private int[] acted = new int[16];

    private int actedCount;
    private boolean capturing;
    private @Nullable Action captured;

    Decisions(Fleet fleet, boolean explain) {
        this.fleet = fleet;
        this.explain = explain;
        actionAt = fleet.decisions();
        blockedAt = explain ? new Blocked[fleet.size()] : null;
    }

    /** The action decided for position {@code i}, or {@code null}. */
    Action actionAt(int i) {
        return actionAt[i];
    }

    /** How many positions received an action so far. */
    int actedCount() {
        return actedCount;
    }

    /** The positions that received an action, ascending (node name order). */
    int[] acted() {
        int[] out = Arrays.copyOf(acted, actedCount);
        Arrays.sort(out);
        return out;
    }

    /** The actions and reasons in node name order. */
    NextStep step() {
        List<Action> actions = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        for (int i = 0; i < actionAt.length; i++) {
            if (actionAt[i] != null) {
                actions.add(actionAt[i]);
            }
            if (blockedAt != null && blockedAt[i] != null) {
                blocked.add(blockedAt[i]);
            }
        }
        return new NextStep(actions, blocked);
    }

    /** Runs {@code decide} capturing its action instead of recording it; returns that action or {@code null}. */
    @Nullable
    Action capture(Runnable decide) {
        captured = null;
        capturing = true;
        try {
            decide.run();
        } finally {
            capturing = false;
        }
        return captured;
    }

    void act(int i, Action a) {
        if (capturing) {
            captured = a;
            return;
        }
        if (actionAt[i] != null || (blockedAt != null && blockedAt[i] != null)) {
            throw new IllegalStateException(
                    "planner bug: second decision for node " + fleet.node(i).name());
        }
        actionAt[i] = a;
        if (actedCount == acted.length) {
            acted = Arrays.copyOf(acted, actedCount * 2);
        }
        acted[actedCount++] = i;
    }

    /** Whether reasons are being recorded (not a simulation step, not a captured single-node step). */
    boolean explaining() {
        return explain && !capturing;
    }

    void block(int i, Reason reason, Supplier<String> detail) {
        if (explaining()) {
            block(i, reason, detail.get(), null);
        }
    }

    void block(int i, Reason reason, @Nullable String detail, @Nullable Instant until) {
        if (explaining()) {
            Blocked[] blocked = Objects.requireNonNull(blockedAt, "explaining without reasons");
            if (actionAt[i] != null || blocked[i] != null) {
                throw new IllegalStateException(
                        "planner bug: second decision for node " + fleet.node(i).name());
            }
            Node n = fleet.node(i);
            blocked[i] = new Blocked(n.name(), n.pool(), reason, Objects.requireNonNull(detail, "detail"), until);
        }
    }
}
