package dev.coreos4j.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.testkit.Fault;
import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.InvariantViolation;
import dev.coreos4j.testkit.RolloutInvariants;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seeded bug, driven by hand from plain JUnit: no jqwik needed. */
class NaiveRolloutControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private static Snapshot threeWorkers() {
        return Snapshot.of(
                NOW,
                List.of(Pool.of("worker", MaxUnavailable.parse("1"), Target.of("rendered-b"))),
                List.of(
                        Node.of("w1", "worker", "a", NOW, "rendered-a"),
                        Node.of("w2", "worker", "a", NOW, "rendered-a"),
                        Node.of("w3", "worker", "b", NOW, "rendered-a")));
    }

    @Test
    void buggy_startsANodeBesideAnAdminCordonedOne_andTheBudgetInvariantSaysSo() {
        FleetSimulator sim = new FleetSimulator(threeWorkers(), NaiveRolloutController.buggy(), 1L);
        sim.inject(new Fault.AdminCordon("w2"));
        sim.step();

        assertThatThrownBy(() -> RolloutInvariants.checkRun(sim.history()))
                .isInstanceOfSatisfying(InvariantViolation.class, v -> {
                    assertThat(v.invariant()).isEqualTo("budget");
                    assertThat(v.where()).isEqualTo("step 1, pool worker");
                    assertThat(v.getMessage())
                            .isEqualTo("[budget] step 1, pool worker: 2 nodes unavailable after the"
                                    + " step, budget is 1 (maxUnavailable 1 of 3): w1 (updating), w2 (cordoned by admin);"
                                    + " the controller disrupted w1");
                });
    }

    @Test
    void fixed_waitsForTheAdminAndFinishesOnceUncordoned() {
        FleetSimulator sim = new FleetSimulator(threeWorkers(), NaiveRolloutController.fixed(), 1L);
        sim.inject(new Fault.AdminCordon("w2"));
        assertThat(sim.step().actions()).isEmpty();
        sim.inject(new Fault.AdminUncordon("w2"));
        sim.runUntilIdle(50);

        RolloutInvariants.checkRun(sim.history());
        assertThat(sim.snapshot().nodes()).allSatisfy(n -> {
            assertThat(n.currentConfig()).isEqualTo("rendered-b");
            assertThat(n.isDone()).isTrue();
            assertThat(n.unschedulable()).isFalse();
        });
    }

    @Test
    void fixed_faultFreeRun_terminatesInOneWavePerNode() {
        FleetSimulator sim = new FleetSimulator(threeWorkers(), NaiveRolloutController.fixed(), 1L);
        sim.runUntilIdle(50);

        RolloutInvariants.checkRun(sim.history());
        RolloutInvariants.checkTermination(sim.history());
        assertThat(sim.steps()).isEqualTo(3 * 6 + 1);
    }
}
