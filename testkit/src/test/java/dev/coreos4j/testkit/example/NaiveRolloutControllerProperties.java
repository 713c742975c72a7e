package dev.coreos4j.testkit.example;

import dev.coreos4j.testkit.Controller;
import dev.coreos4j.testkit.ExpectViolation;
import dev.coreos4j.testkit.FleetActions;
import dev.coreos4j.testkit.FleetArbitraries;
import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.RolloutInvariants;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * The README example: a toy controller driven by {@link FleetSimulator} through jqwik {@code ActionChain}s of
 * controller steps and faults, judged by {@link RolloutInvariants}. The buggy controller must be caught by the
 * {@code budget} invariant, or by {@code quorum} when the pool it overruns is the control plane (the seed is pinned,
 * so the outcome never varies; seeds 1 to 4 found it too, two by each invariant); the fixed one must keep every
 * invariant on the same kind of runs.
 */
class NaiveRolloutControllerProperties {

    @Property(tries = 300)
    void fixedController_keepsEveryRolloutInvariant(@ForAll("fixedRuns") ActionChain<FleetSimulator> chain) {
        chain.withInvariant("rollout", RolloutInvariants::checkLatest).run();
    }

    @Property(tries = 300, seed = "20261125", afterFailure = AfterFailureMode.RANDOM_SEED)
    @ExpectViolation({"budget", "quorum"})
    void buggyController_isCaughtByTheBudgetOrQuorumInvariant(@ForAll("buggyRuns") ActionChain<FleetSimulator> chain) {
        chain.withInvariant("rollout", RolloutInvariants::checkLatest).run();
    }

    @Provide
    Arbitrary<ActionChain<FleetSimulator>> fixedRuns() {
        return runs(NaiveRolloutController.fixed());
    }

    @Provide
    Arbitrary<ActionChain<FleetSimulator>> buggyRuns() {
        return runs(NaiveRolloutController.buggy());
    }

    /** Settled clusters, then up to 40 controller steps interleaved with drains blocked, admin cordons, … */
    static Arbitrary<ActionChain<FleetSimulator>> runs(Controller controller) {
        return FleetArbitraries.cleanSnapshots()
                .flatMap(fleet -> ActionChain.startWith(() -> new FleetSimulator(fleet, controller, 42L))
                        .withAction(6, FleetActions.controllerStep())
                        .withAction(1, FleetActions.adminCordon())
                        .withAction(1, FleetActions.adminUncordon())
                        .withAction(1, FleetActions.notReady())
                        .withAction(1, FleetActions.ready())
                        .withAction(1, FleetActions.blockDrain())
                        .withAction(1, FleetActions.unblockDrain())
                        .withAction(1, FleetActions.failApply())
                        .withAction(1, FleetActions.recover())
                        .withAction(1, FleetActions.changeTarget())
                        .withAction(1, FleetActions.togglePause())
                        .withMaxTransformations(40));
    }
}
