package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.Controller;
import dev.coreos4j.testkit.FleetArbitraries;
import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.RolloutInvariants;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fault-free {@link FleetSimulator} runs of {@link Planner#next} from mid-rollout snapshots (handed-out, Working,
 * failing and leaving-image-mode nodes included): the budget, quorum, order and termination invariants hold at every
 * step, and {@link Planner#plan} from the run's first snapshot and from every intermediate one ends where the run
 * ends (the same pool statuses and the same blocked nodes with the same reasons).
 */
class PlanResumeProperties {

    @Provide
    Arbitrary<Snapshot> messy() {
        // mid-rollout states, and settled clusters whose runs go all the way
        return net.jqwik.api.Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, FleetArbitraries.messySnapshots()),
                net.jqwik.api.Tuple.of(1, FleetArbitraries.cleanSnapshots()));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.MIXIN)
    void plan_fromAnyIntermediateSnapshotOfARunEndsWhereTheRunEnds(@ForAll("messy") Snapshot s) {
        FleetSimulator sim = new FleetSimulator(s, Controller.planner(), 0L)
                .runUntilIdle(4 * s.nodes().size() + 40);
        RolloutInvariants.checkRun(sim.history());
        Snapshot end = sim.snapshot();
        NextStep idle = Planner.next(end);
        assertThat(idle.actions()).isEmpty();
        int steps = 0;
        for (FleetSimulator.Event e : sim.history()) {
            FleetSimulator.Step step = (FleetSimulator.Step) e;
            RolloutInvariants.checkOrder(step.number(), step.before(), step.actions());
            Plan plan = Planner.plan(step.before());
            assertThat(plan.after())
                    .as("plan from step %d ends with the run's statuses", step.number())
                    .isEqualTo(Planner.status(end));
            assertThat(plan.blocked())
                    .as("plan from step %d ends with the run's blocked nodes", step.number())
                    .isEqualTo(idle.blocked());
            steps++;
        }
        Statistics.label("steps").collect(steps <= 2 ? "<=2" : steps <= 8 ? "3-8" : ">8");
        Statistics.label("ends").collect(idle.blocked().isEmpty() ? "every node on target" : "blocked nodes left");
    }
}
