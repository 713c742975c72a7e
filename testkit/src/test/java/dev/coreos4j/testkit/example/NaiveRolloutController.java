package dev.coreos4j.testkit.example;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.testkit.Controller;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-written toy controller, as in the README: for every unpaused pool it walks started nodes through
 * cordon, drain, apply, reboot and uncordon, one step per node per call, and starts as many new nodes (by name) as
 * the pool's budget leaves free. The SEEDED BUG: the buggy variant counts only the nodes it is updating itself
 * against the budget, so a node an administrator cordoned, or one that went NotReady, pushes the pool over budget.
 */
final class NaiveRolloutController implements Controller {

    private final boolean countsEveryUnavailableNode;

    private NaiveRolloutController(boolean countsEveryUnavailableNode) {
        this.countsEveryUnavailableNode = countsEveryUnavailableNode;
    }

    /** The controller with the seeded bug. */
    static NaiveRolloutController buggy() {
        return new NaiveRolloutController(false);
    }

    /** The controller with the bug fixed. */
    static NaiveRolloutController fixed() {
        return new NaiveRolloutController(true);
    }

    @Override
    public List<Action> next(Snapshot fleet) {
        List<Action> actions = new ArrayList<>();
        for (Pool pool : fleet.pools()) {
            if (pool.paused()) {
                continue;
            }
            List<Node> nodes = fleet.nodes().stream()
                    .filter(n -> pool.name().equals(n.pool()))
                    .toList();
            int inUse = 0;
            for (Node n : nodes) {
                boolean updating = !n.currentConfig().equals(n.desiredConfig()) || n.staged();
                if (updating) {
                    actions.add(nextStepOf(n));
                } else if (n.isCordonedByPlanner() && n.isDone()) {
                    actions.add(new Action.Uncordon(n.name()));
                }
                if (countsEveryUnavailableNode) {
                    if (!n.isDone() || !n.isSchedulable()) {
                        inUse++; // FIXED: every unavailable node uses the budget
                    }
                } else if (updating || n.isCordonedByPlanner()) {
                    inUse++; // BUG: only the nodes this controller is working on
                }
            }
            int free = pool.budget(nodes.size()) - inUse;
            for (Node n : nodes) {
                if (free > 0 && n.isDone() && n.isSchedulable() && !n.runs(pool.target())) {
                    actions.add(new Action.SetDesired(n.name(), pool.target()));
                    free--;
                }
            }
        }
        return actions;
    }

    private static Action nextStepOf(Node n) {
        if (!n.unschedulable()) {
            return new Action.Cordon(n.name());
        } else if (!n.drained()) {
            return new Action.Drain(n.name());
        } else if (!n.staged()) {
            return new Action.Apply(n.name(), List.of(), false);
        }
        return new Action.Reboot(n.name());
    }

    @Override
    public String toString() {
        return countsEveryUnavailableNode ? "NaiveRolloutController(fixed)" : "NaiveRolloutController(buggy)";
    }
}
