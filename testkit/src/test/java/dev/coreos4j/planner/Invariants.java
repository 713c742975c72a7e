package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.RolloutInvariants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec §4 invariants of one planner step. The controller-independent ones (one action per node, paused pools
 * and nodes in no pool untouched, budget, quorum, eligibility, cordon ownership, phase order, progress-or-reason)
 * are the testkit's {@link RolloutInvariants}; what is left here is specific to our planner: its MCO budget
 * accounting (unavailable plus failing on the target, every retarget taking a slot), where SetDesired points, and that nothing the state
 * shows as done is issued again.
 */
final class Invariants {

    private Invariants() {}

    static void checkStep(Snapshot s, NextStep step) {
        RolloutInvariants.checkStep(0, s, step.actions(), Simulator.succeed(s, step.actions()));
        RolloutInvariants.checkProgressOrReason(0, s, step);
        checkPlannerStep(s, step);
    }

    /** The planner-specific checks of a recorded simulator step (the generic ones are checked by the chain). */
    static void checkPlannerStep(FleetSimulator simulator) {
        if (simulator.last() instanceof FleetSimulator.Step) {
            FleetSimulator.Step step = (FleetSimulator.Step) simulator.last();
            checkPlannerStep(step.before(), step.decision());
        }
    }

    static void checkPlannerStep(Snapshot s, NextStep step) {
        Map<String, Action> byNode = new HashMap<>();
        for (Action a : step.actions()) {
            byNode.put(a.node(), a);
            Node n = s.node(a.node());
            Pool p = s.pool(n.pool());
            // §4.6.30 nothing the state shows as done is issued again
            if (a instanceof Action.SetDesired) {
                Target t = ((Action.SetDesired) a).target();
                assertThat(n.targets(t) && t.config().equals(n.desiredConfig()))
                        .as("re-issued SetDesired %s", n.name())
                        .isFalse();
                assertThat(t.equals(p.target()) || (p.aborted() && t.equals(n.current())))
                        .as("SetDesired goes to the pool target (or back on abort)")
                        .isTrue();
            } else if (a instanceof Action.Drain) {
                assertThat(n.drained()).as("drained %s twice", n.name()).isFalse();
            }
        }
        Map<String, List<Node>> byPool = s.nodesByPool();
        for (Pool p : s.pools()) {
            checkBudget(p, byPool.getOrDefault(p.name(), List.of()), byNode);
        }
    }

    /**
     * §4.1.2 never start over budget in MCO's accounting (getAllCandidateMachines: unavailable plus failing on the
     * target; every node handed the target takes a slot, already unavailable ones too, except a failing node the
     * planner cordoned, which only uses a slot its own cordon holds); §4.2.7/8 control plane one at a time and no
     * available member started beside an unavailable or failing one.
     */
    static void checkBudget(Pool p, List<Node> nodes, Map<String, Action> byNode) {
        int u = 0;
        int f = 0;
        int failingAny = 0;
        for (Node n : nodes) {
            if (n.isUnavailable()) {
                u++;
            }
            if (n.isFailing()) {
                failingAny++;
                if (n.targets(p.target())) {
                    f++;
                }
            }
        }
        int b = p.budget(nodes.size());
        int freshStarts = 0;
        int slotStarts = 0;
        for (Node n : nodes) {
            Action a = byNode.get(n.name());
            if (a instanceof Action.SetDesired && !p.aborted()) {
                boolean wedged = n.isFailing() && n.isCordonedByPlanner() && n.ready();
                if (!wedged) {
                    slotStarts++;
                }
                if (!n.isUnavailable() && !n.isFailing()) {
                    freshStarts++;
                }
            }
        }
        assertThat(u + f + slotStarts)
                .as("pool %s: U=%d F=%d starts=%d B=%d", p.name(), u, f, slotStarts, b)
                .isLessThanOrEqualTo(Math.max(b, u + f));
        if (u + f >= b) {
            assertThat(slotStarts)
                    .as("pool %s over budget hands nothing out", p.name())
                    .isZero();
        }
        if (p.controlPlane()) {
            assertThat(freshStarts).isLessThanOrEqualTo(1);
            if (u + failingAny > 0) {
                assertThat(freshStarts)
                        .as("quorum: %s starts nothing while a member is unavailable", p.name())
                        .isZero();
            }
        }
    }

    /** Nodes started by SetDesired in {@code step}, per pool. */
    static Map<String, List<String>> starts(Snapshot s, NextStep step) {
        Map<String, List<String>> out = new HashMap<>();
        for (Action a : step.actions()) {
            if (a instanceof Action.SetDesired) {
                out.computeIfAbsent(s.node(a.node()).pool(), k -> new ArrayList<>())
                        .add(a.node());
            }
        }
        return out;
    }
}
