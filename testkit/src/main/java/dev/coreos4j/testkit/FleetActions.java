package dev.coreos4j.testkit;

import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Ready-made jqwik state-machine actions over a {@link FleetSimulator}: a controller step, a partial controller step,
 * and one action per {@link Fault} kind, each applicable only where it changes something (a node to fail must be
 * moving, a node to uncordon must be cordoned, …) and shrinking to fewer, earlier faults. Combine them with
 * {@link ActionChain#startWith} or take {@link #chains} ready-made, and check with
 * {@code chain.withInvariant(RolloutInvariants::checkLatest)}.
 *
 * <p>The simulator is mutable: every transformer mutates it and returns it, and jqwik re-creates it from the
 * chain's supplier for each try and each shrinking attempt, so runs are reproducible for jqwik's seed.
 */
public final class FleetActions {

    private FleetActions() {}

    /** The controller decides and every action is attempted ({@link FleetSimulator#step()}). */
    public static Action.Independent<FleetSimulator> controllerStep() {
        return () -> Arbitraries.just(Transformer.mutate("controller step", FleetSimulator::step));
    }

    /** The controller decides and only its first 0 to 3 actions are attempted ({@link FleetSimulator#step(int)}). */
    public static Action.Independent<FleetSimulator> partialControllerStep() {
        return () -> Arbitraries.integers()
                .between(0, 3)
                .map(k -> Transformer.mutate("partial controller step (" + k + " applied)", sim -> sim.step(k)));
    }

    /** {@link Fault.BlockDrain} on a node whose drain is not blocked yet. */
    public static Action.Dependent<FleetSimulator> blockDrain() {
        return onNode(n -> true, n -> new Fault.BlockDrain(n.name()));
    }

    /** {@link Fault.UnblockDrain} on a node whose drain is blocked. */
    public static Action.Dependent<FleetSimulator> unblockDrain() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(FleetSimulator sim) {
                return !sim.blockedDrains().isEmpty();
            }

            @Override
            public Arbitrary<Transformer<FleetSimulator>> transformer(FleetSimulator sim) {
                return Arbitraries.of(List.copyOf(sim.blockedDrains())).map(n -> inject(new Fault.UnblockDrain(n)));
            }
        };
    }

    /** {@link Fault.FailApply} on a node whose agent is not failing (its next Apply will fail). */
    public static Action.Dependent<FleetSimulator> failApply() {
        return onNode(n -> n.state() == NodeState.DONE, n -> new Fault.FailApply(n.name()));
    }

    /** {@link Fault.Recover} on a Degraded or Unreconcilable node. */
    public static Action.Dependent<FleetSimulator> recover() {
        return onNode(
                n -> n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE,
                n -> new Fault.Recover(n.name()));
    }

    /** {@link Fault.Readiness}: a Ready node goes NotReady. */
    public static Action.Dependent<FleetSimulator> notReady() {
        return onNode(Node::ready, n -> new Fault.Readiness(n.name(), false));
    }

    /** {@link Fault.Readiness}: a NotReady node becomes Ready. */
    public static Action.Dependent<FleetSimulator> ready() {
        return onNode(n -> !n.ready(), n -> new Fault.Readiness(n.name(), true));
    }

    /** {@link Fault.AdminCordon} on a schedulable node. */
    public static Action.Dependent<FleetSimulator> adminCordon() {
        return onNode(n -> !n.unschedulable(), n -> new Fault.AdminCordon(n.name()));
    }

    /** {@link Fault.AdminUncordon} on a cordoned node (whoever cordoned it). */
    public static Action.Dependent<FleetSimulator> adminUncordon() {
        return onNode(Node::unschedulable, n -> new Fault.AdminUncordon(n.name()));
    }

    /** {@link Fault.ChangeTarget} to {@link FleetSimulator#alternateTarget(Pool)} on any pool. */
    public static Action.Dependent<FleetSimulator> changeTarget() {
        return onPool(p -> new Fault.ChangeTarget(p.name(), FleetSimulator.alternateTarget(p)));
    }

    /** {@link Fault.Pause} toggling a pool's pause. */
    public static Action.Dependent<FleetSimulator> togglePause() {
        return onPool(p -> new Fault.Pause(p.name(), !p.paused()));
    }

    /** {@link Fault.AdvanceClock} by 1 to 600 minutes. */
    public static Action.Independent<FleetSimulator> advanceClock() {
        return () ->
                Arbitraries.integers().between(1, 600).map(m -> inject(new Fault.AdvanceClock(Duration.ofMinutes(m))));
    }

    /** The clock jumps to the next start of a maintenance window (applicable when the fleet has windows). */
    public static Action.Dependent<FleetSimulator> windowOpens() {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(FleetSimulator sim) {
                return !sim.snapshot().windows().isEmpty();
            }

            @Override
            public Arbitrary<Transformer<FleetSimulator>> transformer(FleetSimulator sim) {
                return Arbitraries.just(Transformer.mutate("window opens", s -> {
                    Snapshot x = s.snapshot();
                    Instant next = null;
                    for (MaintenanceWindow w : x.windows()) {
                        Instant t = w.nextStart(x.now().plusSeconds(60));
                        if (t != null && (next == null || t.isBefore(next))) {
                            next = t;
                        }
                    }
                    if (next != null && next.isAfter(x.now())) {
                        s.inject(new Fault.AdvanceClock(Duration.between(x.now(), next)));
                    }
                }));
            }
        };
    }

    /**
     * Chains over fleets from {@code fleets}, each starting a fresh {@link FleetSimulator} driven by
     * {@code controller} (seeded from the fleet, so a chain is reproducible), with controller steps (weight 6),
     * partial steps (2) and every fault kind (1 each), at most {@code maxTransformations} long.
     */
    public static Arbitrary<ActionChain<FleetSimulator>> chains(
            Arbitrary<Snapshot> fleets, Controller controller, int maxTransformations) {
        return fleets.flatMap(s -> withFaults(
                ActionChain.startWith(
                        () -> new FleetSimulator(s, controller, s.nodes().size())),
                maxTransformations));
    }

    /** {@code chain} with {@link #chains}' mix of controller steps and faults added. */
    public static ActionChainArbitrary<FleetSimulator> withFaults(
            ActionChainArbitrary<FleetSimulator> chain, int maxTransformations) {
        return chain.withAction(6, controllerStep())
                .withAction(2, partialControllerStep())
                .withAction(1, blockDrain())
                .withAction(1, unblockDrain())
                .withAction(1, failApply())
                .withAction(1, recover())
                .withAction(1, notReady())
                .withAction(1, ready())
                .withAction(1, adminCordon())
                .withAction(1, adminUncordon())
                .withAction(1, changeTarget())
                .withAction(1, togglePause())
                .withAction(1, advanceClock())
                .withMaxTransformations(maxTransformations);
    }

    /** A transformer that injects {@code fault}, described by it. */
    public static Transformer<FleetSimulator> inject(Fault fault) {
        return Transformer.mutate(fault.describe(), sim -> sim.inject(fault));
    }

    private static Action.Dependent<FleetSimulator> onNode(Predicate<Node> applies, Function<Node, Fault> fault) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(FleetSimulator sim) {
                return sim.snapshot().nodes().stream().anyMatch(applies);
            }

            @Override
            public Arbitrary<Transformer<FleetSimulator>> transformer(FleetSimulator sim) {
                List<Node> nodes =
                        sim.snapshot().nodes().stream().filter(applies).toList();
                return Arbitraries.of(nodes).map(n -> inject(fault.apply(n)));
            }
        };
    }

    private static Action.Dependent<FleetSimulator> onPool(Function<Pool, Fault> fault) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(FleetSimulator sim) {
                return !sim.snapshot().pools().isEmpty();
            }

            @Override
            public Arbitrary<Transformer<FleetSimulator>> transformer(FleetSimulator sim) {
                return Arbitraries.of(sim.snapshot().pools()).map(p -> inject(fault.apply(p)));
            }
        };
    }
}
