package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSimulatorTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    static Snapshot workers(int count, String budget) {
        List<Node> nodes = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(Node.of("w" + i, "worker", "a", NOW.minusSeconds(i), "rendered-a"));
        }
        return Snapshot.of(
                NOW, List.of(Pool.of("worker", MaxUnavailable.parse(budget), Target.of("rendered-b"))), nodes);
    }

    @Test
    void step_appliesThePlannersActionsAndRecordsThem() {
        FleetSimulator sim = new FleetSimulator(workers(3, "1"), Controller.planner(), 7L);
        FleetSimulator.Step step = sim.step();

        assertThat(step.number()).isEqualTo(1);
        assertThat(step.actions()).hasSize(1).first().isInstanceOf(Action.SetDesired.class);
        assertThat(step.outcomes()).allSatisfy(o -> assertThat(o.applied()).isTrue());
        assertThat(sim.snapshot()).isEqualTo(step.after());
        assertThat(sim.snapshot().node(step.actions().get(0).node()).desiredConfig())
                .isEqualTo("rendered-b");
        assertThat(sim.history()).containsExactly(step);
    }

    @Test
    void runUntilIdle_finishesARolloutWithThePlanner() {
        FleetSimulator sim = new FleetSimulator(workers(4, "50%"), Controller.planner(), 7L).runUntilIdle(100);

        assertThat(sim.snapshot().nodes())
                .allSatisfy(n -> assertThat(n.runs(Target.of("rendered-b")) && n.isDone() && !n.unschedulable())
                        .isTrue());
        RolloutInvariants.checkRun(sim.history());
    }

    @Test
    void chaos_isDeterministicForASeed() {
        FleetSimulator a = new FleetSimulator(workers(6, "2"), Controller.planner(), 99L).chaos(60, 0.4);
        FleetSimulator b = new FleetSimulator(workers(6, "2"), Controller.planner(), 99L).chaos(60, 0.4);
        FleetSimulator c = new FleetSimulator(workers(6, "2"), Controller.planner(), 100L).chaos(60, 0.4);

        assertThat(a.history()).isEqualTo(b.history());
        assertThat(a.history()).isNotEqualTo(c.history());
        assertThat(a.history()).anyMatch(e -> e instanceof FleetSimulator.Injected);
        RolloutInvariants.checkRun(a.history());
    }

    @Test
    void blockedDrain_doesNothingUntilUnblocked() {
        FleetSimulator sim = new FleetSimulator(workers(1, "1"), Controller.planner(), 1L);
        sim.inject(new Fault.BlockDrain("w1"));
        sim.step(); // SetDesired
        sim.step(); // Cordon
        FleetSimulator.Step drain = sim.step();

        assertThat(drain.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.action()).isInstanceOf(Action.Drain.class);
            assertThat(o.applied()).isFalse();
            assertThat(o.note()).isEqualTo("drain blocked");
        });
        assertThat(sim.snapshot().node("w1").drained()).isFalse();
        sim.inject(new Fault.UnblockDrain("w1"));
        assertThat(sim.step().outcomes().get(0).applied()).isTrue();
        assertThat(sim.snapshot().node("w1").drained()).isTrue();
    }

    @Test
    void failApply_turnsTheAgentDegradedOnce() {
        FleetSimulator sim = new FleetSimulator(workers(1, "1"), Controller.planner(), 1L);
        sim.inject(new Fault.FailApply("w1"));
        for (int i = 0; i < 4; i++) {
            sim.step(); // SetDesired, Cordon, Drain, Apply
        }
        Node n = sim.snapshot().node("w1");
        assertThat(n.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(n.isFailing()).isTrue();
        assertThat(((FleetSimulator.Step) sim.last()).outcomes().get(0).note()).isEqualTo("apply failed");

        sim.inject(new Fault.Recover("w1")).runUntilIdle(20);
        assertThat(sim.snapshot().node("w1").runs(Target.of("rendered-b"))).isTrue();
    }

    @Test
    void cordonOfAnAdminCordonedNode_keepsTheAdminAsOwner() {
        Controller cordonAll = s -> s.nodes().stream()
                .map(n -> (Action) new Action.Cordon(n.name()))
                .toList();
        FleetSimulator sim = new FleetSimulator(workers(2, "1"), cordonAll, 1L);
        sim.inject(new Fault.AdminCordon("w1"));
        FleetSimulator.Step step = sim.step();

        assertThat(sim.snapshot().node("w1").cordonedBy()).isEqualTo("admin");
        assertThat(sim.snapshot().node("w2").cordonedBy()).isEqualTo(Planner.CORDON_OWNER);
        assertThat(step.outcomes().get(0).note()).isEqualTo("already cordoned by admin");
    }

    @Test
    void actionOnAnUnknownNode_isRejectedAndFlagged() {
        Controller ghost = s -> List.of(new Action.Cordon("ghost"));
        FleetSimulator sim = new FleetSimulator(workers(1, "1"), ghost, 1L);
        FleetSimulator.Step step = sim.step();

        assertThat(step.outcomes().get(0).note()).isEqualTo("unknown node");
        assertThat(step.after()).isEqualTo(step.before());
        assertThatThrownBy(() -> RolloutInvariants.checkStep(step))
                .isInstanceOfSatisfying(
                        InvariantViolation.class, v -> assertThat(v.invariant()).isEqualTo("one-action-per-node"));
    }

    @Test
    void faults_changeTheFleetAndAreRecorded() {
        FleetSimulator sim = new FleetSimulator(workers(2, "1"), Controller.planner(), 1L);
        sim.inject(new Fault.Readiness("w1", false))
                .inject(new Fault.AdminCordon("w2"))
                .inject(new Fault.ChangeTarget("worker", Target.of("rendered-c")))
                .inject(new Fault.Pause("worker", true))
                .inject(new Fault.AdvanceClock(Duration.ofMinutes(5)));
        Snapshot s = sim.snapshot();

        assertThat(s.node("w1").ready()).isFalse();
        assertThat(s.node("w2").cordonedBy()).isEqualTo("admin");
        assertThat(s.pool("worker").target().config()).isEqualTo("rendered-c");
        assertThat(s.pool("worker").previous().config()).isEqualTo("rendered-b");
        assertThat(s.pool("worker").paused()).isTrue();
        assertThat(s.now()).isEqualTo(NOW.plusSeconds(300));
        assertThat(sim.history()).hasSize(5).allMatch(e -> e instanceof FleetSimulator.Injected);
        sim.inject(new Fault.AdminUncordon("w2"));
        assertThat(sim.snapshot().node("w2").unschedulable()).isFalse();
    }

    @Test
    void inject_rejectsUnknownNamesAndBackwardClocks() {
        FleetSimulator sim = new FleetSimulator(workers(1, "1"), Controller.planner(), 1L);

        assertThatThrownBy(() -> sim.inject(new Fault.AdminCordon("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fault names unknown node nope");
        assertThatThrownBy(() -> sim.inject(new Fault.Pause("nope", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fault names unknown pool nope");
        assertThatThrownBy(() -> new Fault.AdvanceClock(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only advances");
        assertThat(sim.history()).isEmpty();
    }

    @Test
    void runUntilIdle_reportsAControllerThatNeverStops() {
        Controller restless = s -> List.of(new Action.Drain("w1"));
        FleetSimulator sim = new FleetSimulator(workers(1, "1"), restless, 1L);

        assertThatThrownBy(() -> sim.runUntilIdle(5)).isInstanceOfSatisfying(InvariantViolation.class, v -> {
            assertThat(v.invariant()).isEqualTo("termination");
            assertThat(v.where()).isEqualTo("step 5");
        });
    }

    @Test
    void partialStep_appliesOnlyTheFirstActions() {
        FleetSimulator sim = new FleetSimulator(workers(4, "100%"), Controller.planner(), 1L);
        FleetSimulator.Step step = sim.step(1);

        assertThat(step.actions()).hasSize(4);
        assertThat(step.outcomes())
                .extracting(FleetSimulator.Outcome::applied)
                .containsExactly(true, false, false, false);
        assertThat(sim.snapshot().nodes().stream().filter(n -> n.desiredConfig().equals("rendered-b")))
                .hasSize(1);
    }
}
