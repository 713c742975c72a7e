package dev.coreos4j.testkit;

import static dev.coreos4j.testkit.FleetSimulatorTest.NOW;
import static dev.coreos4j.testkit.FleetSimulatorTest.workers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Simulator;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One example per invariant: a step that breaks it, and the message naming step, pool and node. */
class RolloutInvariantsTest {

    static final Target B = Target.of("rendered-b");

    static InvariantViolation violation(Runnable check) {
        try {
            check.run();
        } catch (InvariantViolation v) {
            return v;
        }
        throw new AssertionError("no violation");
    }

    static InvariantViolation step(Snapshot before, Action... actions) {
        List<Action> list = List.of(actions);
        return violation(() -> RolloutInvariants.checkStep(3, before, list, Simulator.succeed(before, list)));
    }

    @Test
    void budget_countsNodesTheWorldMadeUnavailable() {
        Snapshot s = workers(3, "1");
        s = s.withNode(s.node("w2").withReady(false));
        InvariantViolation v = step(s, new Action.SetDesired("w1", B));

        assertThat(v.invariant()).isEqualTo("budget");
        assertThat(v.getMessage())
                .isEqualTo("[budget] step 3, pool worker: 2 nodes unavailable after the step, budget"
                        + " is 1 (maxUnavailable 1 of 3): w1 (updating), w2 (NotReady); the controller disrupted w1");
    }

    @Test
    void quorum_oneControlPlaneMemberAtATime() {
        List<Node> masters = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            masters.add(Node.of("m" + i, "master", null, NOW, "rendered-a"));
        }
        Snapshot s = Snapshot.of(
                NOW, List.of(Pool.controlPlane("master", B).withMaxUnavailable(MaxUnavailable.parse("3"))), masters);
        assertThat(step(s, new Action.SetDesired("m1", B), new Action.SetDesired("m2", B))
                        .getMessage())
                .isEqualTo("[quorum] step 3, pool master: control-plane members disrupted at once: m1, m2");
        Snapshot down = s.withNode(s.node("m3").withCordon("admin"));
        assertThat(step(down, new Action.SetDesired("m1", B)).getMessage())
                .isEqualTo("[quorum] step 3, pool master,"
                        + " node m1: disrupted while another control-plane member is unavailable: m3");
        // the budget of a control plane is 1 whatever maxUnavailable says; one member at a time is fine
        RolloutInvariants.checkStep(
                3,
                s,
                List.of(new Action.SetDesired("m1", B)),
                Simulator.succeed(s, List.of(new Action.SetDesired("m1", B))));
    }

    @Test
    void eligibility_neverStartsANotReadyOrCordonedNode() {
        Snapshot s = workers(2, "2");
        Snapshot notReady = s.withNode(s.node("w1").withReady(false));
        Snapshot cordoned = s.withNode(s.node("w1").withCordon("admin"));

        // a NotReady node is unavailable already: starting it is no budget break but is ineligible
        assertThat(step(notReady, new Action.SetDesired("w1", B)).getMessage())
                .isEqualTo(
                        "[eligibility] step 3, pool worker, node w1: started with SetDesired although it is NotReady");
        assertThat(step(cordoned, new Action.SetDesired("w1", B)).getMessage())
                .isEqualTo(
                        "[eligibility] step 3, pool worker, node w1: started with SetDesired although it is cordoned by"
                                + " admin");
    }

    @Test
    void cordonOwnership_neverUncordonsAnAdminsCordon() {
        Snapshot s = workers(2, "1");
        s = s.withNode(s.node("w1").withCordon("admin"));

        assertThat(step(s, new Action.Uncordon("w1")).getMessage())
                .isEqualTo("[cordon-ownership] step 3, pool worker, node w1: uncordoned a node cordoned by admin");
    }

    @Test
    void pausedAndPoollessNodes_areUntouched() {
        Snapshot s = workers(1, "1");
        Snapshot paused = s.withPool(s.pool("worker").withPaused(true));
        Snapshot poolless = s.withNodes(List.of(Node.of("x", null, null, NOW, "rendered-a")));

        assertThat(step(paused, new Action.SetDesired("w1", B)).invariant()).isEqualTo("paused-untouched");
        assertThat(step(poolless, new Action.Cordon("x")).invariant()).isEqualTo("no-pool-untouched");
    }

    @Test
    void oneActionPerNode() {
        Snapshot s = workers(1, "1");
        assertThat(step(s, new Action.SetDesired("w1", B), new Action.Cordon("w1"))
                        .getMessage())
                .isEqualTo(
                        "[one-action-per-node] step 3, pool worker, node w1: two actions in one step: SetDesired and Cordon");
    }

    @Test
    void phaseOrder_rebootNeedsAStagedUpdate() {
        Snapshot s = workers(1, "1");
        s = s.withNode(s.node("w1").withDesired(B).withCordon(Planner.CORDON_OWNER));

        assertThat(step(s, new Action.Reboot("w1")).getMessage())
                .isEqualTo("[phase-order] step 3, pool worker, node w1: Reboot of a node with nothing staged");
        assertThat(step(s, new Action.Uncordon("w1")).invariant()).isEqualTo("phase-order");
    }

    @Test
    void progressOrReason_aStuckNodeMustSayWhy() {
        Snapshot s = workers(2, "1");
        NextStep silent = new NextStep(List.of(), List.of());

        InvariantViolation v = violation(() -> RolloutInvariants.checkProgressOrReason(1, s, silent));
        assertThat(v.invariant()).isEqualTo("progress-or-reason");
        assertThat(v.where()).isEqualTo("step 1, pool worker, node w1");
        RolloutInvariants.checkProgressOrReason(1, s, Planner.next(s));
    }

    @Test
    void order_startsTheOldestFirst() {
        Snapshot s = workers(3, "1"); // w3 is the oldest
        assertThat(violation(() -> RolloutInvariants.checkOrder(1, s, List.of(new Action.SetDesired("w1", B))))
                        .getMessage())
                .isEqualTo("[order] step 1, pool worker: started [w1] but the candidate order begins" + " with [w3]");
        RolloutInvariants.checkOrder(1, s, Planner.next(s).actions());
    }

    @Test
    void deterministic_catchesAControllerWithItsOwnRandomness() {
        Random r = new Random(1);
        Controller coin = s -> List.of(
                new Action.SetDesired(s.nodes().get(r.nextInt(s.nodes().size())).name(), B));

        assertThat(violation(() -> RolloutInvariants.checkDeterministic(coin, workers(8, "1")))
                        .invariant())
                .isEqualTo("deterministic");
        RolloutInvariants.checkDeterministic(Controller.planner(), workers(8, "1"));
    }

    @Test
    void termination_aControllerSlowerThanTheBudgetAllows() {
        // one node at a time although the budget is 2: correct but 4 waves where 2 suffice
        Controller oneAtATime = s -> {
            List<Action> all = Planner.next(s).actions();
            List<Action> out = new ArrayList<>();
            boolean started = false;
            for (Action a : all) {
                if (a instanceof Action.SetDesired) {
                    if (started || s.nodes().stream().anyMatch(RolloutInvariants::unavailable)) {
                        continue;
                    }
                    started = true;
                }
                out.add(a);
            }
            return out;
        };
        FleetSimulator sim = new FleetSimulator(workers(4, "2"), oneAtATime, 1L).runUntilIdle(100);

        assertThat(violation(() -> RolloutInvariants.checkRun(sim.history())).getMessage())
                .isEqualTo("[termination] step " + sim.steps()
                        + ", pool worker: started its 4 pending nodes in 4 waves," + " budget 2 allows 2");
    }

    @Test
    void gates_lockSlotsAndWindows() {
        Snapshot s = workers(2, "2").withLocks(List.of(new LockGroup("g", 1, new TreeSet<>(List.of("w1", "w2")))));
        assertThat(violation(() -> RolloutInvariants.checkGates(s)).invariant()).isEqualTo("lock-slots");

        MaintenanceWindow sundays = new MaintenanceWindow(
                java.util.Set.of(java.time.DayOfWeek.SUNDAY),
                java.time.LocalTime.of(2, 0),
                60,
                java.time.ZoneId.of("UTC"),
                new TreeSet<>());
        Snapshot closed = workers(1, "1").withWindows(List.of(sundays)); // NOW is a Wednesday
        assertThat(violation(() -> RolloutInvariants.checkGatedStep(2, closed, List.of(new Action.Cordon("w1"))))
                        .invariant())
                .isEqualTo("window");
    }

    @Test
    void unavailableWithinBudget_isAStateProperty() {
        Snapshot s = workers(3, "1");
        Snapshot two =
                s.withNode(s.node("w1").withReady(false)).withNode(s.node("w2").withCordon("admin"));
        assertThat(violation(() -> RolloutInvariants.checkUnavailableWithinBudget(two))
                        .getMessage())
                .contains("2 nodes unavailable, budget is 1");
    }
}
