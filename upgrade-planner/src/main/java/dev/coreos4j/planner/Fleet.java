package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** The node is told to move to its pool's target ({@link Node#targets}). */
    static final int TARGETS = 1;
    /** {@link Node#isUnavailable()}. */
    static final int UNAVAILABLE = 2;
    /** {@link Node#isFailing()}. */
    static final int FAILING = 4;
    /** Not targeting, and the change from its current config to the pool target cannot be applied in place. */
    static final int IRRECONCILABLE = 8;
    /**
     * Not targeting, ready, and schedulable or cordoned by the planner: may be handed the target (MCO's candidate;
     * a Working agent does not matter, MCO retargets it).
     */
    static final int STARTABLE = 16;
    /** {@link Node#isDone()}. */
    static final int DONE = 32;
    /** {@link Node#isSchedulable()}. */
    static final int SCHEDULABLE = 64;
    /** The agent reports Degraded or Unreconcilable. */
    static final int DEGRADED = 128;
    /**
     * Targeting, done, ready and not cordoned by the planner: nothing to decide unless the pool has a lock group
     * (the node may still hold a slot).
     */
    static final int QUIET = 256;
    /** Not Done, or cordoned by the planner: the planner has something left to do for the node itself. */
    static final int UNSETTLED = 512;
    /**
     * Failing, ready, and unavailable only because the planner cordoned it for the update that failed: the budget
     * counts it as failing, not as unavailable, so it stays re-targetable (MCO counts it unavailable and never
     * retargets it, the wedge of MCO issue #1443). The pool status still counts it unavailable.
     */
    static final int WEDGED = 1024;
    /** Ready and its agent is busy (Working, Rebooting). */
    static final int BUSY = 2048;
    /** Not targeting, and moving from its current config to the pool target needs a drain (or cannot be applied). */
    static final int DRAINS = 4096;

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
    /** Each node's {@link Situation}, interned: equal ids, equal situations. */
    private final int[] situation;

    private final Map<Situation, Integer> situations = new HashMap<>();
    /** Node names by position. */
    final String[] names;
    /** Classification bits by position (0 for nodes in no pool). */
    final int[] flags;
    /** Changed since its pool was last evaluated incrementally (listed in its group's {@code changed}). */
    private final boolean[] fresh;
    /** The pools in evaluation order: control-plane pools first, then by name. */
    final Group[] evaluation;
    /** The same pools in name order (the snapshot's). */
    final Group[] byName;
    /** The pool group of each node, or {@code null}. */
    final Group[] groupOf;
    /** Positions of the nodes in no pool, in name order. */
    final int[] poolless;

    /** Candidate-order keys by position (they never change): zone rank (no zone last), creation time. */
    private final int[] zoneRank;

    private final long[] createdSeconds;
    private final int[] createdNanos;
    /** Each node's index in its group's candidate order, once that order is computed. */
    private final int[] orderIndex;
    /** Each pooled node's index in its group's {@link Group#members}. */
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
    final int[] zoneBudget;
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

    /** Window positions by the pool they name, and those governing every pool; built on first use. */
    private Map<String, List<Integer>> windowsByPool;

    private List<Integer> everyPool;

    private final Map<Target, Map<Target, ChangeAnalysis>> analyses = new HashMap<>();
    /** The actions array passes share, and where the last pass put actions. */
    private Action[] decisions;

    private int[] decided = new int[0];
    /** The last analysis asked for (a simulated node asks for the same change several times in a row). */
    private Target lastFrom;

    private Target lastTo;
    private ChangeAnalysis lastAnalysis;

    /** One pool, its members and the counts its budget reads. */
    static final class Group {
        final Pool pool;
        /** Member positions in name order (set once, when the fleet is built). */
        int[] members;
        /**
         * Members (by member index) a pass without reasons may have to decide outside the candidate loop
         * ({@link #isActive}), and members that are neither done nor failing (they may claim a lock slot).
         */
        final java.util.BitSet active = new java.util.BitSet();

        final java.util.BitSet unfinished = new java.util.BitSet();
        /** The position of the pool's deferred node if it is a member, else -1. */
        final int deferred;
        /** Member positions in candidate order ({@link CandidateOrder}), computed on first use. */
        private int[] order;
        /** No member before this index of {@link #order} is a candidate. */
        int cursor;
        /** Evaluate in the next incremental pass: it acted in the last one (or everything may have changed). */
        boolean dirty = true;
        /** Every member must be decided again in the next incremental pass, not only the changed ones. */
        boolean stale = true;
        /** Members that changed since the last incremental evaluation (also marked in {@link #fresh}). */
        int[] changed = new int[4];

        int changedCount;
        /** Members with {@link #UNAVAILABLE}, {@link #FAILING}, {@link #IRRECONCILABLE}. */
        int unavailable;

        int failing;
        int refusing;
        /** Members failing on the pool target (MCO's {@code failingThisConfig}). */
        int failingOnTarget;
        /** Members with {@link #WEDGED}. */
        int wedged;
        /** The situation last interned for a member, and its id. */
        Situation lastSituation;

        int lastSituationId;
        /** Candidates ({@link #isCandidate}), and those of them with something in flight ({@link #UNSETTLED}). */
        int candidates;

        int unsettledCandidates;

        /** Candidates without {@link #DRAINS}: the drain gates (window, PDBs, lock slot) do not hold them. */
        int drainlessCandidates;
        /** For each index of {@link #order}, the first index after it in another zone (computed with the order). */
        int[] zoneEnd;
        /** The maintenance windows governing the pool (computed on first use). */
        private List<MaintenanceWindow> windows;
        /** The instant {@link #windowOpen} was last evaluated at, and what it said. */
        private Instant windowAt;

        private boolean windowOpen;
        private Instant nextAt;
        private Instant nextOpen;

        /** The pool's index in name order. */
        final int index;

        Group(Pool pool, int index, int deferred) {
            this.pool = pool;
            this.index = index;
            this.deferred = deferred;
        }

        /** Member positions in candidate order: zone present first, zone, age (newest first if asked), name. */
        int[] order(Fleet f) {
            if (order == null) {
                // Sort member indices over local copies of the keys (contiguous), then map back to positions.
                int m = members.length;
                Keys keys = new Keys(m, pool.newestFirst());
                int[] local = new int[m];
                for (int k = 0; k < m; k++) {
                    int i = members[k];
                    keys.zone[k] = f.zoneRank[i];
                    keys.seconds[k] = f.createdSeconds[i];
                    keys.nanos[k] = f.createdNanos[i];
                    local[k] = k;
                }
                sort(local, new int[m], 0, m, keys);
                int[] out = new int[m];
                for (int k = 0; k < m; k++) {
                    out[k] = members[local[k]];
                    f.orderIndex[out[k]] = k;
                }
                int[] ends = new int[m];
                for (int k = m - 1; k >= 0; k--) {
                    ends[k] = k + 1 < m && f.zoneRank[out[k + 1]] == f.zoneRank[out[k]] ? ends[k + 1] : k + 1;
                }
                zoneEnd = ends;
                order = out;
            }
            return order;
        }

        void count(int flags, int sign) {
            if ((flags & UNAVAILABLE) != 0) {
                unavailable += sign;
            }
            if ((flags & FAILING) != 0) {
                failing += sign;
                if ((flags & TARGETS) != 0) {
                    failingOnTarget += sign;
                }
            }
            if ((flags & IRRECONCILABLE) != 0) {
                refusing += sign;
            }
            if ((flags & WEDGED) != 0) {
                wedged += sign;
            }
            if (isCandidate(flags)) {
                candidates += sign;
                if ((flags & UNSETTLED) != 0) {
                    unsettledCandidates += sign;
                }
                if ((flags & DRAINS) == 0) {
                    drainlessCandidates += sign;
                }
            }
        }
    }

    /**
     * Whether a pass without reasons, in a pool neither paused, aborted nor refusing its target, may decide something
     * for the member outside the candidate loop: it targets the goal and is not quiet, or it is no candidate and its
     * agent is busy (it finishes). A quiet member matters only if it holds a lock slot (the pass asks the lock).
     */
    static boolean isActive(int flags) {
        return (flags & TARGETS) != 0 ? (flags & QUIET) == 0 : (flags & (STARTABLE | BUSY)) == BUSY;
    }

    /** A node a pool may start, if the pool is neither aborted nor refusing its target: not targeting, startable. */
    static boolean isCandidate(int flags) {
        return (flags & (TARGETS | STARTABLE)) == STARTABLE;
    }

    private Fleet(Snapshot snapshot, boolean reference) {
        this.snapshot = snapshot;
        this.reference = reference;
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
        byName = new Group[none];
        for (int p = 0; p < none; p++) {
            Pool pool = pools.get(p);
            int deferred = pool.deferredNode() == null ? -1 : snapshot.indexOf(pool.deferredNode());
            if (deferred >= 0 && !pool.name().equals(nodes[deferred].pool())) {
                deferred = -1;
            }
            byName[p] = new Group(pool, p, deferred);
        }
        groupOf = new Group[size];
        // One sweep over the nodes: everything else reads the arrays it fills.
        int[] poolOf = new int[size];
        int[] counts = new int[none + 1];
        Map<String, Integer> zoneIds = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Node n = nodes[i];
            names[i] = n.name();
            createdSeconds[i] = n.created().getEpochSecond();
            createdNanos[i] = n.created().getNano();
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
            int p = n.pool() == null ? none : poolIndex.get(n.pool());
            poolOf[i] = p;
            counts[p]++;
            if (p != none) {
                Group g = byName[p];
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
                track(byName[poolOf[i]], k, flags[i]);
            }
        }
        for (int p = 0; p < none; p++) {
            byName[p].members = members[p];
        }
        poolless = members[none];
        evaluation = byName.clone();
        Arrays.sort(
                evaluation,
                Comparator.comparing((Group g) -> !g.pool.controlPlane()).thenComparing(g -> g.pool.name()));
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
            int[][] coverage = coverage(pdbs);
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
     * Which PDBs cover each node's pods, by position: pairs (PDB position, covered pods), PDB positions ascending, or
     * {@code null} when none does. A PDB is found through one pair of its selector (a pod must carry every pair), so
     * a pod is checked only against the PDBs one of its labels names; empty selectors cover every pod.
     */
    private int[][] coverage(List<Pdb> pdbs) {
        Map<String, Map<String, List<Integer>>> byLabel = new HashMap<>();
        List<Integer> everyPod = new ArrayList<>();
        for (int k = 0; k < pdbs.size(); k++) {
            Map<String, String> sel = pdbs.get(k).selector();
            if (sel.isEmpty()) {
                everyPod.add(k);
            } else {
                Map.Entry<String, String> e = new java.util.TreeMap<>(sel).firstEntry();
                byLabel.computeIfAbsent(e.getKey(), x -> new HashMap<>())
                        .computeIfAbsent(e.getValue(), x -> new ArrayList<>())
                        .add(k);
            }
        }
        int[][] out = new int[nodes.length][];
        int[] counts = new int[pdbs.size()];
        int[] touched = new int[pdbs.size()];
        for (int i = 0; i < nodes.length; i++) {
            List<Pod> pods = nodes[i].pods();
            if (pods.isEmpty()) {
                continue;
            }
            int t = 0;
            for (Pod pod : pods) {
                for (int k : everyPod) {
                    if (counts[k]++ == 0) {
                        touched[t++] = k;
                    }
                }
                for (Map.Entry<String, String> l : pod.labels().entrySet()) {
                    Map<String, List<Integer>> values = byLabel.get(l.getKey());
                    List<Integer> named = values == null ? null : values.get(l.getValue());
                    if (named == null) {
                        continue;
                    }
                    for (int k : named) {
                        if (pdbs.get(k).covers(pod) && counts[k]++ == 0) {
                            touched[t++] = k;
                        }
                    }
                }
            }
            if (t == 0) {
                continue;
            }
            Arrays.sort(touched, 0, t);
            int[] pairs = new int[2 * t];
            for (int k = 0; k < t; k++) {
                pairs[2 * k] = touched[k];
                pairs[2 * k + 1] = counts[touched[k]];
                counts[touched[k]] = 0;
            }
            out[i] = pairs;
        }
        return out;
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
        return !(a instanceof ChangeAnalysis.Reconcilable)
                || ((ChangeAnalysis.Reconcilable) a).disruption().needsDrain();
    }

    /** {@link #disrupting(Node)} for the current state of the node at {@code i}, if it runs covered pods. */
    boolean disrupting(int i) {
        return disrupting[i];
    }

    /** The zone rank of the node at {@code i}, or -1 when it has no zone. */
    int zone(int i) {
        return zoneRank[i] == Integer.MAX_VALUE ? -1 : zoneRank[i];
    }

    /** Whether a maintenance window lets pool {@code g} be disrupted at {@code now}; evaluated once per instant. */
    boolean windowOpen(Group g, Instant now) {
        if (!now.equals(g.windowAt)) {
            g.windowOpen = MaintenanceWindow.open(windows(g), g.pool.name(), now);
            g.windowAt = now;
        }
        return g.windowOpen;
    }

    /** {@link MaintenanceWindow#nextOpen} for pool {@code g} at {@code now}; evaluated once per instant. */
    Instant nextOpen(Group g, Instant now) {
        if (!now.equals(g.nextAt)) {
            g.nextOpen = MaintenanceWindow.nextOpen(windows(g), g.pool.name(), now);
            g.nextAt = now;
        }
        return g.nextOpen;
    }

    /** The windows governing {@code g} (the others change nothing for it), in snapshot order. */
    private List<MaintenanceWindow> windows(Group g) {
        if (g.windows == null) {
            if (windowsByPool == null) {
                // One sweep: each window goes to the pools it names (or to every pool), positions ascending.
                windowsByPool = new HashMap<>();
                everyPool = new ArrayList<>();
                List<MaintenanceWindow> all = snapshot.windows();
                for (int k = 0; k < all.size(); k++) {
                    if (all.get(k).pools().isEmpty()) {
                        everyPool.add(k);
                    }
                    for (String pool : all.get(k).pools()) {
                        windowsByPool
                                .computeIfAbsent(pool, x -> new ArrayList<>())
                                .add(k);
                    }
                }
            }
            List<Integer> mine = new ArrayList<>(everyPool);
            mine.addAll(windowsByPool.getOrDefault(g.pool.name(), List.of()));
            mine.sort(null);
            List<MaintenanceWindow> w = new ArrayList<>(mine.size());
            for (int k : mine) {
                w.add(snapshot.windows().get(k));
            }
            g.windows = w;
        }
        return g.windows;
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
        if (decisions == null) {
            decisions = new Action[nodes.length];
        } else {
            for (int i : decided) {
                decisions[i] = null;
            }
        }
        decided = new int[0];
        return decisions;
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

    /** The interned {@link Situation} of the node at position {@code i}. */
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
        Group g = groupOf[i];
        if (g == null) {
            return;
        }
        int before = flags[i];
        int after = classify(g, n);
        flags[i] = after;
        if (before != after) {
            g.count(before, -1);
            g.count(after, 1);
            track(g, memberIndex[i], after);
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

    /** Keeps the member at index {@code k} of {@code g} in the group's active and unfinished sets as its flags say. */
    private static void track(Group g, int k, int flags) {
        g.active.set(k, isActive(flags));
        g.unfinished.set(k, (flags & (DONE | FAILING)) == 0);
    }

    /**
     * Everything a simulated step reads of a node besides its identity (name, pool, zone, age, pods): configs and
     * images, readiness, cordon, agent state and reason, drain and staging.
     */
    private record Situation(
            String currentConfig,
            String currentImage,
            String desiredConfig,
            String desiredImage,
            boolean ready,
            boolean unschedulable,
            String cordonedBy,
            NodeState state,
            String reason,
            boolean drained,
            boolean staged) {

        static Situation of(Node n) {
            return new Situation(
                    n.currentConfig(),
                    n.currentImage(),
                    n.desiredConfig(),
                    n.desiredImage(),
                    n.ready(),
                    n.unschedulable(),
                    n.cordonedBy(),
                    n.state(),
                    n.reason(),
                    n.drained(),
                    n.staged());
        }

        boolean matches(Node n) {
            return ready == n.ready()
                    && unschedulable == n.unschedulable()
                    && state == n.state()
                    && drained == n.drained()
                    && staged == n.staged()
                    && currentConfig.equals(n.currentConfig())
                    && desiredConfig.equals(n.desiredConfig())
                    && Objects.equals(currentImage, n.currentImage())
                    && Objects.equals(desiredImage, n.desiredImage())
                    && Objects.equals(cordonedBy, n.cordonedBy())
                    && Objects.equals(reason, n.reason());
        }
    }

    /**
     * The id of the situation of {@code n}, a state of the node at position {@code i}; the last situation met in its
     * pool is tried first (a pool's nodes are mostly alike).
     */
    int intern(int i, Node n) {
        Group g = groupOf[i];
        if (g != null && g.lastSituation != null && g.lastSituation.matches(n)) {
            return g.lastSituationId;
        }
        Situation s = Situation.of(n);
        Integer id = situations.get(s);
        if (id == null) {
            id = situations.size();
            situations.put(s, id);
        }
        if (g != null) {
            g.lastSituation = s;
            g.lastSituationId = id;
        }
        return id;
    }

    /**
     * Whether some pool refuses its target now (a member's change to it cannot be applied in place). A refusal can
     * end mid-wave, when that member's in-flight update lands elsewhere, and that changes what other finished members
     * do next; so waves are not run node by node while one exists.
     */
    boolean refusing() {
        for (Group g : evaluation) {
            if (g.refusing > 0) {
                return true;
            }
        }
        return false;
    }

    /** Everything may have changed (a new fleet, or the clock moved): every pool and node is decided again. */
    void invalidate() {
        Arrays.fill(fresh, false);
        for (Group g : evaluation) {
            g.dirty = true;
            g.stale = true;
            g.changedCount = 0;
        }
    }

    /** Forgets which members of {@code g} changed: an incremental pass has decided them. */
    void settle(Group g) {
        for (int k = 0; k < g.changedCount; k++) {
            fresh[g.changed[k]] = false;
        }
        g.changedCount = 0;
        g.stale = false;
    }

    private int classify(Group g, Node n) {
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
        if (!(change instanceof ChangeAnalysis.Reconcilable)
                || ((ChangeAnalysis.Reconcilable) change).disruption().needsDrain()) {
            f |= DRAINS;
        }
        if (n.ready() && (!n.unschedulable() || n.isCordonedByPlanner())) {
            f |= STARTABLE;
        }
        return f;
    }

    /**
     * The candidate-order keys of one pool's members, by member index: members are in name order, so the name
     * tiebreak is the member index.
     */
    private static final class Keys {
        final int[] zone;
        final long[] seconds;
        final int[] nanos;
        final boolean newestFirst;

        Keys(int size, boolean newestFirst) {
            zone = new int[size];
            seconds = new long[size];
            nanos = new int[size];
            this.newestFirst = newestFirst;
        }

        /** {@link CandidateOrder} on member indices. */
        int compare(int a, int b) {
            int c = Integer.compare(zone[a], zone[b]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(seconds[a], seconds[b]);
            if (c == 0) {
                c = Integer.compare(nanos[a], nanos[b]);
            }
            if (c != 0) {
                return newestFirst ? -c : c;
            }
            return Integer.compare(a, b);
        }
    }

    /** Merge sort of member indices by {@code keys}. */
    private static void sort(int[] a, int[] tmp, int from, int to, Keys keys) {
        if (to - from <= 16) {
            for (int k = from + 1; k < to; k++) {
                int x = a[k];
                int j = k - 1;
                while (j >= from && keys.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid, keys);
        sort(a, tmp, mid, to, keys);
        if (keys.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && keys.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** What moving from {@code from} to {@code to} means under the snapshot's configs and policies; cached. */
    ChangeAnalysis analysis(Target from, Target to) {
        if (lastFrom != null && same(from, lastFrom) && same(to, lastTo)) {
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
    private static boolean same(Target a, Target b) {
        return a.config() == b.config() && a.osImage() == b.osImage();
    }

    /** Pool statuses in pool name order, from the classification alone (like {@link PoolStatus#of}). */
    List<PoolStatus> status() {
        List<PoolStatus> out = new ArrayList<>(byName.length);
        for (Group g : byName) {
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
