package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rolling-upgrade planner: pure functions of a {@link Snapshot}. No clock (time is {@link Snapshot#now()}), no
 * randomness (ties are broken by sorting), no I/O; thread-safe; total on every valid snapshot.
 *
 * <p>MCO parity: per-pool budgets ({@link MaxUnavailable}) over one unavailability predicate
 * ({@link Node#isUnavailable()}) in which failing nodes on the target also consume budget; candidates are ready,
 * schedulable (or cordoned by the planner) and not targeting the goal, ordered by zone presence, zone, age and name;
 * control-plane pools move one node at a time and never while a member is unavailable; a pool's deferred node moves
 * last. Beyond MCO: disruption from the change itself, PDB headroom, maintenance windows, FleetLock groups,
 * cross-pool and per-zone limits, failure thresholds, abort and rollback.
 */
public final class Planner {

    /** The {@code cordonedBy} value marking a cordon this planner owns (and so may undo). */
    public static final String CORDON_OWNER = "coreos4j";

    private Planner() {}

    /**
     * The actions for this instant and a reason for every node that neither moves nor is finished. Re-entrant: it
     * reads all progress from the snapshot, so calling it again on any later observed state continues the rollout,
     * and nothing the state shows as done is issued again.
     */
    public static NextStep next(Snapshot snapshot) {
        return new Pass(snapshot, true, true).run();
    }

    /**
     * Simulates {@link #next} to completion assuming every started node succeeds. Each wave starts every node the
     * budgets allow in every pool at once, then runs those nodes to the end before the next wave, so the number of
     * waves is the minimum the budgets allow. When nothing can move until a maintenance window opens, the simulated
     * clock jumps to that window. The remaining reasons are those of the final state.
     */
    public static Plan plan(Snapshot snapshot) {
        List<PoolStatus> before = status(snapshot);
        Snapshot cur = snapshot;
        List<Wave> waves = new ArrayList<>();
        Map<String, List<String>> active = new java.util.HashMap<>();
        List<Map<String, List<String>>> entries = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        boolean advanced = false;
        NextStep last;
        int rounds = 0;
        int maxRounds = 2 * snapshot.nodes().size() + 16;
        while (true) {
            if (++rounds > maxRounds) {
                throw new IllegalStateException("the plan did not converge within " + maxRounds + " rounds");
            }
            NextStep step = new Pass(cur, true, false).run();
            if (step.actions().isEmpty()) {
                step = new Pass(cur, true, true).run();
                Instant wake = null;
                for (Blocked b : step.blocked()) {
                    if (b.until() != null && b.until().isAfter(cur.now()) && (wake == null || b.until().isBefore(wake))) {
                        wake = b.until();
                    }
                }
                if (!advanced && wake != null) {
                    cur = cur.withNow(wake);
                    advanced = true;
                    continue;
                }
                last = step;
                break;
            }
            advanced = false;
            int index = entries.size();
            entries.add(new TreeMap<>());
            starts.add(cur.now());
            record(step.actions(), index, entries, active);
            cur = Simulator.succeed(cur, step.actions());
            if (Pass.independent(cur)) {
                cur = finishAlone(cur, step.actions(), index, entries, active);
                continue;
            }
            int inner = 0;
            while (true) {
                NextStep more = new Pass(cur, false, false).run();
                if (more.actions().isEmpty()) {
                    break;
                }
                if (++inner > 64) {
                    throw new IllegalStateException("a wave did not settle within 64 steps");
                }
                record(more.actions(), index, entries, active);
                cur = Simulator.succeed(cur, more.actions());
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            List<Wave.Entry> list = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : entries.get(i).entrySet()) {
                list.add(new Wave.Entry(e.getKey(), cur.node(e.getKey()).pool(), e.getValue()));
            }
            if (!list.isEmpty()) {
                waves.add(new Wave(waves.size(), starts.get(i), list));
            }
        }
        return new Plan(waves, last.blocked(), before, status(cur));
    }

    /**
     * Runs every node acted on in this wave's first step to the end, one node at a time: equivalent to the general
     * loop when nodes are {@link Pass#independent independent}, without an O(n) pass per step.
     */
    private static Snapshot finishAlone(Snapshot cur, List<Action> first, int index,
                                        List<Map<String, List<String>>> entries, Map<String, List<String>> active) {
        Pass pass = new Pass(cur, false, false);
        Map<String, Pool> pools = new java.util.HashMap<>();
        for (Pool p : cur.pools()) {
            pools.put(p.name(), p);
        }
        List<Node> nodes = new ArrayList<>(cur.nodes());
        boolean changed = false;
        for (Action a : first) {
            int i = cur.indexOf(a.node());
            Node n = nodes.get(i);
            Pool p = pools.get(n.pool());
            for (int k = 0; ; k++) {
                if (k > 16) {
                    throw new IllegalStateException("node " + n.name() + " did not settle within 16 steps");
                }
                Action next = pass.progressAlone(n, p);
                if (next == null) {
                    break;
                }
                record(List.of(next), index, entries, active);
                n = Simulator.apply(n, next);
                changed = true;
            }
            nodes.set(i, n);
        }
        return changed ? cur.withNodes(nodes) : cur;
    }

    private static void record(List<Action> actions, int wave, List<Map<String, List<String>>> entries,
                               Map<String, List<String>> active) {
        for (Action a : actions) {
            List<String> steps = active.get(a.node());
            if (a instanceof Action.SetDesired || steps == null) {
                steps = new ArrayList<>();
                active.put(a.node(), steps);
                entries.get(wave).put(a.node(), steps);
            }
            steps.add(a.step());
        }
    }

    /**
     * The rollback plan: every pool that has a {@link Pool#previous()} target is pointed back at it and planned under
     * the same budgets, windows, locks and limits; pools without one are held (treated as paused) so a rollback never
     * advances a forward rollout. Nodes already on the previous target receive no actions; nodes cordoned by the
     * planner stay re-targetable, so a node wedged on a bad config is recovered (MCO issue #1443).
     */
    public static Plan rollback(Snapshot snapshot) {
        return plan(rollbackSnapshot(snapshot));
    }

    /** The snapshot {@link #rollback} plans: targets swapped with previous targets, other pools paused. */
    public static Snapshot rollbackSnapshot(Snapshot snapshot) {
        List<Pool> pools = new ArrayList<>();
        for (Pool p : snapshot.pools()) {
            pools.add(p.previous() != null ? p.rolledBack() : p.withPaused(true));
        }
        return snapshot.withPools(pools);
    }

    /** Each pool's status, in pool name order, like MCO's {@code calculateStatus}. */
    public static List<PoolStatus> status(Snapshot snapshot) {
        Map<String, List<Node>> byPool = snapshot.nodesByPool();
        Pass pass = new Pass(snapshot, false, false);
        List<PoolStatus> out = new ArrayList<>();
        for (Pool p : snapshot.pools()) {
            List<Node> nodes = byPool.getOrDefault(p.name(), List.of());
            boolean refused = false;
            for (Node n : nodes) {
                if (!n.targets(p.target())
                        && pass.analysis(n.current(), p.target()) instanceof ChangeAnalysis.Irreconcilable) {
                    refused = true;
                    break;
                }
            }
            out.add(PoolStatus.of(p, nodes, refused));
        }
        return out;
    }

    /**
     * What moving a node from {@code from} to {@code to} means under the snapshot's configs and policies: no change
     * is None; configs the snapshot does not describe need a reboot; otherwise
     * {@link DisruptionPolicies#analyze(RenderedConfig, RenderedConfig)}, with an OS image change forcing a reboot.
     */
    public static ChangeAnalysis analyze(Snapshot snapshot, Target from, Target to) {
        boolean imageChange = to.osImage() != null && !to.osImage().equals(from.osImage());
        if (from.config().equals(to.config()) && !imageChange) {
            return new ChangeAnalysis.Reconcilable(Disruption.NONE);
        }
        RenderedConfig a = snapshot.configs().get(from.config());
        RenderedConfig b = snapshot.configs().get(to.config());
        if (a == null || b == null) {
            return new ChangeAnalysis.Reconcilable(Disruption.REBOOT);
        }
        ChangeAnalysis r = snapshot.policies().analyze(a, b);
        if (imageChange && r instanceof ChangeAnalysis.Reconcilable) {
            return new ChangeAnalysis.Reconcilable(Disruption.REBOOT);
        }
        return r;
    }
}
