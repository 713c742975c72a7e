package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Snapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The simulator is deterministic for a seed and our planner keeps every rollout invariant under chaos. */
class FleetSimulatorProperties {

    @Provide
    Arbitrary<Snapshot> messy() {
        return FleetArbitraries.messySnapshots();
    }

    @Provide
    Arbitrary<Snapshot> gated() {
        return FleetArbitraries.gatedSnapshots();
    }

    @Property(tries = 100)
    void chaos_withThePlanner_keepsEveryStepInvariant_andRepeatsForTheSameSeed(
            @ForAll("messy") Snapshot s, @ForAll long seed) {
        FleetSimulator a = new FleetSimulator(s, Controller.planner(), seed).chaos(30, 0.3);
        FleetSimulator b = new FleetSimulator(s, Controller.planner(), seed).chaos(30, 0.3);

        RolloutInvariants.checkRun(a.history());
        assertThat(b.history()).isEqualTo(a.history());
        Statistics.label("faults")
                .collect(
                        a.history().size() - a.steps() == 0
                                ? "0"
                                : a.history().size() - a.steps() <= 10 ? "1-10" : ">10");
    }

    @Property(tries = 60)
    void chaos_onGatedFleets_keepsTheGates(@ForAll("gated") Snapshot s, @ForAll long seed) {
        FleetSimulator sim = new FleetSimulator(s, Controller.planner(), seed);
        for (int i = 0; i < 30; i++) {
            sim.chaos(1, 0.3);
            FleetSimulator.Step step = (FleetSimulator.Step) sim.last();
            RolloutInvariants.checkStep(step);
            RolloutInvariants.checkGatedStep(step.number(), step.before(), step.actions());
        }
        Statistics.label("moved")
                .collect(sim.history().stream()
                        .anyMatch(e -> e instanceof FleetSimulator.Step
                                && !((FleetSimulator.Step) e).actions().isEmpty()));
    }
}
