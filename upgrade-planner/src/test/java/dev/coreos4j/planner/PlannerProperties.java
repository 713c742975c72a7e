package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** jqwik properties for the spec §4 invariants (numbers in the test names' comments refer to §4). */
@Domain(PlannerDomain.class)
@Domain(DomainContext.Global.class)
class PlannerProperties {

    @Property(tries = 400)
    void next_keepsEveryStepInvariantOnAnyObservedState(@ForAll Snapshot s) {
        NextStep step = Planner.next(s);
        Invariants.checkStep(s, step);
        for (Blocked b : step.blocked()) {
            Statistics.label("reason").collect(b.reason());
        }
        Statistics.label("moves").collect(step.actions().isEmpty() ? "none" : "some");
    }

    @Property(tries = 200)
    void next_isDeterministicAndIndependentOfInputOrder(@ForAll Snapshot s, @ForAll Random random) {
        List<Node> nodes = new ArrayList<>(s.nodes());
        List<Pool> pools = new ArrayList<>(s.pools());
        Collections.shuffle(nodes, random);
        Collections.shuffle(pools, random);
        Snapshot shuffled = new Snapshot(s.now(), pools, nodes, s.configs(), s.policies(), s.pdbs(), s.windows(),
                s.locks(), s.limits());
        assertThat(Planner.next(shuffled)).isEqualTo(Planner.next(s));
        assertThat(Planner.plan(shuffled)).isEqualTo(Planner.plan(s));
    }

    /** §4.3.13: the batch a pool starts is a prefix of the MCO order over its eligible, available candidates. */
    @Property(tries = 300)
    void next_startsAPrefixOfTheCandidateOrder(@ForAll Snapshot s) {
        NextStep step = Planner.next(s);
        Map<String, List<String>> starts = Invariants.starts(s, step);
        Map<String, List<Node>> byPool = s.nodesByPool();
        for (Pool p : s.pools()) {
            if (p.paused()) {
                continue;
            }
            List<Node> fresh = new ArrayList<>();
            for (Node n : byPool.getOrDefault(p.name(), List.of())) {
                if (!n.targets(p.target()) && n.isSchedulable() && n.state() != NodeState.WORKING
                        && !n.isUnavailable() && !n.isFailing()) {
                    fresh.add(n);
                }
            }
            fresh.sort(Invariants.order(p));
            List<String> started = new ArrayList<>();
            for (String name : starts.getOrDefault(p.name(), List.of())) {
                if (!s.node(name).isUnavailable() && !s.node(name).isFailing()) {
                    started.add(name);
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                expected.add(fresh.get(i).name());
            }
            assertThat(started).containsExactlyInAnyOrderElementsOf(expected);
            Statistics.label("fresh starts").collect(started.size());
        }
    }

    /**
     * §4.6.26 termination with the minimum number of waves: each pool of a settled cluster finishes in exactly
     * ⌈pending/B⌉ waves (control plane: one node per wave), every node ends on target, nothing is left blocked.
     */
    @Property(tries = 200)
    void plan_finishesEveryPoolInCeilPendingOverBudgetWaves(@ForAll PlannerDomain.Clean clean) {
        Snapshot s = clean.snapshot();
        Plan plan = Planner.plan(s);
        assertThat(plan.blocked()).isEmpty();
        Map<String, List<Node>> byPool = s.nodesByPool();
        int maxWaves = 0;
        for (Pool p : s.pools()) {
            int size = byPool.get(p.name()).size();
            int b = p.budget(size);
            int expected = (size + b - 1) / b;
            long waves = plan.waves().stream().filter(w -> w.nodes().stream().anyMatch(e -> e.pool().equals(p.name())))
                    .count();
            assertThat(waves).as("pool %s: %d nodes, budget %d", p.name(), size, b).isEqualTo(expected);
            for (Wave w : plan.waves()) {
                long inWave = w.nodes().stream().filter(e -> e.pool().equals(p.name())).count();
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
    void plan_afterTheFirstWaveIsTheRestOfThePlan(@ForAll PlannerDomain.Clean clean) {
        Snapshot s = clean.snapshot();
        Plan plan = Planner.plan(s);
        Snapshot after = runFirstWave(s);
        Plan rest = Planner.plan(after);
        assertThat(rest.waves()).hasSize(Math.max(0, plan.waves().size() - 1));
        for (int i = 0; i < rest.waves().size(); i++) {
            assertThat(rest.waves().get(i).nodes()).isEqualTo(plan.waves().get(i + 1).nodes());
        }
    }

    /** §4.6.30 re-entrancy: re-planning from every intermediate state of a plan ends in the same final state. */
    @Property(tries = 100)
    void plan_fromAnyIntermediateStateReachesTheSameEnd(@ForAll PlannerDomain.Clean clean,
                                                        @ForAll("cuts") int cut) {
        Snapshot s = clean.snapshot();
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
    void rollback_restoresEveryTouchedNode(@ForAll PlannerDomain.Clean clean, @ForAll("cuts") int cut) {
        Snapshot s = clean.snapshot();
        List<Pool> withPrevious = new ArrayList<>();
        for (Pool p : s.pools()) {
            withPrevious.add(p.withTarget(p.target()).withTarget(p.target()));
        }
        Snapshot cur = s;
        for (int i = 0; i < cut; i++) {
            NextStep step = Planner.next(cur);
            cur = Simulator.succeed(cur, step.actions());
        }
        List<Pool> pools = new ArrayList<>();
        for (Pool p : cur.pools()) {
            pools.add(new Pool(p.name(), p.controlPlane(), p.maxUnavailable(), false, false, p.target(),
                    Target.of("rendered-" + p.name() + "-a"), p.newestFirst(), null, null, null));
        }
        cur = cur.withPools(pools);
        Plan rb = Planner.rollback(cur);
        Snapshot end = cur;
        for (Wave w : rb.waves()) {
            for (Wave.Entry e : w.nodes()) {
                Node n = cur.node(e.name());
                assertThat(n.runs(Target.of("rendered-" + n.pool() + "-a")) && n.isDone() && !n.unschedulable())
                        .as("untouched node %s gets no rollback actions", n.name()).isFalse();
            }
        }
        assertThat(rb.blocked()).isEmpty();
        for (PoolStatus st : rb.after()) {
            assertThat(st.isUpdated()).as("pool %s back on its previous config", st.pool()).isTrue();
        }
        Statistics.label("touched before rollback").collect(rb.waves().stream().mapToInt(w -> w.nodes().size())
                .sum() > 0);
        assertThat(end).isNotNull();
    }

    // ------------------------------------------------------------------------------------------- stateful runs

    /**
     * §4.1.3 reachable-state safety and every step invariant along runs that interleave planner steps (all or part
     * of the actions succeeding), node failures and recoveries, target changes, pause toggles and clock advances:
     * without outside disruption, no pool ever has more than B unavailable nodes.
     */
    @Property(tries = 150)
    void rollout_neverExceedsBudgetWithoutOutsideDisruption(@ForAll("calmRuns") ActionChain<Snapshot> chain) {
        chain.withInvariant("U <= B", Invariants::unavailableWithinBudget).run();
    }

    /** With admins cordoning and nodes going NotReady, every planner step still obeys the step invariants. */
    @Property(tries = 150)
    void rollout_keepsStepInvariantsUnderOutsideDisruption(@ForAll("hostileRuns") ActionChain<Snapshot> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<Snapshot>> calmRuns() {
        return Arbitraries.defaultFor(PlannerDomain.Clean.class).flatMap(c ->
                ActionChain.<Snapshot>startWith(c::snapshot)
                        .withAction(6, new PlannerStep())
                        .withAction(2, new PartialStep())
                        .withAction(1, new FailNode())
                        .withAction(1, new RecoverNode())
                        .withAction(1, new ChangeTarget())
                        .withAction(1, new TogglePause())
                        .withAction(1, new AdvanceClock())
                        .withMaxTransformations(40));
    }

    @Provide
    Arbitrary<ActionChain<Snapshot>> hostileRuns() {
        return Arbitraries.defaultFor(Snapshot.class).flatMap(s ->
                ActionChain.<Snapshot>startWith(() -> s)
                        .withAction(6, new PlannerStep())
                        .withAction(2, new PartialStep())
                        .withAction(1, new FailNode())
                        .withAction(1, new RecoverNode())
                        .withAction(1, new AdminCordon())
                        .withAction(1, new NotReady())
                        .withAction(1, new ChangeTarget())
                        .withAction(1, new TogglePause())
                        .withMaxTransformations(40));
    }

    /**
     * §4.1.4-5 and §4.9.44-45 along runs with every coupling gate: lock holders never exceed slots and only holders
     * cordon, drain or reboot; disruptive steps only inside the window; PDB-covered pods out of service never exceed
     * what the PDB allows (once within it); cluster and zone unavailability stay within their limits; and plans of
     * gated clusters still terminate.
     */
    @Property(tries = 100)
    void rollout_respectsLocksWindowsPdbsAndLimits(@ForAll("gatedRuns") ActionChain<Snapshot> chain) {
        chain.withInvariant("gates", Invariants::gatesHold).run();
    }

    @Property(tries = 60)
    void plan_ofAGatedClusterTerminatesWithinBudgets(@ForAll PlannerDomain.Gated gated) {
        Snapshot s = gated.snapshot();
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
            GatedStep.check(cur, step);
            cur = Simulator.succeed(cur, step.actions());
            Invariants.gatesHold(cur);
        }
    }

    @Provide
    Arbitrary<ActionChain<Snapshot>> gatedRuns() {
        return Arbitraries.defaultFor(PlannerDomain.Gated.class).flatMap(g ->
                ActionChain.<Snapshot>startWith(g::snapshot)
                        .withAction(6, new GatedStep())
                        .withAction(1, new FailNode())
                        .withAction(1, new RecoverNode())
                        .withAction(1, new ChangeTarget())
                        .withAction(2, new AdvanceClock())
                        .withAction(2, new WindowOpens())
                        .withMaxTransformations(40));
    }

    /** The clock jumps to the next maintenance window start. */
    static final class WindowOpens implements Action.Independent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer() {
            return Arbitraries.just(Transformer.transform("window opens", x -> {
                java.time.Instant next = null;
                for (MaintenanceWindow w : x.windows()) {
                    java.time.Instant t = w.nextStart(x.now().plusSeconds(60));
                    if (next == null || t.isBefore(next)) {
                        next = t;
                    }
                }
                return next == null ? x : x.withNow(next);
            }));
        }
    }

    /** A planner step on a gated cluster, checking the gate invariants of the step itself. */
    static final class GatedStep implements Action.Independent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer() {
            return Arbitraries.just(Transformer.transform("planner step", s -> {
                NextStep step = Planner.next(s);
                Invariants.checkStep(s, step);
                check(s, step);
                for (Blocked b : step.blocked()) {
                    Statistics.label("gated reasons").collect(b.reason());
                }
                return Simulator.succeed(s, step.actions());
            }));
        }

        static void check(Snapshot s, NextStep step) {
            for (dev.coreos4j.planner.Action a : step.actions()) {
                Node n = s.node(a.node());
                Pool p = s.pool(n.pool());
                boolean disruptive = a instanceof dev.coreos4j.planner.Action.Cordon
                        || a instanceof dev.coreos4j.planner.Action.Drain
                        || a instanceof dev.coreos4j.planner.Action.Reboot;
                if (disruptive) {
                    assertThat(MaintenanceWindow.open(s.windows(), p.name(), s.now()))
                            .as("%s %s outside the window", a.step(), n.name()).isTrue();
                    if (p.lockGroup() != null) {
                        assertThat(s.locks().get(0).holders()).as("%s %s without the lock", a.step(), n.name())
                                .contains(n.name());
                    }
                }
                if (a instanceof dev.coreos4j.planner.Action.AcquireLock) {
                    assertThat(MaintenanceWindow.open(s.windows(), p.name(), s.now()))
                            .as("a node outside its window takes no slot").isTrue();
                }
            }
        }
    }

    /** The planner decides; every action succeeds. */
    static final class PlannerStep implements Action.Independent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer() {
            return Arbitraries.just(Transformer.transform("planner step", s -> {
                NextStep step = Planner.next(s);
                Invariants.checkStep(s, step);
                Statistics.label("chain actions").collect(step.actions().isEmpty() ? "idle" : "moved");
                return Simulator.succeed(s, step.actions());
            }));
        }
    }

    /** The planner decides; only the first actions (by node name) take effect before the next observation. */
    static final class PartialStep implements Action.Independent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer() {
            return Arbitraries.integers().between(0, 3).map(k -> Transformer.transform("partial step " + k, s -> {
                NextStep step = Planner.next(s);
                Invariants.checkStep(s, step);
                return Simulator.succeed(s, step.actions().subList(0, Math.min(k, step.actions().size())));
            }));
        }
    }

    static final class FailNode implements Action.Dependent<Snapshot> {
        @Override
        public boolean precondition(Snapshot s) {
            return s.nodes().stream().anyMatch(n -> !n.isDone() && !n.isFailing());
        }

        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            List<Node> inFlight = s.nodes().stream().filter(n -> !n.isDone() && !n.isFailing()).toList();
            return Arbitraries.of(inFlight).map(n -> Transformer.transform("fail " + n.name(), x -> {
                Statistics.label("injected").collect("failure");
                return x.withNode(x.node(n.name()).withState(NodeState.DEGRADED, "injected failure"));
            }));
        }
    }

    static final class RecoverNode implements Action.Dependent<Snapshot> {
        @Override
        public boolean precondition(Snapshot s) {
            return s.nodes().stream().anyMatch(Node::isFailing);
        }

        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            List<Node> failing = s.nodes().stream().filter(Node::isFailing).toList();
            return Arbitraries.of(failing).map(n -> Transformer.transform("recover " + n.name(), x ->
                    x.withNode(x.node(n.name()).withState(NodeState.DONE, null))));
        }
    }

    static final class AdminCordon implements Action.Dependent<Snapshot> {
        @Override
        public boolean precondition(Snapshot s) {
            return s.nodes().stream().anyMatch(n -> !n.unschedulable());
        }

        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            List<Node> free = s.nodes().stream().filter(n -> !n.unschedulable()).toList();
            return Arbitraries.of(free).map(n -> Transformer.transform("admin cordons " + n.name(), x -> {
                Statistics.label("injected").collect("admin cordon");
                return x.withNode(x.node(n.name()).withCordon("admin"));
            }));
        }
    }

    static final class NotReady implements Action.Dependent<Snapshot> {
        @Override
        public boolean precondition(Snapshot s) {
            return !s.nodes().isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            return Arbitraries.of(s.nodes()).map(n -> Transformer.transform("toggle ready " + n.name(), x ->
                    x.withNode(x.node(n.name()).withReady(!x.node(n.name()).ready()))));
        }
    }

    static final class ChangeTarget implements Action.Dependent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            return Arbitraries.of(s.pools()).map(p -> Transformer.transform("retarget " + p.name(), x -> {
                Statistics.label("injected").collect("target change");
                Pool cur = x.pool(p.name());
                String next = cur.target().config().endsWith("-c") ? "rendered-" + p.name() + "-b"
                        : "rendered-" + p.name() + "-c";
                return x.withPool(cur.withTarget(Target.of(next)));
            }));
        }
    }

    static final class TogglePause implements Action.Dependent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer(Snapshot s) {
            return Arbitraries.of(s.pools()).map(p -> Transformer.transform("toggle pause " + p.name(), x ->
                    x.withPool(x.pool(p.name()).withPaused(!x.pool(p.name()).paused()))));
        }
    }

    static final class AdvanceClock implements Action.Independent<Snapshot> {
        @Override
        public Arbitrary<Transformer<Snapshot>> transformer() {
            return Arbitraries.integers().between(1, 600).map(m -> Transformer.transform("clock +" + m + "m", x ->
                    x.withNow(x.now().plus(Duration.ofMinutes(m)))));
        }
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
