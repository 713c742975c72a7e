package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.Controller;
import dev.coreos4j.testkit.FleetArbitraries;
import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.InvariantViolation;
import dev.coreos4j.testkit.RolloutInvariants;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Spec §4 invariants 9 (arbiter topology) and 11 (single-node clusters) over the testkit's snapshots, at every wave of
 * {@link Planner#plan} and at every step of a {@link FleetSimulator} run of {@link Planner#next}.
 */
class TopologyProperties {

    // ------------------------------------------------------------------------------------------------ arbiter

    /** The testkit's clean or messy snapshots with an arbiter pool of one or two nodes, under HighlyAvailableArbiter. */
    @Provide
    Arbitrary<Snapshot> arbiterSnapshots() {
        return Arbitraries.of(true, false).flatMap(clean -> {
            Arbitrary<Snapshot> base = clean ? FleetArbitraries.cleanSnapshots() : FleetArbitraries.messySnapshots();
            Arbitrary<Pool> arbiter = FleetArbitraries.pools("arbiter", !clean);
            return Combinators.combine(base, arbiter).flatAs((s, p) -> {
                Arbitrary<Node> node = clean ? FleetArbitraries.cleanNodes("arbiter") : FleetArbitraries.messyNodes(p);
                return node.list().ofMinSize(1).ofMaxSize(2).map(list -> withArbiter(s, p, list));
            });
        });
    }

    private static Snapshot withArbiter(Snapshot s, Pool arbiter, List<Node> arbiterNodes) {
        List<Pool> pools = new ArrayList<>(s.pools());
        pools.add(arbiter);
        List<Node> nodes = new ArrayList<>(s.nodes());
        for (int i = 0; i < arbiterNodes.size(); i++) {
            nodes.add(renamed(arbiterNodes.get(i), "arbiter-" + i));
        }
        return s.withPools(pools).withNodes(nodes).withTopology(Topology.HIGHLY_AVAILABLE_ARBITER);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void plan_mastersAndArbiterNeverStartTogether(@ForAll("arbiterSnapshots") Snapshot s) {
        Plan plan = Planner.plan(s);
        boolean settledMasters = side(s, true).stream().noneMatch(TopologyProperties::out);
        boolean settledArbiter = side(s, false).stream().noneMatch(TopologyProperties::out);
        for (Wave w : plan.waves()) {
            long masters = w.nodes().stream().filter(e -> isMaster(s, e.pool())).count();
            long arbiters = w.nodes().stream()
                    .filter(e -> e.pool().equals(Topology.ARBITER_POOL))
                    .count();
            if (settledMasters && settledArbiter) {
                // from a settled state, a wave never holds both sides, and the arbiter moves one node at a time
                assertThat(masters == 0 || arbiters == 0)
                        .as("wave %d holds masters and arbiter", w.index())
                        .isTrue();
                assertThat(arbiters).as("arbiter nodes in wave %d", w.index()).isLessThanOrEqualTo(1);
            }
        }
        Statistics.label("arbiter moves")
                .collect(plan.waves().stream()
                        .flatMap(w -> w.nodes().stream())
                        .anyMatch(e -> e.pool().equals(Topology.ARBITER_POOL)));
    }

    @Property(tries = 120, edgeCases = EdgeCasesMode.MIXIN)
    void simulation_arbiterExclusionHoldsAtEveryStep(
            @ForAll("arbiterSnapshots") Snapshot s, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        FleetSimulator sim = new FleetSimulator(s, Controller.planner(), seed).runUntilIdle(400);
        boolean startsSettled = side(s, true).stream().noneMatch(TopologyProperties::out)
                || side(s, false).stream().noneMatch(TopologyProperties::out);
        for (FleetSimulator.Event e : sim.history()) {
            if (!(e instanceof FleetSimulator.Step)) {
                continue;
            }
            FleetSimulator.Step step = (FleetSimulator.Step) e;
            checkArbiterStep(step.index(), step.before(), step.actions());
            if (startsSettled) {
                boolean mastersOut = side(step.after(), true).stream().anyMatch(TopologyProperties::out);
                boolean arbiterOut = side(step.after(), false).stream().anyMatch(TopologyProperties::out);
                if (mastersOut && arbiterOut) {
                    throw new InvariantViolation(
                            "arbiter", "step " + step.index(), "a master and an arbiter node are unavailable together");
                }
            }
        }
    }

    /**
     * Invariant 9 for one decision: no master starts while an arbiter node is unavailable, and no arbiter node starts
     * while a master is unavailable or starts in the same step.
     */
    static void checkArbiterStep(int index, Snapshot before, List<Action> actions) {
        String masterOut = first(side(before, true));
        String arbiterOut = first(side(before, false));
        String masterStart = null;
        for (Action a : actions) {
            Node n = before.node(a.node());
            if (starts(n, a) && isMaster(before, n.pool())) {
                masterStart = n.name();
                if (arbiterOut != null) {
                    throw new InvariantViolation(
                            "arbiter",
                            "step " + index,
                            "master " + n.name() + " started while arbiter node " + arbiterOut + " is unavailable");
                }
            }
        }
        for (Action a : actions) {
            Node n = before.node(a.node());
            if (starts(n, a) && Topology.ARBITER_POOL.equals(n.pool())) {
                String master = masterOut != null ? masterOut : masterStart;
                if (master != null) {
                    throw new InvariantViolation(
                            "arbiter",
                            "step " + index,
                            "arbiter node " + n.name() + " started while master " + master
                                    + " is unavailable or starting");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ single node

    /** One pool with one node (clean or messy), SingleReplica, with or without the opt-in. */
    @Provide
    Arbitrary<Snapshot> singleNodeSnapshots() {
        Arbitrary<Snapshot> clean = FleetArbitraries.cleanSnapshots()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.pool() != null))
                .map(s -> oneNode(
                        s,
                        s.nodes().stream()
                                .filter(n -> n.pool() != null)
                                .findFirst()
                                .orElseThrow()));
        Arbitrary<Snapshot> messy = Arbitraries.of("master", "worker")
                .flatMap(name -> FleetArbitraries.pools(name, true)
                        .flatMap(p -> FleetArbitraries.messyNodes(p)
                                .map(n ->
                                        Snapshot.of(FleetArbitraries.NOW, List.of(p), List.of(renamed(n, "sno-0"))))));
        return Combinators.combine(Arbitraries.oneOf(clean, messy), Arbitraries.of(true, false))
                .as((s, accept) -> s.withTopology(Topology.SINGLE_REPLICA).withAcceptAvailabilityLoss(accept));
    }

    private static Snapshot oneNode(Snapshot s, Node only) {
        return s.withNodes(List.of(only)).withPools(List.of(s.pool(only.pool())));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void plan_singleNodeMovesOnlyWithOptInAndNeverDrains(@ForAll("singleNodeSnapshots") Snapshot s) {
        Plan plan = Planner.plan(s);
        Node only = s.nodes().get(0);
        boolean rebooted = false;
        for (Wave w : plan.waves()) {
            for (Wave.Entry e : w.nodes()) {
                assertThat(e.steps()).doesNotContain("Cordon", "Drain");
                if (!s.acceptAvailabilityLoss() && only.isDone() && !only.unschedulable()) {
                    assertThat(e.steps())
                            .as("a settled single node starts without opt-in")
                            .doesNotContain("SetDesired");
                }
                rebooted |= e.steps().contains("Reboot");
            }
        }
        assertThat(plan.notes().stream().anyMatch(n -> n.startsWith("availability loss accepted")))
                .as("availability-loss note")
                .isEqualTo(s.acceptAvailabilityLoss() && rebooted);
        assertThat(plan.notes().stream().anyMatch(n -> n.contains(" stops before reaching ")))
                .as("stop note")
                .isEqualTo(!plan.blocked().isEmpty());
        if (!s.acceptAvailabilityLoss()
                && only.isSchedulable()
                && only.isDone()
                && only.ready()
                && !s.pools().get(0).paused()
                && !only.targets(s.pools().get(0).target())) {
            assertThat(plan.blocked()).extracting(Blocked::reason).containsExactly(Reason.AVAILABILITY_LOSS);
        }
        Statistics.label("opt-in, rebooted").collect(s.acceptAvailabilityLoss(), rebooted);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
    void simulation_singleNodeIsDisruptedOnlyWithOptIn(
            @ForAll("singleNodeSnapshots") Snapshot s, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        FleetSimulator sim = new FleetSimulator(s, Controller.planner(), seed).runUntilIdle(100);
        for (FleetSimulator.Event e : sim.history()) {
            if (!(e instanceof FleetSimulator.Step)) {
                continue;
            }
            FleetSimulator.Step step = (FleetSimulator.Step) e;
            RolloutInvariants.checkStep(step);
            for (Action a : step.actions()) {
                if (a instanceof Action.Cordon || a instanceof Action.Drain) {
                    throw new InvariantViolation(
                            "single-node",
                            "step " + step.index(),
                            a.step() + " of " + a.node() + " under SingleReplica");
                }
                Node n = step.before().node(a.node());
                if (!s.acceptAvailabilityLoss()
                        && starts(n, a)
                        && !((Action.SetDesired) a).target().config().equals(n.currentConfig())) {
                    throw new InvariantViolation(
                            "single-node",
                            "step " + step.index(),
                            "started the only node " + n.name() + " without acceptAvailabilityLoss");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A SetDesired to a node that is neither unavailable nor failing: it makes the node unavailable. */
    private static boolean starts(Node n, Action a) {
        return a instanceof Action.SetDesired && !out(n);
    }

    private static boolean out(Node n) {
        return n.isUnavailable() || n.isFailing();
    }

    private static boolean isMaster(Snapshot s, String pool) {
        Pool p = pool == null ? null : s.pool(pool);
        return p != null && p.controlPlane();
    }

    /** The control-plane nodes ({@code masters}) or the arbiter pool's nodes. */
    private static List<Node> side(Snapshot s, boolean masters) {
        List<Node> out = new ArrayList<>();
        for (Node n : s.nodes()) {
            if (masters ? isMaster(s, n.pool()) : Topology.ARBITER_POOL.equals(n.pool())) {
                out.add(n);
            }
        }
        return out;
    }

    private static String first(List<Node> nodes) {
        for (Node n : nodes) {
            if (out(n)) {
                return n.name();
            }
        }
        return null;
    }

    private static Node renamed(Node n, String name) {
        return new Node(
                name,
                n.pool(),
                n.zone(),
                n.created(),
                n.ready(),
                n.unschedulable(),
                n.cordonedBy(),
                n.currentConfig(),
                n.desiredConfig(),
                n.currentImage(),
                n.desiredImage(),
                n.state(),
                n.reason(),
                n.drained(),
                n.staged(),
                n.pods());
    }
}
