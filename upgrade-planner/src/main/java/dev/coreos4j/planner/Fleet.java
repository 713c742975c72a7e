package dev.coreos4j.planner;

import static dev.coreos4j.planner.NodeFlags.BUSY;
import static dev.coreos4j.planner.NodeFlags.DEGRADED;
import static dev.coreos4j.planner.NodeFlags.DONE;
import static dev.coreos4j.planner.NodeFlags.DRAINS;
import static dev.coreos4j.planner.NodeFlags.FAILING;
import static dev.coreos4j.planner.NodeFlags.IRRECONCILABLE;
import static dev.coreos4j.planner.NodeFlags.QUIET;
import static dev.coreos4j.planner.NodeFlags.SCHEDULABLE;
import static dev.coreos4j.planner.NodeFlags.STARTABLE;
import static dev.coreos4j.planner.NodeFlags.TARGETS;
import static dev.coreos4j.planner.NodeFlags.UNAVAILABLE;
import static dev.coreos4j.planner.NodeFlags.UNSETTLED;
import static dev.coreos4j.planner.NodeFlags.WEDGED;
import static dev.coreos4j.planner.NodeFlags.isCandidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot's nodes indexed once for repeated evaluation: the working state of a plan simulation. Node positions are
 * the snapshot's (sorted by name), so a position stands for a name everywhere; pool membership, zones, ages and names
 * never change while a rollout is simulated, so the per-pool member lists and candidate orders are computed once.
 *
 * <p>Per node it caches the classification bits the pool decisions read ({@link #flags}), recomputed only when the
 * node changes ({@link #set}); per pool it keeps the counts the budget needs and the nodes that changed since the
 * pool was last evaluated incrementally, so that a simulation step costs what moves, not what the fleet holds.
 * Single use, not thread-safe.
 */
final class Fleet {

    /** The snapshot the fleet was built from: pools, configs, policies and gates (its nodes are the initial state). */
    final Snapshot snapshot;
    /**
     * The reference evaluation, for tests: passes recompute every gate from every node (limits, PDB headroom over
     * every PDB), read windows from the whole list and take no shortcut, instead of reading the counters and indexes
     * kept here. Plans must not differ.
     */
    final boolean reference;
    /** The state of every node by snapshot position, unless {@link #pending} holds a newer one. */
    private final Node[] nodes;
    /**
     * A node whose run ended like another's: the end of that run (its situation fields), materialized on first read
     * ({@link #node}); a simulated node nobody reads again is never built.
     */
    private final Node[] pending;
    /** Each node's {@link Situations.Situation}, interned: equal ids, equal situations. */
    private final int[] situation;

    private final Situations situations = new Situations();
    /** Node names by position. */
    final String[] names;
    /** Classification bits by position (0 for nodes in no pool). */
    final int[] flags;
    /** Changed since its pool was last evaluated incrementally (listed in its group's {@code changed}). */
    private final boolean[] fresh;
    /** The pools in evaluation order: control-plane pools first, then by name. */
    final PoolGroup[] evaluation;
    /** The same pools in name order (the snapshot's). */
    final PoolGroup[] byName;
    /** The pool group of each node, or {@code null}. */
    final PoolGroup[] groupOf;
    /** Positions of the nodes in no pool, in name order. */
    final int[] poolless;

    /** Candidate-order keys by position (they never change): zone rank (no zone last), creation time. */
    final int[] zoneRank;

    final long[] createdSeconds;
    final int[] createdNanos;
    /** Each node's index in its group's candidate order, once that order is computed. */
    final int[] orderIndex;
    /** Each pooled node's index in its group's {@link PoolGroup#members}. */
    private final int[] memberIndex;

    /**
     * The gate counters, kept as nodes change ({@link #changed}) so that a simulated step reads them instead of
     * scanning the fleet. Unavailable or failing (what the cluster and zone limits count) by position, every node
     * pooled or not; how many nodes are, in the cluster and per zone rank; zone sizes and budgets by zone rank.
     */
    private final boolean[] out;

    int clusterOut;
    final int[] zoneOut;
    final int[] zoneSize;
    /** The per-zone budget by zone rank, or {@code null} without a zone limit. */
    final int @Nullable [] zoneBudget;
    /** The cluster budget, or {@link Integer#MAX_VALUE} without a cluster limit. */
    final int clusterBudget;
    /**
     * The PDBs covering each node's pods, found once through a label index: node {@code i}'s entries are
     * {@code pdbStart[i]} to {@code pdbStart[i + 1]} of {@link #pdbIndex} (PDB positions, ascending) and
     * {@link #pdbCount} (how many of its pods that PDB covers). Pods never change during a simulation.
     */
    final int[] pdbStart;

    final int[] pdbIndex;
    final int[] pdbCount;
    /** Covered pods per PDB (constant) and those on nodes that are {@link #disrupting} (kept current). */
    final int[] pdbExpected;

    final int[] pdbDisrupted;
    /** Whether each node's pods are out of service or about to be ({@link #disrupting(Node)}), by position. */
    private final boolean[] disrupting;

    /** The maintenance windows of each pool, and whether they are open. */
    final PoolWindows windows;

    private final Map<Target, Map<Target, ChangeAnalysis>> analyses = new HashMap<>();
    /** The actions array passes share, and where the last pass put actions. */
    private Action @Nullable [] decisions;

    private int[] decided = new int[0];
    /** The last analysis asked for (a simulated node asks for the same change several times in a row). */
    private @Nullable Target lastFrom;

    private @Nullable Target lastTo;
    private @Nullable ChangeAnalysis lastAnalysis;

    private Fleet(Snapshot snapshot, boolean reference) {
        this.snapshot = snapshot;
        this.reference = reference;
        this.windows = new PoolWindows(snapshot);
        List<Node> list = snapshot.nodes();
        List<Pool> pools = snapshot.pools();
        int size = list.size();
        nodes = list.toArray(new Node[0]);
        pending = new Node[size];
        situation = new int[size];
        names = new String[size];
        flags = new int[size];
        fresh = new boolean[size];
        zoneRank = new int[size];
        createdSeconds = new long[size];
        createdNanos = new int[size];
        orderIndex = new int[size];
        memberIndex = new int[size];
        Map<String, Integer> poolIndex = new HashMap<>();
        for (int p = 0; p < pools.size(); p++) {
            poolIndex.put(pools.get(p).name(), p);
        }
        int none = pools.size();
        byName = new PoolGroup[none];
        for (int p = 0; p < none; p++) {
            Pool pool = pools.get(p);
            int deferred = pool.deferredNode() == null ? -1 : snapshot.indexOf(pool.deferredNode());
            if (deferred >= 0 && !pool.name().equals(nodes[deferred].pool())) {
                deferred = -1;
            }
            byName[p] = new PoolGroup(pool, p, deferred);
        }
        groupOf = new PoolGroup[size];
        // One sweep over the nodes: everything else reads the arrays it fills.
        int[] poolOf = new int[size];
        int[] counts = new int[none + 1];
        Map<String, Integer> zoneIds = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Node n = nodes[i];
            names[i] = n.name();
            Instant created = n.created();
            createdSeconds[i] = created.getEpochSecond();
            createdNanos[i] = created.getNano();
            String z = n.zone();
            if (z == null) {
                zoneRank[i] = -1;
            } else {
                Integer id = zoneIds.get(z);
                if (id == null) {
                    id = zoneIds.size();
                    zoneIds.put(z, id);
                }
                zoneRank[i] = id;
            }
            String poolName = n.pool();
            int p = poolName == null ? none : Objects.requireNonNull(poolIndex.get(poolName), poolName);
            poolOf[i] = p;
            counts[p]++;
            if (p != none) {
                PoolGroup g = byName[p];
                groupOf[i] = g;
                flags[i] = classify(g, n);
                g.count(flags[i], 1);
                situation[i] = intern(i, n);
            }
        }
        // Zone ids in first-seen order become ranks in zone order; nodes without a zone sort last.
        String[] zones = new String[zoneIds.size()];
        zoneIds.forEach((z, id) -> zones[id] = z);
        Integer[] byZone = new Integer[zones.length];
        for (int k = 0; k < zones.length; k++) {
            byZone[k] = k;
        }
        Arrays.sort(byZone, Comparator.comparing(k -> zones[k]));
        int[] rankOf = new int[zones.length];
        for (int r = 0; r < byZone.length; r++) {
            rankOf[byZone[r]] = r;
        }
        for (int i = 0; i < size; i++) {
            zoneRank[i] = zoneRank[i] < 0 ? Integer.MAX_VALUE : rankOf[zoneRank[i]];
        }
        int[][] members = new int[none + 1][];
        for (int p = 0; p <= none; p++) {
            members[p] = new int[counts[p]];
        }
        int[] fill = new int[none + 1];
        for (int i = 0; i < size; i++) {
            int k = fill[poolOf[i]]++;
            members[poolOf[i]][k] = i;
            memberIndex[i] = k;
            if (poolOf[i] != none) {
                byName[poolOf[i]].track(k, flags[i]);
            }
        }
        for (int p = 0; p < none; p++) {
            byName[p].members = members[p];
        }
        poolless = members[none];
        evaluation = byName.clone();
        Arrays.sort(
                evaluation,
                Comparator.comparing((PoolGroup g) -> !g.pool.controlPlane()).thenComparing(g -> g.pool.name()));
        // Gate counters: limits by zone rank, PDB coverage through the label index.
        out = new boolean[size];
        zoneOut = new int[zones.length];
        zoneSize = new int[zones.length];
        for (int i = 0; i < size; i++) {
            Node n = nodes[i];
            out[i] = n.isUnavailable() || n.isFailing();
            if (zoneRank[i] != Integer.MAX_VALUE) {
                zoneSize[zoneRank[i]]++;
            }
            if (out[i]) {
                clusterOut++;
                if (zoneRank[i] != Integer.MAX_VALUE) {
                    zoneOut[zoneRank[i]]++;
                }
            }
        }
        Limits limits = snapshot.limits();
        clusterBudget = limits.maxUnavailable() == null
                ? Integer.MAX_VALUE
                : limits.maxUnavailable().budget(size);
        if (limits.maxUnavailablePerZone() == null) {
            zoneBudget = null;
        } else {
            zoneBudget = new int[zones.length];
            for (int z = 0; z < zones.length; z++) {
                zoneBudget[z] = limits.maxUnavailablePerZone().budget(zoneSize[z]);
            }
        }
        List<Pdb> pdbs = snapshot.pdbs();
        pdbStart = new int[size + 1];
        pdbExpected = new int[pdbs.size()];
        pdbDisrupted = new int[pdbs.size()];
        disrupting = new boolean[size];
        if (pdbs.isEmpty()) {
            pdbIndex = new int[0];
            pdbCount = new int[0];
        } else {
            int[][] coverage = PdbCoverage.of(nodes, pdbs);
            int total = 0;
            for (int i = 0; i < size; i++) {
                pdbStart[i] = total;
                total += coverage[i] == null ? 0 : coverage[i].length / 2;
            }
            pdbStart[size] = total;
            pdbIndex = new int[total];
            pdbCount = new int[total];
            for (int i = 0; i < size; i++) {
                if (coverage[i] == null) {
                    continue;
                }
                boolean d = disrupting(nodes[i]);
                disrupting[i] = d;
                for (int k = 0; k < coverage[i].length / 2; k++) {
                    int e = pdbStart[i] + k;
                    pdbIndex[e] = coverage[i][2 * k];
                    pdbCount[e] = coverage[i][2 * k + 1];
                    pdbExpected[pdbIndex[e]] += pdbCount[e];
                    if (d) {
                        pdbDisrupted[pdbIndex[e]] += pdbCount[e];
                    }
                }
            }
        }
        invalidate();
    }

    /**
     * Whether the node's pods are out of service or about to be: not ready, drained, or moving (or failing to move)
     * with a drain. A failing node counts too: when its agent's retry succeeds it drains.
     */
    boolean disrupting(Node n) {
        if (!n.ready() || n.drained()) {
            return true;
        }
        if (n.isDone()) {
            return false;
        }
        ChangeAnalysis a = analysis(n.current(), n.desired());
        return !(a instanceof ChangeAnalysis.Reconcilable reconcilable)
                || reconcilable.disruption().needsDrain();
    }

    /** {@link #disrupting(Node)} for the current state of the node at {@code i}, if it runs covered pods. */
    boolean disrupting(int i) {
        return disrupting[i];
    }

    /** The zone rank of the node at {@code i}, or -1 when it has no zone. */
    int zone(int i) {
        return zoneRank[i] == Integer.MAX_VALUE ? -1 : zoneRank[i];
    }

    static Fleet of(Snapshot snapshot) {
        return new Fleet(snapshot, false);
    }

    /** A fleet whose passes evaluate the gates the straightforward way ({@link #reference}). */
    static Fleet reference(Snapshot snapshot) {
        return new Fleet(snapshot, true);
    }

    int size() {
        return nodes.length;
    }

    /**
     * The actions array of the next pass: the fleet's passes run one after the other (a pass's actions are read
     * before the next pass is made), so they share one array, cleared here of the previous pass's actions.
     */
    Action[] decisions() {
        Action[] d = decisions;
        if (d == null) {
            d = new Action[nodes.length];
            decisions = d;
        } else {
            for (int i : decided) {
                d[i] = null;
            }
        }
        decided = new int[0];
        return d;
    }

    /** The positions the current pass decided an action for (cleared when the next pass starts). */
    void decided(int[] positions) {
        decided = positions;
    }

    /** The current state of the node at position {@code i}. */
    Node node(int i) {
        Node end = pending[i];
        if (end != null) {
            Node n = nodes[i];
            nodes[i] = new Node(
                    n.name(),
                    n.pool(),
                    n.zone(),
                    n.created(),
                    end.ready(),
                    end.unschedulable(),
                    end.cordonedBy(),
                    end.currentConfig(),
                    end.desiredConfig(),
                    end.currentImage(),
                    end.desiredImage(),
                    end.state(),
                    end.reason(),
                    end.drained(),
                    end.staged(),
                    n.pods());
            pending[i] = null;
        }
        return nodes[i];
    }

    /** The interned {@link Situations.Situation} of the node at position {@code i}. */
    int situation(int i) {
        return situation[i];
    }

    /** Replaces the node at {@code i} (same name): reclassifies it, updates its pool's counts, marks it changed. */
    void set(int i, Node n) {
        nodes[i] = n;
        pending[i] = null;
        changed(i, n, intern(i, n));
    }

    /**
     * The node at {@code i} is now in the situation of {@code end} (a node that ran the same way, interned as
     * {@code endSituation}); its other fields are unchanged. The node itself is built when it is next read.
     */
    void setEnd(int i, Node end, int endSituation) {
        pending[i] = end;
        changed(i, end, endSituation);
    }

    private void changed(int i, Node n, int sit) {
        situation[i] = sit;
        boolean o = n.isUnavailable() || n.isFailing();
        if (o != out[i]) {
            out[i] = o;
            int sign = o ? 1 : -1;
            clusterOut += sign;
            if (zoneRank[i] != Integer.MAX_VALUE) {
                zoneOut[zoneRank[i]] += sign;
            }
        }
        if (pdbStart[i] != pdbStart[i + 1]) {
            boolean d = disrupting(n);
            if (d != disrupting[i]) {
                disrupting[i] = d;
                int sign = d ? 1 : -1;
                for (int e = pdbStart[i]; e < pdbStart[i + 1]; e++) {
                    pdbDisrupted[pdbIndex[e]] += sign * pdbCount[e];
                }
            }
        }
        PoolGroup g = groupOf[i];
        if (g == null) {
            return;
        }
        int before = flags[i];
        int after = classify(g, n);
        flags[i] = after;
        if (before != after) {
            g.count(before, -1);
            g.count(after, 1);
            g.track(memberIndex[i], after);
            if (isCandidate(after) && g.order != null && orderIndex[i] < g.cursor) {
                g.cursor = orderIndex[i];
            }
        }
        if (!fresh[i]) {
            fresh[i] = true;
            if (g.changedCount == g.changed.length) {
                g.changed = Arrays.copyOf(g.changed, g.changedCount * 2);
            }
            g.changed[g.changedCount++] = i;
        }
    }

    /**
     * Whether some pool refuses its target now (a member's change to it cannot be applied in place). A refusal can
     * end mid-wave, when that member's in-flight update lands elsewhere, and that changes what other finished members
     * do next; so waves are not run node by node while one exists.
     */
    boolean refusing() {
        for (PoolGroup g : evaluation) {
            if (g.refusing > 0) {
                return true;
            }
        }
        return false;
    }

    /** Everything may have changed (a new fleet, or the clock moved): every pool and node is decided again. */
    void invalidate() {
        Arrays.fill(fresh, false);
        for (PoolGroup g : evaluation) {
            g.dirty = true;
            g.stale = true;
            g.changedCount = 0;
        }
    }

    /**
     * The id of the situation of {@code n}, a state of the node at position {@code i} ({@link Situations#intern}).
     */
    int intern(int i, Node n) {
        return situations.intern(groupOf[i], n);
    }

    /** Forgets which members of {@code g} changed: an incremental pass has decided them. */
    void settle(PoolGroup g) {
        for (int k = 0; k < g.changedCount; k++) {
            fresh[g.changed[k]] = false;
        }
        g.changedCount = 0;
        g.stale = false;
    }

    private int classify(PoolGroup g, Node n) {
        Target t = g.pool.target();
        int f = 0;
        boolean done = n.isDone();
        if (done) {
            f |= DONE;
        }
        if (!done || n.isCordonedByPlanner()) {
            f |= UNSETTLED;
        }
        if (n.isSchedulable()) {
            f |= SCHEDULABLE;
        }
        if (n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE) {
            f |= DEGRADED;
        }
        if (n.ready() && n.state().isBusy()) {
            f |= BUSY;
        }
        if (n.isUnavailable()) {
            f |= UNAVAILABLE;
        }
        if (n.isFailing()) {
            f |= FAILING;
            if (n.ready() && n.isCordonedByPlanner()) {
                f |= WEDGED;
            }
        }
        if (n.targets(t)) {
            f |= TARGETS;
            if (done && n.ready() && !n.isCordonedByPlanner()) {
                f |= QUIET;
            }
            return f;
        }
        ChangeAnalysis change = analysis(n.current(), t);
        if (!snapshot.configs().isEmpty() && change instanceof ChangeAnalysis.Irreconcilable) {
            f |= IRRECONCILABLE;
        }
        if (!(change instanceof ChangeAnalysis.Reconcilable reconcilable)
                || reconcilable.disruption().needsDrain()) {
            f |= DRAINS;
        }
        if (n.ready() && (!n.unschedulable() || n.isCordonedByPlanner())) {
            f |= STARTABLE;
        }
        return f;
    }

    /** What moving from {@code from} to {@code to} means under the snapshot's configs and policies; cached. */
    ChangeAnalysis analysis(Target from, Target to) {
        if (lastFrom != null && lastTo != null && lastAnalysis != null && same(from, lastFrom) && same(to, lastTo)) {
            return lastAnalysis;
        }
        Map<Target, ChangeAnalysis> row = analyses.computeIfAbsent(to, k -> new HashMap<>());
        ChangeAnalysis hit = row.get(from);
        if (hit == null) {
            hit = Planner.analyze(snapshot, from, to);
            row.put(from, hit);
        }
        lastFrom = from;
        lastTo = to;
        lastAnalysis = hit;
        return hit;
    }

    /** The same strings (identity implies equality; a node asks again with the same strings). */
    @SuppressWarnings("ReferenceEquality") // deliberate: a cheap first test before the analysis cache
    private static boolean same(Target a, Target b) {
        return a.config() == b.config() && a.osImage() == b.osImage();
    }

    /** Pool statuses in pool name order, from the classification alone (like {@link PoolStatus#of}). */
    List<PoolStatus> status() {
        List<PoolStatus> out = new ArrayList<>(byName.length);
        for (PoolGroup g : byName) {
            int updated = 0;
            int ready = 0;
            int degraded = 0;
            for (int i : g.members) {
                int f = flags[i];
                if ((f & (DONE | TARGETS)) == (DONE | TARGETS)) {
                    updated++;
                    if ((f & SCHEDULABLE) != 0) {
                        ready++;
                    }
                }
                if ((f & DEGRADED) != 0) {
                    degraded++;
                }
            }
            out.add(PoolStatus.of(g.pool, g.members.length, updated, ready, g.unavailable, degraded, g.refusing > 0));
        }
        return out;
    }
}
