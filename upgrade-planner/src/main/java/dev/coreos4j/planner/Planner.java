package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rolling-upgrade planner: pure functions of a {@link Snapshot}. No clock (time is {@link Snapshot#now()}), no
 * randomness (ties are broken by sorting), no I/O; thread-safe; total on every valid snapshot.
 *
 * <p>MCO parity ({@code getAllCandidateMachines} in every state): per-pool budgets ({@link MaxUnavailable}) over one
 * unavailability predicate ({@link Node#isUnavailable()}), capacity = budget − unavailable − failing on the target,
 * nothing handed out when the unavailable nodes fill the budget, every node handed the target taking a slot;
 * candidates are ready, schedulable (or cordoned by the planner) and not targeting the goal, Working or failing on an
 * older config included, ordered by zone presence, zone, age and name, and a candidate not handed the target moves
 * on towards its own desired config; a pool target without an image makes nodes carrying one leave image mode;
 * control-plane pools move one node at a time and never while a member is unavailable; a pool's deferred node moves
 * last. Beyond MCO: disruption from the change itself, PDB headroom, maintenance windows, FleetLock groups,
 * cross-pool and per-zone limits, failure thresholds, abort and rollback. The snapshot's {@link Topology} adds the
 * single-node rules (no drain; the only node moves only with {@link Snapshot#acceptAvailabilityLoss()}, which
 * {@link Plan#notes()} then reports) and the arbiter rules (master and arbiter never unavailable together).
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
     * Simulates {@link #next} to completion assuming every started node succeeds and every busy agent (a ready
     * Working or Rebooting node of an unpaused pool) finishes, in the first wave ({@link Action.AgentFinishes}). Each wave starts every node the
     * budgets allow in every pool at once, then runs those nodes to the end before the next wave, so the number of
     * waves is the minimum the budgets allow. When nothing can move until a maintenance window opens, the simulated
     * clock jumps to that window. The remaining reasons are those of the final state, and {@link Plan#notes()} name, per
     * pool that does not reach its target, the nodes that stop it and why.
     */
    public static Plan plan(Snapshot snapshot) {
        return plan(snapshot, false);
    }

    /**
     * {@link #plan(Snapshot)}, or with {@code reference} the straightforward evaluation the indexed one must equal:
     * the general path at every wave, every gate recomputed from every node at every step ({@link Fleet#reference}).
     */
    static Plan plan(Snapshot snapshot, boolean reference) {
        Fleet fleet = reference ? Fleet.reference(snapshot) : Fleet.of(snapshot);
        List<PoolStatus> before = status(fleet);
        Instant now = snapshot.now();
        List<LockGroup> locks = snapshot.locks();
        // Without coupling gates (PDBs, locks, limits) pools and started nodes move independently: each wave then
        // re-decides only the pools that acted and the nodes that changed, and runs started nodes to the end alone.
        boolean independent = !reference && Pass.independent(snapshot);
        Waves waves = new Waves(fleet);
        // How started nodes run alone, by situation; valid while the clock stands still.
        Map<RunKey, Run> runs = new HashMap<>();
        boolean advanced = false;
        NextStep last;
        int rounds = 0;
        int maxRounds = 2 * fleet.size() + 16;
        boolean wasFast = true;
        while (true) {
            if (++rounds > maxRounds) {
                throw new IllegalStateException("the plan did not converge within " + maxRounds + " rounds");
            }
            // A refusing pool couples its members within a wave (see Fleet.refusing): such waves take the general
            // path, and the first fast wave after one decides every pool and node again.
            boolean fast = independent && !fleet.refusing();
            if (fast && !wasFast) {
                fleet.invalidate();
            }
            wasFast = fast;
            Pass pass = new Pass(fleet, now, locks, true, false, fast).finishingAgents();
            int[] acted = pass.evaluate();
            if (acted.length == 0) {
                NextStep step = new Pass(fleet, now, locks, true, true, false).run();
                Instant wake = null;
                for (Blocked b : step.blocked()) {
                    if (b.until() != null
                            && b.until().isAfter(now)
                            && (wake == null || b.until().isBefore(wake))) {
                        wake = b.until();
                    }
                }
                if (!advanced && wake != null) {
                    now = wake;
                    fleet.invalidate();
                    runs.clear();
                    advanced = true;
                    continue;
                }
                last = step;
                break;
            }
            advanced = false;
            int index = waves.start(now);
            if (fast) {
                finishAlone(fleet, pass, acted, index, waves, runs);
                continue;
            }
            waves.record(pass, acted, index);
            locks = succeed(fleet, pass, acted, locks);
            // In-flight nodes can queue for a few lock slots inside one wave, so a wave may take many steps; every
            // step moves some node forward, and a node takes a bounded number of steps, so this bound is only a guard.
            int inner = 0;
            int maxInner = 16 * fleet.size() + 64;
            while (true) {
                Pass more = new Pass(fleet, now, locks, false, false, false).finishingAgents();
                int[] moved = more.evaluate();
                if (moved.length == 0) {
                    break;
                }
                if (++inner > maxInner) {
                    throw new IllegalStateException("planner bug: a wave did not settle within " + maxInner + " steps");
                }
                waves.record(more, moved, index);
                locks = succeed(fleet, more, moved, locks);
            }
        }
        List<Wave> built = waves.build();
        return new Plan(built, last.blocked(), before, status(fleet), notes(snapshot, built, last.blocked()));
    }

    /**
     * The plan's notes: under {@link Topology#SINGLE_REPLICA} with the opt-in, that the only node is disrupted
     * (availability loss accepted) when the plan moves it; and for every pool whose rollout stops before the end, the
     * nodes that stop it and why, then the nodes waiting behind them.
     */
    private static List<String> notes(Snapshot snapshot, List<Wave> waves, List<Blocked> blocked) {
        List<String> out = new ArrayList<>();
        Node only = snapshot.singleNode();
        if (only != null && snapshot.acceptAvailabilityLoss()) {
            for (Wave w : waves) {
                for (Wave.Entry e : w.nodes()) {
                    if (e.name().equals(only.name()) && e.steps().contains("Reboot") && out.isEmpty()) {
                        out.add("availability loss accepted: " + only.name() + " is the only node of a "
                                + "SingleReplica cluster; it reboots without a drain and the cluster is unavailable "
                                + "meanwhile");
                    }
                }
            }
        }
        Map<String, List<Blocked>> byPool = new java.util.TreeMap<>();
        for (Blocked b : blocked) {
            if (b.pool() != null) {
                byPool.computeIfAbsent(b.pool(), k -> new ArrayList<>()).add(b);
            }
        }
        for (Map.Entry<String, List<Blocked>> e : byPool.entrySet()) {
            out.add(stopNote(Objects.requireNonNull(snapshot.pool(e.getKey())), e.getValue()));
        }
        return out;
    }

    /** Reasons that only say a node waits behind others (a budget, a lock, a limit), not what stops the rollout. */
    private static final java.util.Set<Reason> WAITING = java.util.EnumSet.of(
            Reason.BUDGET_EXHAUSTED,
            Reason.QUORUM,
            Reason.FAILURE_THRESHOLD,
            Reason.DEFERRED,
            Reason.LOCK_HELD,
            Reason.CLUSTER_LIMIT,
            Reason.ZONE_LIMIT);

    /** One pool's "stops before the end" sentence: the stopping nodes with reasons, then the waiting ones. */
    private static String stopNote(Pool pool, List<Blocked> blocked) {
        StringBuilder b = new StringBuilder("pool ")
                .append(pool.name())
                .append(" stops before reaching ")
                .append(pool.target().config())
                .append(": ");
        List<String> stops = new ArrayList<>();
        Map<Reason, List<String>> waiting = new java.util.EnumMap<>(Reason.class);
        for (Blocked x : blocked) {
            if (WAITING.contains(x.reason())) {
                waiting.computeIfAbsent(x.reason(), k -> new ArrayList<>()).add(x.node());
            } else {
                stops.add(x.node() + " " + x.reason() + " (" + x.detail() + ")");
            }
        }
        b.append(stops.isEmpty() ? "no node of its own stops it" : String.join("; ", stops));
        for (Map.Entry<Reason, List<String>> w : waiting.entrySet()) {
            b.append("; ")
                    .append(String.join(", ", w.getValue()))
                    .append(" wait (")
                    .append(w.getKey())
                    .append(')');
        }
        return b.toString();
    }

    /**
     * Applies this wave's first actions and runs every node they touch to the end, one node at a time: equivalent
     * to the general loop when nodes are {@link Pass#independent independent}, and touching only the nodes that move.
     * Nodes with the same {@link RunKey} take the same steps to the same end, so each key runs once per instant.
     */
    private static void finishAlone(
            Fleet fleet, Pass pass, int[] acted, int index, Waves waves, Map<RunKey, Run> runs) {
        // The run each pool used last: a pool's started nodes are mostly alike.
        RunKey[] lastKey = new RunKey[fleet.byName.length];
        Run[] lastRun = new Run[fleet.byName.length];
        for (int i : acted) {
            Action first = pass.actionAt(i);
            PoolGroup g = fleet.groupOf[i];
            RunKey key = new RunKey(g, first.step(), content(first), fleet.situation(i));
            Run run;
            if (key.equals(lastKey[g.index])) {
                run = lastRun[g.index];
            } else {
                run = runs.get(key);
                if (run == null) {
                    run = runAlone(fleet, pass, i, first, g.pool);
                    runs.put(key, run);
                }
                lastKey[g.index] = key;
                lastRun[g.index] = run;
            }
            if (!waves.opens(i, first)) {
                for (String step : run.steps()) {
                    waves.append(i, step);
                }
            } else {
                waves.open(i, index, run.steps());
            }
            fleet.setEnd(i, run.end(), run.endSituation());
        }
    }

    /**
     * Runs the started node at position {@code i} from its first step {@code first} until it has nothing left to
     * do; the run's steps include {@code first}.
     */
    private static Run runAlone(Fleet fleet, Pass pass, int i, Action first, Pool p) {
        Node n = Simulator.apply(fleet.node(i), first);
        List<String> steps = new ArrayList<>();
        steps.add(first.step());
        for (int k = 0; ; k++) {
            if (k > 16) {
                throw new IllegalStateException("node " + n.name() + " did not settle within 16 steps");
            }
            Action next = pass.progressAlone(i, n, p);
            if (next == null) {
                return new Run(List.copyOf(steps), n, fleet.intern(i, n));
            }
            if (next instanceof Action.SetDesired) {
                throw new IllegalStateException("planner bug: a started node was retargeted alone");
            }
            steps.add(next.step());
            n = Simulator.apply(n, next);
        }
    }

    /**
     * What decides a started node's run without coupling gates: its pool (target, window, options), what its first
     * step of the wave does, and its {@link Fleet#situation situation} (everything a step reads of the node besides
     * its identity). Nodes with equal keys at the same instant take the same steps to the same situation.
     */
    private record RunKey(
            PoolGroup pool, String first, @Nullable Object firstContent, int situation) {}

    /** What an action does besides naming its node and step. */
    private static @Nullable Object content(Action a) {
        if (a instanceof Action.SetDesired setDesired) {
            return setDesired.target();
        } else if (a instanceof Action.Apply apply) {
            return List.of(apply.postActions(), apply.finalizes());
        } else if (a instanceof Action.AcquireLock acquireLock) {
            return acquireLock.group();
        } else if (a instanceof Action.ReleaseLock releaseLock) {
            return releaseLock.group();
        }
        return null;
    }

    /**
     * The step names of a run, its first step included (immutable, shared by every node that runs the same way),
     * and its end: the node that ran it, whose situation every such node ends in.
     */
    private record Run(List<String> steps, Node end, int endSituation) {}

    /** {@link Simulator#succeed} on the fleet: the nodes change in place; returns the lock groups afterwards. */
    private static List<LockGroup> succeed(Fleet fleet, Pass pass, int[] acted, List<LockGroup> locks) {
        List<LockGroup> out = locks;
        for (int i : acted) {
            Action a = pass.actionAt(i);
            if (a instanceof Action.AcquireLock || a instanceof Action.ReleaseLock) {
                if (out == locks) {
                    out = new ArrayList<>(locks);
                }
                Simulator.lock(out, a);
            } else {
                fleet.set(i, Simulator.apply(fleet.node(i), a));
            }
        }
        return out;
    }

    /**
     * The plan's waves as they are recorded: each node's steps go to the entry its last {@code SetDesired} (or its
     * first action) opened, which belongs to the wave it was opened in.
     */
    private static final class Waves {
        private final Fleet fleet;
        private final List<Instant> starts = new ArrayList<>();
        /** Entries in creation order. */
        private final List<Entry> entries = new ArrayList<>();
        /** Each node's open entry (index into {@link #entries}), or -1. */
        private final int[] open;

        /** One node's steps in one wave; {@code shared} steps are an immutable list copied before appending. */
        private static final class Entry {
            final int wave;
            final int node;
            List<String> steps;
            boolean shared;

            Entry(int wave, int node, List<String> steps, boolean shared) {
                this.wave = wave;
                this.node = node;
                this.steps = steps;
                this.shared = shared;
            }
        }

        Waves(Fleet fleet) {
            this.fleet = fleet;
            this.open = new int[fleet.size()];
            java.util.Arrays.fill(open, -1);
        }

        int start(Instant at) {
            starts.add(at);
            return starts.size() - 1;
        }

        void record(Pass pass, int[] acted, int wave) {
            for (int i : acted) {
                record(i, pass.actionAt(i), wave);
            }
        }

        /** Records step {@code a} of the node at position {@code i}. */
        void record(int i, Action a, int wave) {
            if (opens(i, a)) {
                open(i, wave, new ArrayList<>(List.of(a.step())));
                entries.get(open[i]).shared = false;
            } else {
                append(i, a.step());
            }
        }

        /** Whether step {@code a} of node {@code i} opens a new entry: a retarget, or the node's first step. */
        boolean opens(int i, Action a) {
            return a instanceof Action.SetDesired || open[i] < 0;
        }

        /** Opens node {@code i}'s entry in {@code wave} with (immutable, shared) {@code steps}. */
        void open(int i, int wave, List<String> steps) {
            int e = open[i];
            Entry fresh = new Entry(wave, i, steps, true);
            if (e >= 0 && entries.get(e).wave == wave) {
                entries.set(e, fresh); // a node has one entry per wave: the newest
            } else {
                entries.add(fresh);
                open[i] = entries.size() - 1;
            }
        }

        /** Appends a step to node {@code i}'s open entry. */
        void append(int i, String step) {
            Entry e = entries.get(open[i]);
            if (e.shared) {
                e.steps = new ArrayList<>(e.steps);
                e.shared = false;
            }
            e.steps.add(step);
        }

        List<Wave> build() {
            List<List<Entry>> byWave = new ArrayList<>();
            for (int w = 0; w < starts.size(); w++) {
                byWave.add(new ArrayList<>());
            }
            for (Entry e : entries) {
                byWave.get(e.wave).add(e);
            }
            List<Wave> out = new ArrayList<>();
            for (int w = 0; w < starts.size(); w++) {
                List<Entry> list = byWave.get(w);
                if (list.isEmpty()) {
                    continue;
                }
                list.sort((a, b) -> Integer.compare(a.node, b.node));
                List<Wave.Entry> nodes = new ArrayList<>(list.size());
                for (Entry e : list) {
                    nodes.add(new Wave.Entry(fleet.names[e.node], fleet.groupOf[e.node].pool.name(), e.steps));
                }
                out.add(new Wave(out.size(), starts.get(w), nodes));
            }
            return out;
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
        return status(Fleet.of(snapshot));
    }

    private static List<PoolStatus> status(Fleet fleet) {
        return fleet.status();
    }

    /**
     * What moving a node from {@code from} to {@code to} means under the snapshot's configs and policies: no change
     * is None; configs the snapshot does not describe need a reboot; otherwise
     * {@link DisruptionPolicies#analyze(RenderedConfig, RenderedConfig)}, with an OS image change (entering, changing or
     * leaving image mode) forcing a reboot.
     */
    public static ChangeAnalysis analyze(Snapshot snapshot, Target from, Target to) {
        // leaving image mode (an image to none) is an image change too: MCO reboots the node back to its config's OS
        boolean imageChange = !java.util.Objects.equals(from.osImage(), to.osImage());
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
