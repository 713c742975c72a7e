package dev.coreos4j.testkit;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Simulator;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A fleet model that runs a {@link Controller} step by step and lets a test inject {@link Fault}s in between.
 *
 * <p>{@link #step()} asks the controller for its decision on the current {@link #snapshot()} and applies the actions
 * the way a cluster would, through the planner's own {@link Simulator} model (SetDesired points the node at the
 * target, Cordon cordons with owner {@code coreos4j}, Drain marks it drained, Apply stages or finishes the update,
 * Reboot finishes it, Uncordon makes it schedulable, lock actions take and give back FleetLock slots; a ready node of
 * an unpaused pool whose agent is busy, Working or Rebooting, and that gets no action finishes its update, as MCO's
 * daemon does), except where
 * a fault says otherwise: a drain of a {@link Fault.BlockDrain blocked} node does nothing, an Apply armed with
 * {@link Fault.FailApply} turns the agent Degraded, a Cordon of an already cordoned node keeps the existing owner,
 * and an action naming an unknown node or lock group is rejected. Every step and every injected fault is recorded in
 * {@link #history()} for {@link RolloutInvariants#checkRun(List)}.
 *
 * <p>Deterministic: the only randomness is the {@link Random} given at construction (or seeded from a {@code long}),
 * used by {@link #randomFault()} and {@link #chaos(int, double)}; there is no wall clock ({@link Fault.AdvanceClock}
 * moves {@link Snapshot#now()}). Usable from plain JUnit ({@code step()}, {@code inject(..)}, {@code snapshot()},
 * {@code history()}) and from jqwik {@code ActionChain}s ({@link FleetActions}). Not thread-safe: one simulator per
 * run.
 */
public final class FleetSimulator {

    /** Something that happened to the fleet: a controller step or an injected fault. */
    public sealed interface Event {
        /** 0-based position in {@link #history()}. */
        int index();

        /** The fleet before the event. */
        Snapshot before();

        /** The fleet after the event. */
        Snapshot after();
    }

    /**
     * One controller step.
     *
     * @param index    position in the history
     * @param number   1-based count of controller steps (the "step N" of invariant messages)
     * @param before   the snapshot the controller saw
     * @param decision what it decided (actions and, for explaining controllers, reasons)
     * @param explains whether the controller {@link Controller#explains() explains} blocked nodes
     * @param outcomes what happened to each action, in decision order (only the first ones for a partial step)
     * @param after    the snapshot after the actions took effect
     */
    public record Step(
            int index,
            int number,
            Snapshot before,
            NextStep decision,
            boolean explains,
            List<Outcome> outcomes,
            Snapshot after)
            implements Event {
        public Step {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(decision, "decision");
            outcomes = List.copyOf(outcomes);
            Objects.requireNonNull(after, "after");
        }

        /** The actions the controller decided on. */
        public List<Action> actions() {
            return decision.actions();
        }
    }

    /**
     * One injected fault.
     *
     * @param index  position in the history
     * @param fault  the fault
     * @param before the snapshot before
     * @param after  the snapshot after
     */
    public record Injected(int index, Fault fault, Snapshot before, Snapshot after) implements Event {
        public Injected {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * What happened to one action.
     *
     * @param action  the action
     * @param applied whether it took effect
     * @param note    why not (or {@code ""} when it did): {@code drain blocked}, {@code apply failed},
     *                {@code already cordoned by admin}, {@code unknown node}, {@code not applied: partial step}, …
     */
    public record Outcome(Action action, boolean applied, String note) {
        public Outcome {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(note, "note");
        }
    }

    private final Snapshot initial;
    private final Controller controller;
    private final Random random;
    private final List<Event> history = new ArrayList<>();
    private final Set<String> drainBlocked = new TreeSet<>();
    private final Set<String> applyFails = new TreeSet<>();
    private Snapshot current;
    private int steps;

    /** A simulator of {@code initial} driven by {@code controller}, random faults seeded with {@code seed}. */
    public FleetSimulator(Snapshot initial, Controller controller, long seed) {
        this(initial, controller, new Random(seed));
    }

    /**
     * A simulator of {@code initial} driven by {@code controller}, random faults drawn from {@code random} (which the
     * simulator then owns).
     */
    public FleetSimulator(Snapshot initial, Controller controller, Random random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.random = Objects.requireNonNull(random, "random");
        this.current = initial;
    }

    /** The snapshot the simulator started from. */
    public Snapshot initial() {
        return initial;
    }

    /** The current fleet. */
    public Snapshot snapshot() {
        return current;
    }

    /** The controller under test. */
    public Controller controller() {
        return controller;
    }

    /** Every step and fault so far, in order (an unmodifiable view). */
    public List<Event> history() {
        return Collections.unmodifiableList(history);
    }

    /** The number of controller steps so far. */
    public int steps() {
        return steps;
    }

    /** The most recent event, or {@code null} before the first. */
    public @Nullable Event last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Nodes whose drains are currently blocked, sorted. */
    public Set<String> blockedDrains() {
        return Collections.unmodifiableSet(new TreeSet<>(drainBlocked));
    }

    /** One controller step with every decided action attempted. */
    public Step step() {
        return step(Integer.MAX_VALUE);
    }

    /**
     * One controller step in which only the first {@code applied} actions (in decision order) are attempted before
     * the next observation, as when a controller crashes mid-step; the rest are recorded as not applied.
     *
     * @throws IllegalArgumentException if {@code applied} is negative
     */
    public Step step(int applied) {
        if (applied < 0) {
            throw new IllegalArgumentException("applied must be >= 0, got " + applied);
        }
        Snapshot before = current;
        NextStep decision = Objects.requireNonNull(controller.decide(before), "a controller returned a null decision");
        List<Outcome> outcomes = new ArrayList<>();
        Snapshot s = before;
        int k = 0;
        for (Action a : decision.actions()) {
            if (k++ >= applied) {
                outcomes.add(new Outcome(a, false, "not applied: partial step"));
                continue;
            }
            Outcome[] out = new Outcome[1];
            s = apply(s, a, out);
            outcomes.add(out[0]);
        }
        s = agentsFinish(before, decision, s);
        current = s;
        steps++;
        Step step = new Step(history.size(), steps, before, decision, controller.explains(), outcomes, s);
        history.add(step);
        return step;
    }

    /**
     * The node agents' part of a step: every ready node of an unpaused pool whose agent was busy (Working, Rebooting)
     * before the step and that the controller did not act on finishes its update, as MCO's daemon does (and as
     * {@link dev.coreos4j.planner.Planner#plan} assumes).
     */
    private static Snapshot agentsFinish(Snapshot before, NextStep decision, Snapshot s) {
        Set<String> acted = new TreeSet<>();
        for (Action a : decision.actions()) {
            acted.add(a.node());
        }
        Snapshot out = s;
        for (Node n : before.nodes()) {
            Pool p = n.pool() == null ? null : before.pool(n.pool());
            if (p == null
                    || p.paused()
                    || acted.contains(n.name())
                    || !n.state().isBusy()
                    || !n.ready()) {
                continue;
            }
            Node now = out.node(n.name());
            if (now != null && now.state().isBusy() && now.ready()) {
                out = out.withNode(Simulator.apply(now, new Action.AgentFinishes(now.name())));
            }
        }
        return out;
    }

    private Snapshot apply(Snapshot s, Action a, Outcome[] out) {
        Node n = s.node(a.node());
        if (n == null) {
            out[0] = new Outcome(a, false, "unknown node");
            return s;
        }
        if (a instanceof Action.Drain && drainBlocked.contains(n.name())) {
            out[0] = new Outcome(a, false, "drain blocked");
            return s;
        }
        if (a instanceof Action.Apply && applyFails.remove(n.name())) {
            out[0] = new Outcome(a, false, "apply failed");
            return s.withNode(n.withState(NodeState.DEGRADED, "injected apply failure"));
        }
        if (a instanceof Action.Cordon && n.unschedulable()) {
            out[0] = new Outcome(a, false, "already cordoned by " + n.cordonedBy());
            return s;
        }
        if (a instanceof Action.Apply || a instanceof Action.Reboot) {
            // the agent succeeded this time, whatever it reported before
            s = s.withNode(n.withState(NodeState.DONE, null));
        }
        try {
            Snapshot next = Simulator.succeed(s, List.of(a));
            out[0] = new Outcome(a, true, "");
            return next;
        } catch (IllegalArgumentException e) {
            out[0] = new Outcome(a, false, String.valueOf(e.getMessage()));
            return s;
        }
    }

    /**
     * Injects a fault now (between controller steps) and records it.
     *
     * @return this simulator
     * @throws IllegalArgumentException when the fault names a node or pool the fleet does not have
     */
    public FleetSimulator inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        Snapshot before = current;
        Snapshot after;
        if (fault instanceof Fault.BlockDrain blockDrain) {
            node(blockDrain.node());
            drainBlocked.add(blockDrain.node());
            after = before;
        } else if (fault instanceof Fault.UnblockDrain unblockDrain) {
            node(unblockDrain.node());
            drainBlocked.remove(unblockDrain.node());
            after = before;
        } else if (fault instanceof Fault.FailApply failApply) {
            node(failApply.node());
            applyFails.add(failApply.node());
            after = before;
        } else if (fault instanceof Fault.Recover recover) {
            Node n = node(recover.node());
            boolean failed = n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE;
            after = failed ? before.withNode(n.withState(NodeState.DONE, null)) : before;
        } else if (fault instanceof Fault.Readiness r) {

            after = before.withNode(node(r.node()).withReady(r.ready()));
        } else if (fault instanceof Fault.AdminCordon adminCordon) {
            Node n = node(adminCordon.node());
            after = n.unschedulable() ? before : before.withNode(n.withCordon("admin"));
        } else if (fault instanceof Fault.AdminUncordon adminUncordon) {
            after = before.withNode(node(adminUncordon.node()).withCordon(null));
        } else if (fault instanceof Fault.ChangeTarget c) {

            after = before.withPool(pool(c.pool()).withTarget(c.target()));
        } else if (fault instanceof Fault.Pause p) {

            after = before.withPool(pool(p.pool()).withPaused(p.paused()));
        } else if (fault instanceof Fault.AdvanceClock advanceClock) {
            after = before.withNow(before.now().plus(advanceClock.by()));
        } else {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
        current = after;
        history.add(new Injected(history.size(), fault, before, after));
        return this;
    }

    private Node node(String name) {
        Node n = current.node(name);
        if (n == null) {
            throw new IllegalArgumentException("fault names unknown node " + name);
        }
        return n;
    }

    private Pool pool(String name) {
        Pool p = current.pool(name);
        if (p == null) {
            throw new IllegalArgumentException("fault names unknown pool " + name);
        }
        return p;
    }

    /**
     * A fault that applies to the current fleet, chosen with the simulator's random source: any of the
     * {@link Fault} kinds on a node or pool that it changes (a NotReady node becomes Ready, a failing agent recovers,
     * a pool is retargeted between {@code rendered-<pool>-b} and {@code rendered-<pool>-c}, …); the clock advances
     * 1 to 600 minutes when nothing else applies.
     */
    public Fault randomFault() {
        List<Node> nodes = current.nodes();
        List<Pool> pools = current.pools();
        int kind = random.nextInt(10);
        if (!nodes.isEmpty() && kind < 7) {
            Node n = nodes.get(random.nextInt(nodes.size()));
            return switch (kind) {
                case 0 ->
                    drainBlocked.contains(n.name()) ? new Fault.UnblockDrain(n.name()) : new Fault.BlockDrain(n.name());
                case 1 ->
                    n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE
                            ? new Fault.Recover(n.name())
                            : new Fault.FailApply(n.name());
                case 2 -> new Fault.Readiness(n.name(), !n.ready());
                case 3, 4 -> n.unschedulable() ? new Fault.AdminUncordon(n.name()) : new Fault.AdminCordon(n.name());
                default -> new Fault.Readiness(n.name(), !n.ready());
            };
        }
        if (!pools.isEmpty() && kind < 9) {
            Pool p = pools.get(random.nextInt(pools.size()));
            if (kind == 7) {
                return new Fault.Pause(p.name(), !p.paused());
            }
            return new Fault.ChangeTarget(p.name(), alternateTarget(p));
        }
        return new Fault.AdvanceClock(Duration.ofMinutes(1 + random.nextInt(600)));
    }

    /** The other of {@code rendered-<pool>-b} and {@code rendered-<pool>-c} (the target a retarget fault picks). */
    public static Target alternateTarget(Pool p) {
        String next =
                p.target().config().endsWith("-c") ? "rendered-" + p.name() + "-b" : "rendered-" + p.name() + "-c";
        return new Target(next, p.target().osImage());
    }

    /**
     * Runs {@code steps} controller steps, before each of which a {@link #randomFault()} is injected with
     * probability {@code faultRate}. Deterministic for the simulator's seed.
     *
     * @return this simulator
     * @throws IllegalArgumentException if {@code steps} is negative or {@code faultRate} is outside [0, 1]
     */
    public FleetSimulator chaos(int steps, double faultRate) {
        if (steps < 0 || !(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException(
                    "need steps >= 0 and 0 <= faultRate <= 1, got " + steps + ", " + faultRate);
        }
        for (int i = 0; i < steps; i++) {
            if (random.nextDouble() < faultRate) {
                inject(randomFault());
            }
            step();
        }
        return this;
    }

    /**
     * Steps until the controller decides nothing and nothing changed (no busy agent finished), at most
     * {@code maxSteps} times.
     *
     * @return this simulator
     * @throws InvariantViolation ({@code termination}) when the controller still acts after {@code maxSteps} steps
     */
    public FleetSimulator runUntilIdle(int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            Step step = step();
            if (step.actions().isEmpty() && step.after().equals(step.before())) {
                return this;
            }
        }
        throw new InvariantViolation(
                "termination",
                "step " + steps,
                "the controller still acts after " + maxSteps + " steps: "
                        + ((Step) Objects.requireNonNull(last())).actions());
    }

    @Override
    public String toString() {
        return "FleetSimulator[" + controller + ", " + current.nodes().size() + " nodes, " + steps + " steps, "
                + history.size() + " events]";
    }
}
