package dev.coreos4j.testkit;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Rollout invariants as assertions: each check throws an {@link InvariantViolation} whose
 * {@link InvariantViolation#invariant() invariant()} is one of the names below and whose message names the step,
 * pool and node, for example {@code [budget] step 4, pool worker: 2 nodes unavailable after the step, budget is 1:
 * n01 (cordoned by admin), n02 (updating); the controller disrupted n02}.
 *
 * <p>Vocabulary. A node is <em>unavailable</em> when it is not both Done (current equals desired, agent Done) and
 * schedulable (ready and not cordoned): MCO's unavailability plus failing nodes, i.e. what a pool's
 * {@code maxUnavailable} budget pays for. The controller <em>disrupts</em> a node when it acts on a node that was
 * available before the step and is unavailable after it. The controller <em>starts</em> a node when it acts on a node
 * that was Done and not cordoned by the controller ({@link Planner#CORDON_OWNER}), other than to uncordon it or give
 * back a lock.
 *
 * <p>Step invariants ({@link #checkStep(int, Snapshot, List, Snapshot)}), in the order they are checked:
 * <ul>
 *   <li>{@code one-action-per-node}: at most one action per node per step, and only on nodes the fleet has;</li>
 *   <li>{@code no-pool-untouched} and {@code paused-untouched}: no action on a node in no pool or in a paused
 *       pool;</li>
 *   <li>{@code quorum}: in a control-plane pool the controller disrupts at most one member per step and none while
 *       another member is unavailable;</li>
 *   <li>{@code budget}: a step that disrupts a node leaves its pool with at most {@code budget} nodes that
 *       {@link #paysForBudget pay for the budget} (unavailable, or failing on the target, as MCO counts; nodes made
 *       unavailable by the world, not the controller, count too);</li>
 *   <li>{@code eligibility}: it starts only ready, uncordoned nodes that are not already on their pool's target;</li>
 *   <li>{@code cordon-ownership}: it uncordons only nodes it cordoned;</li>
 *   <li>{@code phase-order}: the per-node order of {@link Action}: Cordon an uncordoned node, Drain a cordoned one,
 *       Apply to a node with something to apply and nothing staged, Reboot a staged node, Uncordon a Done node,
 *       SetDesired under a busy (Working, Rebooting) agent only to retarget a node from an older config (as MCO
 *       does), never to re-issue the target.</li>
 * </ul>
 * {@link #checkStep(FleetSimulator.Step)} adds {@code progress-or-reason} for controllers that
 * {@link Controller#explains() explain}. Further checks: {@link #checkOrder} ({@code order}, MCO candidate order),
 * {@link #checkDeterministic} ({@code deterministic}), {@link #checkTermination} ({@code termination}: a fault-free
 * run from a settled pool ends with every node on target after at most ⌈pending/budget⌉ waves),
 * {@link #checkUnavailableWithinBudget} ({@code unavailable-within-budget}, a reachable-state property), and the
 * coupling gates {@link #checkGates} ({@code lock-slots}, {@code pdb}, {@code cluster-limit}, {@code zone-limit})
 * and {@link #checkGatedStep} ({@code window}, {@code lock-held}).
 *
 * <p>All checks are pure and thread-safe.
 */
public final class RolloutInvariants {

    private RolloutInvariants() {}

    /** Whether {@code n} pays for a budget slot: not Done or not schedulable. */
    public static boolean unavailable(Node n) {
        return !n.isDone() || !n.isSchedulable();
    }

    /** {@link #checkStep(int, Snapshot, List, Snapshot)} for an unnumbered step (reported as step 0). */
    public static void checkStep(Snapshot before, List<Action> actions, Snapshot after) {
        checkStep(0, before, actions, after);
    }

    /**
     * Every step invariant (see the class comment) for one controller step: {@code actions} decided on
     * {@code before}, and the fleet {@code after} they took effect.
     *
     * @param step a step number for messages
     * @throws InvariantViolation naming the first invariant that does not hold
     */
    public static void checkStep(int step, Snapshot before, List<Action> actions, Snapshot after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(after, "after");
        Map<String, Action> byNode = new LinkedHashMap<>();
        for (Action a : actions) {
            Node n = before.node(a.node());
            if (n == null) {
                throw new InvariantViolation(
                        "one-action-per-node",
                        at(step, null, a.node()),
                        a.step() + " names a node the fleet does not have");
            }
            Action previous = byNode.put(a.node(), a);
            if (previous != null) {
                throw new InvariantViolation(
                        "one-action-per-node",
                        at(step, n.pool(), a.node()),
                        "two actions in one step: " + previous.step() + " and " + a.step());
            }
        }
        for (Action a : byNode.values()) {
            // every action's node was looked up in the first loop
            Node n = Objects.requireNonNull(before.node(a.node()), "checked above");
            String pool = n.pool();
            Pool p = pool == null ? null : before.pool(pool);
            if (p == null) {
                throw new InvariantViolation(
                        "no-pool-untouched", at(step, null, n.name()), a.step() + " on a node in no pool");
            }
            if (p.paused()) {
                throw new InvariantViolation(
                        "paused-untouched", at(step, n.pool(), n.name()), a.step() + " on a node of a paused pool");
            }
        }
        for (Pool p : before.pools()) {
            budgetAndQuorum(step, p, before, byNode, after);
        }
        for (Action a : byNode.values()) {
            // the loops above checked that every action's node exists and is in a pool of the snapshot
            Node n = Objects.requireNonNull(before.node(a.node()), "checked above");
            Pool p = Objects.requireNonNull(
                    before.pool(Objects.requireNonNull(n.pool(), "checked above")), "checked above");
            if (isStart(n, a)) {
                String why = !n.ready()
                        ? "it is NotReady"
                        : n.unschedulable()
                                ? "it is cordoned by " + owner(n)
                                : n.runs(p.target())
                                        ? "it already runs the pool's target "
                                                + p.target().config()
                                        : null;
                if (why != null) {
                    throw new InvariantViolation(
                            "eligibility",
                            at(step, p.name(), n.name()),
                            "started with " + a.step() + " although " + why);
                }
            }
            if (a instanceof Action.Uncordon && !n.isCordonedByPlanner()) {
                throw new InvariantViolation(
                        "cordon-ownership",
                        at(step, p.name(), n.name()),
                        n.unschedulable()
                                ? "uncordoned a node cordoned by " + owner(n)
                                : "uncordoned a node that is not cordoned");
            }
            String order = phaseOrder(n, p, a);
            if (order != null) {
                throw new InvariantViolation("phase-order", at(step, p.name(), n.name()), order);
            }
        }
    }

    /**
     * {@link #checkStep(int, Snapshot, List, Snapshot)} for a recorded simulator step, plus
     * {@link #checkProgressOrReason} when the controller explains.
     */
    public static void checkStep(FleetSimulator.Step step) {
        checkStep(step.number(), step.before(), step.actions(), step.after());
        if (step.explains()) {
            checkProgressOrReason(step.number(), step.before(), step.decision());
        }
    }

    /**
     * Checks the simulator's most recent event if it is a controller step (nothing otherwise). Meant for
     * {@code ActionChain.withInvariant(RolloutInvariants::checkLatest)}.
     */
    public static void checkLatest(FleetSimulator simulator) {
        FleetSimulator.Event last = simulator.last();
        if (last instanceof FleetSimulator.Step step) {
            checkStep(step);
        }
    }

    /**
     * A whole recorded run: every controller step ({@link #checkStep(FleetSimulator.Step)}), and
     * {@link #checkTermination} when the run is fault-free (nothing injected, every action applied) and ends with an
     * idle step.
     */
    public static void checkRun(List<? extends FleetSimulator.Event> history) {
        Objects.requireNonNull(history, "history");
        for (FleetSimulator.Event e : history) {
            if (e instanceof FleetSimulator.Step step) {
                checkStep(step);
            }
        }
        FleetSimulator.Event last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (faultFree(history)
                && last instanceof FleetSimulator.Step step
                && step.actions().isEmpty()) {
            checkTermination(history);
        }
    }

    /** Whether nothing was injected and every decided action took effect. */
    public static boolean faultFree(List<? extends FleetSimulator.Event> history) {
        for (FleetSimulator.Event e : history) {
            if (e instanceof FleetSimulator.Injected) {
                return false;
            }
            for (FleetSimulator.Outcome o : ((FleetSimulator.Step) e).outcomes()) {
                if (!o.applied()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void budgetAndQuorum(int step, Pool p, Snapshot before, Map<String, Action> byNode, Snapshot after) {
        List<Node> members = members(before, p.name());
        if (members.isEmpty()) {
            return;
        }
        int budget = p.budget(members.size());
        List<String> disrupted = new ArrayList<>();
        List<String> unavailableBefore = new ArrayList<>();
        for (Node n : members) {
            Node m = after.node(n.name());
            if (unavailable(n)) {
                unavailableBefore.add(n.name());
            } else if (byNode.containsKey(n.name()) && m != null && unavailable(m)) {
                disrupted.add(n.name());
            }
        }
        if (disrupted.isEmpty()) {
            return;
        }
        // quorum first: for a control plane it is the sharper statement of the same budget of one
        if (p.controlPlane()) {
            if (disrupted.size() > 1) {
                throw new InvariantViolation(
                        "quorum",
                        at(step, p.name(), null),
                        "control-plane members disrupted at once: " + String.join(", ", disrupted));
            }
            if (!unavailableBefore.isEmpty()) {
                throw new InvariantViolation(
                        "quorum",
                        at(step, p.name(), disrupted.get(0)),
                        "disrupted while another control-plane member is unavailable: "
                                + String.join(", ", unavailableBefore));
            }
        }
        List<String> unavailableAfter = new ArrayList<>();
        for (Node n : members(after, p.name())) {
            if (paysForBudget(n, p)) {
                unavailableAfter.add(n.name() + " (" + why(n) + ")");
            }
        }
        if (unavailableAfter.size() > budget) {
            throw new InvariantViolation(
                    "budget",
                    at(step, p.name(), null),
                    unavailableAfter.size()
                            + " nodes unavailable after the step, budget is " + budget + " (maxUnavailable "
                            + p.maxUnavailable() + " of " + members.size() + "): " + String.join(", ", unavailableAfter)
                            + "; the controller disrupted " + String.join(", ", disrupted));
        }
    }

    /**
     * Whether {@code n} takes a slot of {@code p}'s budget the way MCO counts (getAllCandidateMachines): unavailable
     * ({@link Node#isUnavailable()}), or failing on the pool's target. A node failing on an older config takes none
     * until it is handed the target.
     */
    public static boolean paysForBudget(Node n, Pool p) {
        return n.isUnavailable() || (n.isFailing() && n.targets(p.target()));
    }

    private static boolean isStart(Node n, Action a) {
        return n.isDone()
                && !n.isCordonedByPlanner()
                && !(a instanceof Action.Uncordon)
                && !(a instanceof Action.ReleaseLock);
    }

    private static @Nullable String phaseOrder(Node n, Pool p, Action a) {
        if (a instanceof Action.SetDesired && n.state().isBusy() && n.targets(p.target())) {
            return "SetDesired while the node agent is " + n.state().wireName() + " on the pool's target";
        } else if (a instanceof Action.Cordon && n.unschedulable()) {
            return "Cordon of a node already cordoned by " + owner(n);
        } else if (a instanceof Action.Drain && !n.unschedulable()) {
            return "Drain of a node that is not cordoned";
        } else if (a instanceof Action.Apply && (n.isDone() || n.staged())) {
            return n.staged()
                    ? "Apply to a node that already has an update staged"
                    : "Apply to a node with nothing to apply (it is Done on " + n.currentConfig() + ")";
        } else if (a instanceof Action.Reboot && !n.staged()) {
            return "Reboot of a node with nothing staged";
        } else if (a instanceof Action.Uncordon && !n.isDone()) {
            return "Uncordon of a node that is not Done (" + why(n) + ")";
        }
        return null;
    }

    /**
     * {@code progress-or-reason}: every node the decision does not move is finished (Done, not cordoned by the
     * controller, on its pool's target unless NotReady or cordoned) or carries exactly one reason; no moving node has
     * a reason; every node in no pool has a reason.
     */
    public static void checkProgressOrReason(int step, Snapshot before, NextStep decision) {
        Set<String> moving = new TreeSet<>();
        for (Action a : decision.actions()) {
            moving.add(a.node());
        }
        Set<String> blocked = new TreeSet<>();
        for (Blocked b : decision.blocked()) {
            if (!blocked.add(b.node())) {
                throw new InvariantViolation(
                        "progress-or-reason", at(step, b.pool(), b.node()), "two reasons for one node");
            }
            if (moving.contains(b.node())) {
                throw new InvariantViolation(
                        "progress-or-reason",
                        at(step, b.pool(), b.node()),
                        "a moving node also has the reason " + b.reason());
            }
        }
        for (Node n : before.nodes()) {
            if (moving.contains(n.name()) || blocked.contains(n.name())) {
                continue;
            }
            Pool p = n.pool() == null ? null : before.pool(n.pool());
            if (p == null) {
                throw new InvariantViolation(
                        "progress-or-reason",
                        at(step, null, n.name()),
                        "a node in no pool neither moves nor has a reason");
            }
            boolean settled = n.isDone() && !n.isCordonedByPlanner();
            boolean onTarget = n.targets(p.target()) || !n.ready() || n.unschedulable();
            if (!settled || !onTarget) {
                throw new InvariantViolation(
                        "progress-or-reason",
                        at(step, p.name(), n.name()),
                        "neither moves nor has a reason, and is not finished (" + why(n) + ", desired "
                                + n.desiredConfig() + ", target " + p.target().config() + ")");
            }
        }
    }

    /**
     * {@code order}: in every unpaused pool, the available nodes the step starts with {@code SetDesired} are the
     * first ones of MCO's candidate order (zone present first, zone, creation time, oldest first unless the pool
     * orders newest first, name) among the available, schedulable candidates not yet targeting the pool's target.
     */
    public static void checkOrder(int step, Snapshot before, List<Action> actions) {
        Map<String, List<String>> starts = new TreeMap<>();
        for (Action a : actions) {
            Node n = before.node(a.node());
            if (a instanceof Action.SetDesired && n != null && n.pool() != null && !unavailable(n)) {
                starts.computeIfAbsent(n.pool(), k -> new ArrayList<>()).add(n.name());
            }
        }
        for (Pool p : before.pools()) {
            List<String> started = starts.getOrDefault(p.name(), List.of());
            if (p.paused() || started.isEmpty()) {
                continue;
            }
            List<Node> fresh = new ArrayList<>();
            for (Node n : members(before, p.name())) {
                if (!n.targets(p.target()) && n.isSchedulable() && n.state() != NodeState.WORKING && !unavailable(n)) {
                    fresh.add(n);
                }
            }
            fresh.sort(candidateOrder(p));
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < Math.min(started.size(), fresh.size()); i++) {
                expected.add(fresh.get(i).name());
            }
            if (!expected.equals(new TreeSet<>(started))) {
                throw new InvariantViolation(
                        "order",
                        at(step, p.name(), null),
                        "started " + new TreeSet<>(started) + " but the candidate order begins with " + expected);
            }
        }
    }

    /** MCO's candidate order for {@code pool}: zone present first, zone, age (pool's direction), name. */
    public static Comparator<Node> candidateOrder(Pool pool) {
        Comparator<Node> age = pool.newestFirst()
                ? Comparator.comparing(Node::created).reversed()
                : Comparator.comparing(Node::created);
        return Comparator.comparing((Node n) -> n.zone() == null)
                .thenComparing(n -> n.zone() == null ? "" : n.zone())
                .thenComparing(age)
                .thenComparing(Node::name);
    }

    /**
     * {@code deterministic}: the controller decides the same on the same fleet, asked twice and asked with the
     * snapshot rebuilt from its pools and nodes in reverse order.
     */
    public static void checkDeterministic(Controller controller, Snapshot snapshot) {
        NextStep first = controller.decide(snapshot);
        NextStep again = controller.decide(snapshot);
        List<Pool> pools = new ArrayList<>(snapshot.pools());
        List<Node> nodes = new ArrayList<>(snapshot.nodes());
        java.util.Collections.reverse(pools);
        java.util.Collections.reverse(nodes);
        NextStep reordered = controller.decide(new Snapshot(
                snapshot.now(),
                pools,
                nodes,
                snapshot.configs(),
                snapshot.policies(),
                snapshot.pdbs(),
                snapshot.windows(),
                snapshot.locks(),
                snapshot.limits(),
                snapshot.topology(),
                snapshot.acceptAvailabilityLoss()));
        if (!first.equals(again) || !first.equals(reordered)) {
            throw new InvariantViolation(
                    "deterministic",
                    "snapshot at " + snapshot.now(),
                    "decided " + first
                            + (first.equals(again)
                                    ? ", then on the reordered snapshot " + reordered
                                    : ", then " + again));
        }
    }

    /**
     * {@code termination} for a fault-free run ({@link #faultFree}) that ends with an idle controller step: in every
     * pool that was unpaused and entirely settled (Done, ready, uncordoned) at the start, with no maintenance
     * windows, locks, PDBs or limits in the fleet, every node ends Done on the target and not cordoned, and the
     * controller started that pool's nodes in at most ⌈pending / budget⌉ steps ("waves").
     *
     * @throws IllegalArgumentException when the history is empty or not fault-free
     * @throws InvariantViolation when the run did not end idle or a pool took too many waves or did not finish
     */
    public static void checkTermination(List<? extends FleetSimulator.Event> history) {
        if (history.isEmpty() || !faultFree(history)) {
            throw new IllegalArgumentException("termination is defined for non-empty fault-free runs");
        }
        FleetSimulator.Event last = history.get(history.size() - 1);
        if (!(last instanceof FleetSimulator.Step step) || !step.actions().isEmpty()) {
            throw new InvariantViolation(
                    "termination", "event " + last.index(), "the run ended while the controller still acts");
        }
        Snapshot initial = history.get(0).before();
        Snapshot end = last.after();
        boolean gated = !initial.windows().isEmpty()
                || !initial.locks().isEmpty()
                || !initial.pdbs().isEmpty()
                || initial.limits().maxUnavailable() != null
                || initial.limits().maxUnavailablePerZone() != null;
        if (gated) {
            return;
        }
        for (Pool p : initial.pools()) {
            List<Node> members = members(initial, p.name());
            boolean settled = !p.paused() && !members.isEmpty();
            int pending = 0;
            for (Node n : members) {
                settled &= n.isDone() && n.isSchedulable();
                if (!n.runs(p.target())) {
                    pending++;
                }
            }
            if (!settled || pending == 0) {
                continue;
            }
            int budget = p.budget(members.size());
            int waves = 0;
            for (FleetSimulator.Event e : history) {
                FleetSimulator.Step s = (FleetSimulator.Step) e;
                for (Action a : s.actions()) {
                    // checkStep has checked that every action names a node of its snapshot
                    Node n = Objects.requireNonNull(s.before().node(a.node()), "an action's node");
                    if (p.name().equals(n.pool()) && isStart(n, a)) {
                        waves++;
                        break;
                    }
                }
            }
            int bound = (pending + budget - 1) / budget;
            if (waves > bound) {
                throw new InvariantViolation(
                        "termination",
                        at(step.number(), p.name(), null),
                        "started its " + pending + " pending nodes in " + waves + " waves, budget " + budget
                                + " allows " + bound);
            }
            for (Node n : members(end, p.name())) {
                if (!n.isDone() || !n.runs(p.target()) || n.unschedulable()) {
                    throw new InvariantViolation(
                            "termination",
                            at(step.number(), p.name(), n.name()),
                            "the controller stopped but the node is " + why(n) + " on " + n.currentConfig()
                                    + ", target " + p.target().config());
                }
            }
        }
    }

    /** {@code unavailable-within-budget}: no pool of {@code s} has more unavailable nodes than its budget. */
    public static void checkUnavailableWithinBudget(Snapshot s) {
        GateInvariants.checkUnavailableWithinBudget(s);
    }

    /**
     * The coupling gates hold in {@code s}: lock holders never exceed slots ({@code lock-slots}); pods covered by a
     * PDB that are out of service (on a NotReady, drained or drain-needing moving node) never exceed what it allows
     * ({@code pdb}); cluster and per-zone unavailability stay within {@link Limits} ({@code cluster-limit},
     * {@code zone-limit}).
     */
    public static void checkGates(Snapshot s) {
        GateInvariants.checkGates(s);
    }

    /**
     * The gates of one step: disruptive actions (Cordon, Drain, Reboot) and AcquireLock only while a maintenance
     * window governing the pool is open ({@code window}); disruptive actions in a pool with a lock group only on a
     * node holding a slot of that group ({@code lock-held}).
     */
    public static void checkGatedStep(int step, Snapshot before, List<Action> actions) {
        GateInvariants.checkGatedStep(step, before, actions);
    }

    /** The nodes of pool {@code pool} in {@code s}, by name. */
    static List<Node> members(Snapshot s, String pool) {
        List<Node> out = new ArrayList<>();
        for (Node n : s.nodes()) {
            if (pool.equals(n.pool())) {
                out.add(n);
            }
        }
        return out;
    }

    private static String owner(Node n) {
        return n.cordonedBy() == null ? "someone else" : n.cordonedBy();
    }

    /** Why a node is unavailable, in a few words. */
    static String why(Node n) {
        Set<String> parts = new LinkedHashSet<>();
        if (!n.ready()) {
            parts.add("NotReady");
        }
        if (n.unschedulable()) {
            parts.add("cordoned by " + owner(n));
        }
        if (n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE) {
            parts.add(n.state().wireName());
        } else if (!n.isDone()) {
            parts.add("updating");
        }
        return parts.isEmpty() ? "available" : String.join(", ", parts);
    }

    static String at(int step, @Nullable String pool, @Nullable String node) {
        StringBuilder b = new StringBuilder("step ").append(step);
        if (pool != null) {
            b.append(", pool ").append(pool);
        }
        if (node != null) {
            b.append(", node ").append(node);
        }
        return b.toString();
    }
}
