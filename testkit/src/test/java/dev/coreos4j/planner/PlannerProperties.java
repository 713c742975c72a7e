package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.Controller;
import dev.coreos4j.testkit.FleetActions;
import dev.coreos4j.testkit.FleetArbitraries;
import dev.coreos4j.testkit.FleetSimulator;
import dev.coreos4j.testkit.RolloutInvariants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/** jqwik properties for the spec §4 invariants (numbers in the test names' comments refer to §4). */
class PlannerProperties {

    @Property(tries = 400)
    void next_keepsEveryStepInvariantOnAnyObservedState(@ForAll("messy") Snapshot s) {
        NextStep step = Planner.next(s);
        Invariants.checkStep(s, step);
        for (Blocked b : step.blocked()) {
            Statistics.label("reason").collect(b.reason());
        }
        Statistics.label("moves").collect(step.actions().isEmpty() ? "none" : "some");
    }

    @Property(tries = 200)
    void next_isDeterministicAndIndependentOfInputOrder(@ForAll("messy") Snapshot s, @ForAll Random random) {
        List<Node> nodes = new ArrayList<>(s.nodes());
        List<Pool> pools = new ArrayList<>(s.pools());
        Collections.shuffle(nodes, random);
        Collections.shuffle(pools, random);
        Snapshot shuffled = new Snapshot(
                s.now(),
                pools,
                nodes,
                s.configs(),
                s.policies(),
                s.pdbs(),
                s.windows(),
                s.locks(),
                s.limits(),
                Topology.HIGHLY_AVAILABLE,
                false);
        assertThat(Planner.next(shuffled)).isEqualTo(Planner.next(s));
        RolloutInvariants.checkDeterministic(Controller.planner(), s);
        assertThat(Planner.plan(shuffled)).isEqualTo(Planner.plan(s));
    }

    /** §4.3.13: the batch a pool starts is a prefix of the MCO order over its eligible, available candidates. */
    @Property(tries = 300)
    void next_startsAPrefixOfTheCandidateOrder(@ForAll("messy") Snapshot s) {
        NextStep step = Planner.next(s);
        RolloutInvariants.checkOrder(0, s, step.actions());
        Map<String, List<String>> starts = Invariants.starts(s, step);
        for (Pool p : s.pools()) {
            if (!p.paused()) {
                long fresh = starts.getOrDefault(p.name(), List.of()).stream()
                        .filter(n -> !RolloutInvariants.unavailable(s.node(n)))
                        .count();
                Statistics.label("fresh starts").collect(fresh);
            }
        }
    }

    /**
     * §4.6.26 termination with the minimum number of waves: each pool of a settled cluster finishes in exactly
     * ⌈pending/B⌉ waves (control plane: one node per wave), every node ends on target, nothing is left blocked.
     */
    @Property(tries = 200)
    void plan_finishesEveryPoolInCeilPendingOverBudgetWaves(@ForAll("clean") Snapshot clean) {
        Snapshot s = clean;
        Plan plan = Planner.plan(s);
        assertThat(plan.blocked()).isEmpty();
        Map<String, List<Node>> byPool = s.nodesByPool();
        int maxWaves = 0;
        for (Pool p : s.pools()) {
            int size = byPool.get(p.name()).size();
            int b = p.budget(size);
            int expected = (size + b - 1) / b;
            long waves = plan.waves().stream()
                    .filter(w -> w.nodes().stream().anyMatch(e -> e.pool().equals(p.name())))
                    .count();
            assertThat(waves)
                    .as("pool %s: %d nodes, budget %d", p.name(), size, b)
                    .isEqualTo(expected);
            for (Wave w : plan.waves()) {
                long inWave = w.nodes().stream()
                        .filter(e -> e.pool().equals(p.name()))
                        .count();
                assertThat(inWave).isLessThanOrEqualTo(b);
            }
            maxWaves = Math.max(maxWaves, expected);
            Statistics.label("budget").collect(b == 1 ? "1" : b < size ? "partial" : "whole pool");
        }
        assertThat(plan.waves()).hasSize(maxWaves);
        for (PoolStatus st : plan.after()) {
            assertThat(st.updated()).isEqualTo(st.machineCount());
            assertThat(st.isUpdated()).isTrue();
        }
        for (Wave w : plan.waves()) {
            for (Wave.Entry e : w.nodes()) {
                // §4.4.16 phase order for a reboot-needing change
                assertThat(e.steps()).containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Reboot", "Uncordon");
            }
        }
    }

    /** §4.6.31 prefix property: after wave 0 succeeds, the plan is the rest of the original plan. */
    @Property(tries = 150)
    void plan_afterTheFirstWaveIsTheRestOfThePlan(@ForAll("clean") Snapshot clean) {
        Snapshot s = clean;
        Plan plan = Planner.plan(s);
        Snapshot after = runFirstWave(s);
        Plan rest = Planner.plan(after);
        assertThat(rest.waves()).hasSize(Math.max(0, plan.waves().size() - 1));
        for (int i = 0; i < rest.waves().size(); i++) {
            assertThat(rest.waves().get(i).nodes())
                    .isEqualTo(plan.waves().get(i + 1).nodes());
        }
    }

    /** §4.6.30 re-entrancy: re-planning from every intermediate state of a plan ends in the same final state. */
    @Property(tries = 100)
    void plan_fromAnyIntermediateStateReachesTheSameEnd(@ForAll("clean") Snapshot clean, @ForAll("cuts") int cut) {
        Snapshot s = clean;
        Plan plan = Planner.plan(s);
        Snapshot cur = s;
        for (int i = 0; i < cut; i++) {
            NextStep step = Planner.next(cur);
            if (step.actions().isEmpty()) {
                break;
            }
            Invariants.checkStep(cur, step);
            cur = Simulator.succeed(cur, step.actions());
        }
        Plan resumed = Planner.plan(cur);
        assertThat(resumed.after()).isEqualTo(plan.after());
        assertThat(resumed.blocked()).isEmpty();
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 20);
    }

    /** §4.7.35: the rollback plan returns every touched node to its previous config and leaves others alone. */
    @Property(tries = 100)
    void rollback_restoresEveryTouchedNode(@ForAll("clean") Snapshot clean, @ForAll("cuts") int cut) {
        Snapshot s = clean;
        Snapshot cur = s;
        for (int i = 0; i < cut; i++) {
            NextStep step = Planner.next(cur);
            cur = Simulator.succeed(cur, step.actions());
        }
        List<Pool> pools = new ArrayList<>();
        for (Pool p : cur.pools()) {
            pools.add(new Pool(
                    p.name(),
                    p.controlPlane(),
                    p.maxUnavailable(),
                    false,
                    false,
                    p.target(),
                    Target.of("rendered-" + p.name() + "-a"),
                    p.newestFirst(),
                    null,
                    null,
                    null));
        }
        cur = cur.withPools(pools);
        Plan rb = Planner.rollback(cur);
        for (Wave w : rb.waves()) {
            for (Wave.Entry e : w.nodes()) {
                Node n = cur.node(e.name());
                assertThat(n.runs(Target.of("rendered-" + n.pool() + "-a")) && n.isDone() && !n.unschedulable())
                        .as("untouched node %s gets no rollback actions", n.name())
                        .isFalse();
            }
        }
        assertThat(rb.blocked()).isEmpty();
        for (PoolStatus st : rb.after()) {
            assertThat(st.isUpdated())
                    .as("pool %s back on its previous config", st.pool())
                    .isTrue();
        }
        Statistics.label("touched before rollback")
                .collect(rb.waves().stream().mapToInt(w -> w.nodes().size()).sum() > 0);
    }

    /**
     * §4.3.14 zone locality: a pool's first batch spans several zones only when it has started every candidate of
     * the zones before the last one it touches.
     */
    @Property(tries = 200)
    void next_firstBatchFillsOneZoneBeforeTheNext(@ForAll("clean") Snapshot clean) {
        Snapshot s = clean;
        NextStep step = Planner.next(s);
        Map<String, List<String>> starts = Invariants.starts(s, step);
        for (Pool p : s.pools()) {
            List<String> started = starts.getOrDefault(p.name(), List.of());
            if (started.isEmpty()) {
                continue;
            }
            List<Node> candidates = new ArrayList<>();
            for (Node n : s.nodes()) {
                if (p.name().equals(n.pool())) {
                    candidates.add(n);
                }
            }
            candidates.sort(RolloutInvariants.candidateOrder(p));
            Node last = candidates.get(started.size() - 1);
            java.util.Set<String> zones = new java.util.HashSet<>();
            for (String name : started) {
                Node n = s.node(name);
                zones.add(String.valueOf(n.zone()));
                if (!java.util.Objects.equals(n.zone(), last.zone())) {
                    // an earlier zone of the batch: every candidate in it was started
                    for (Node c : candidates) {
                        if (java.util.Objects.equals(c.zone(), n.zone())) {
                            assertThat(started)
                                    .as("zone %s filled before the next", n.zone())
                                    .contains(c.name());
                        }
                    }
                }
            }
            Statistics.label("zones in first batch").collect(zones.size());
        }
    }

    /** §4.5.23 count laws; the budget and the status share one unavailability predicate. */
    @Property(tries = 300)
    void status_followsTheCountLaws(@ForAll("messy") Snapshot s) {
        Map<String, List<Node>> byPool = s.nodesByPool();
        for (PoolStatus st : Planner.status(s)) {
            Pool p = s.pool(st.pool());
            List<Node> nodes = byPool.get(p.name());
            assertThat(st.machineCount()).isEqualTo(nodes.size());
            assertThat(st.ready()).isBetween(0, st.updated());
            assertThat(st.updated()).isBetween(0, st.machineCount());
            assertThat(st.unavailable()).isBetween(0, st.machineCount()).isEqualTo((int)
                    nodes.stream().filter(Node::isUnavailable).count());
            assertThat(st.degraded()).isBetween(0, st.machineCount());
            assertThat(st.isUpdated())
                    .isEqualTo(st.updated() == st.machineCount()
                            && st.ready() == st.machineCount()
                            && st.unavailable() == 0);
            assertThat(st.isUpdating()).isEqualTo(!st.isUpdated() && !p.paused());
            assertThat(st.isDegraded()).isEqualTo(st.degraded() > 0);
            Statistics.label("pool status")
                    .collect(st.isUpdated() ? "Updated" : st.isUpdating() ? "Updating" : "Paused");
        }
    }

    /**
     * §4.7.36 abort: after an abort nothing new starts, and every node ends whole, on its old or its new config.
     */
    @Property(tries = 150)
    void abort_startsNothingNewAndLeavesNoNodeHalfUpdated(@ForAll("clean") Snapshot clean, @ForAll("cuts") int cut) {
        Snapshot cur = clean;
        for (int i = 0; i < cut; i++) {
            cur = Simulator.succeed(cur, Planner.next(cur).actions());
        }
        List<Pool> aborted = new ArrayList<>();
        for (Pool p : cur.pools()) {
            aborted.add(p.withAborted(true));
        }
        Snapshot s = cur.withPools(aborted);
        Plan plan = Planner.plan(s);
        for (Wave w : plan.waves()) {
            for (Wave.Entry e : w.nodes()) {
                Node n = s.node(e.name());
                assertThat(!n.isDone() || n.isCordonedByPlanner())
                        .as("%s was started before the abort", n.name())
                        .isTrue();
            }
        }
        Snapshot end = s;
        for (int i = 0; i < 40; i++) {
            NextStep step = Planner.next(end);
            if (step.actions().isEmpty()) {
                break;
            }
            Invariants.checkStep(end, step);
            end = Simulator.succeed(end, step.actions());
        }
        for (Node n : end.nodes()) {
            assertThat(n.isDone()).as("%s is whole", n.name()).isTrue();
            assertThat(n.unschedulable()).as("%s uncordoned", n.name()).isFalse();
            assertThat(n.currentConfig()).isIn("rendered-" + n.pool() + "-a", "rendered-" + n.pool() + "-b");
        }
        Statistics.label("nodes in flight at abort")
                .collect(s.nodes().stream()
                                .filter(n -> !n.isDone() || n.unschedulable())
                                .count()
                        > 0);
    }

    // ------------------------------------------------------------------------------------------- stateful runs

    @Provide
    Arbitrary<Snapshot> messy() {
        return FleetArbitraries.messySnapshots();
    }

    @Provide
    Arbitrary<Snapshot> clean() {
        return FleetArbitraries.cleanSnapshots();
    }

    @Provide
    Arbitrary<Snapshot> gated() {
        return FleetArbitraries.gatedSnapshots();
    }

    /** The testkit's step invariants, our planner's own, and statistics on what the chain did. */
    static void plannerInvariants(FleetSimulator sim) {
        RolloutInvariants.checkLatest(sim);
        Invariants.checkPlannerStep(sim);
        FleetSimulator.Event last = sim.last();
        if (last instanceof FleetSimulator.Step) {
            Statistics.label("chain actions")
                    .collect(((FleetSimulator.Step) last).actions().isEmpty() ? "idle" : "moved");
        } else if (last instanceof FleetSimulator.Injected) {
            Statistics.label("injected")
                    .collect(((FleetSimulator.Injected) last).fault().getClass().getSimpleName());
        }
    }

    /**
     * §4.1.3 reachable-state safety and every step invariant along runs that interleave planner steps (all or part
     * of the actions succeeding), apply failures and recoveries, target changes, pause toggles and clock advances:
     * without outside disruption, no pool ever has more than B unavailable nodes.
     */
    @Property(tries = 150)
    void rollout_neverExceedsBudgetWithoutOutsideDisruption(@ForAll("calmRuns") ActionChain<FleetSimulator> chain) {
        chain.withInvariant("planner step", PlannerProperties::plannerInvariants)
                .withInvariant("U <= B", sim -> RolloutInvariants.checkUnavailableWithinBudget(sim.snapshot()))
                .run();
    }

    /**
     * With admins cordoning and uncordoning, nodes going NotReady, drains blocked and applies failing, every planner
     * step still obeys the step invariants.
     */
    @Property(tries = 150)
    void rollout_keepsStepInvariantsUnderOutsideDisruption(@ForAll("hostileRuns") ActionChain<FleetSimulator> chain) {
        chain.withInvariant("planner step", PlannerProperties::plannerInvariants)
                .run();
    }

    /** §4.6.26 step by step: a fault-free run from a settled cluster ends on target in ⌈pending/B⌉ waves. */
    @Property(tries = 100)
    void rollout_faultFreeRunTerminatesOnTargetInCeilPendingOverBudgetWaves(@ForAll("clean") Snapshot clean) {
        FleetSimulator sim = new FleetSimulator(clean, Controller.planner(), 1L);
        sim.runUntilIdle(20 * clean.nodes().size() + 10);
        RolloutInvariants.checkRun(sim.history());
        Statistics.label("controller steps").collect(sim.steps() <= 10 ? "<=10" : sim.steps() <= 40 ? "11-40" : ">40");
    }

    @Provide
    Arbitrary<ActionChain<FleetSimulator>> calmRuns() {
        return FleetArbitraries.cleanSnapshots()
                .flatMap(s -> ActionChain.startWith(() -> new FleetSimulator(s, Controller.planner(), 1L))
                        .withAction(6, FleetActions.controllerStep())
                        .withAction(2, FleetActions.partialControllerStep())
                        .withAction(1, FleetActions.failApply())
                        .withAction(1, FleetActions.recover())
                        .withAction(1, FleetActions.changeTarget())
                        .withAction(1, FleetActions.togglePause())
                        .withAction(1, FleetActions.advanceClock())
                        .withMaxTransformations(40));
    }

    @Provide
    Arbitrary<ActionChain<FleetSimulator>> hostileRuns() {
        return FleetActions.chains(FleetArbitraries.messySnapshots(), Controller.planner(), 40);
    }

    /**
     * §4.1.4-5 and §4.9.44-45 along runs with every coupling gate: lock holders never exceed slots and only holders
     * cordon, drain or reboot; disruptive steps only inside the window; PDB-covered pods out of service never exceed
     * what the PDB allows (once within it); cluster and zone unavailability stay within their limits; and plans of
     * gated clusters still terminate.
     */
    @Property(tries = 100)
    void rollout_respectsLocksWindowsPdbsAndLimits(@ForAll("gatedRuns") ActionChain<FleetSimulator> chain) {
        chain.withInvariant("planner step", sim -> {
                    plannerInvariants(sim);
                    if (sim.last() instanceof FleetSimulator.Step) {
                        FleetSimulator.Step step = (FleetSimulator.Step) sim.last();
                        RolloutInvariants.checkGatedStep(step.number(), step.before(), step.actions());
                        for (Blocked b : step.decision().blocked()) {
                            Statistics.label("gated reasons").collect(b.reason());
                        }
                    }
                })
                .withInvariant("gates", sim -> RolloutInvariants.checkGates(sim.snapshot()))
                .run();
    }

    @Property(tries = 60)
    void plan_ofAGatedClusterTerminatesWithinBudgets(@ForAll("gated") Snapshot gated) {
        Snapshot s = gated;
        Plan plan = Planner.plan(s);
        for (Blocked b : plan.blocked()) {
            Statistics.label("left blocked").collect(b.reason());
        }
        Statistics.label("waves").collect(plan.waves().size() <= 3 ? "<=3" : ">3");
        Snapshot cur = s;
        for (int i = 0; i < 60; i++) {
            NextStep step = Planner.next(cur);
            if (step.actions().isEmpty()) {
                break;
            }
            Invariants.checkStep(cur, step);
            RolloutInvariants.checkGatedStep(i, cur, step.actions());
            cur = Simulator.succeed(cur, step.actions());
            RolloutInvariants.checkGates(cur);
        }
    }

    @Provide
    Arbitrary<ActionChain<FleetSimulator>> gatedRuns() {
        return FleetArbitraries.gatedSnapshots()
                .flatMap(g -> ActionChain.startWith(() -> new FleetSimulator(g, Controller.planner(), 1L))
                        .withAction(6, FleetActions.controllerStep())
                        .withAction(1, FleetActions.failApply())
                        .withAction(1, FleetActions.recover())
                        .withAction(1, FleetActions.changeTarget())
                        .withAction(2, FleetActions.advanceClock())
                        .withAction(2, FleetActions.windowOpens())
                        .withMaxTransformations(40));
    }

    /** Runs the first wave of a plan to its end, exactly as {@link Planner#plan} does. */
    static Snapshot runFirstWave(Snapshot s) {
        NextStep step = Planner.next(s);
        Snapshot cur = Simulator.succeed(s, step.actions());
        while (true) {
            NextStep more = new Pass(cur, false, false).run();
            if (more.actions().isEmpty()) {
                return cur;
            }
            cur = Simulator.succeed(cur, more.actions());
        }
    }
}
