package dev.coreos4j.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's nodes indexed once for repeated evaluation: the working state of a plan simulation. Node positions are
 * the snapshot's (sorted by name), so a position stands for a name everywhere; pool membership, zones, ages and names
 * never change while a rollout is simulated, so the per-pool member lists and candidate orders are computed once.
 *
 * <p>Per node it caches the classification bits the pool decisions read ({@link #flags}), recomputed only when the
 * node changes ({@link #set}), and a {@link #fresh} mark saying the node changed since its pool was last evaluated
 * incrementally. Single use, not thread-safe.
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
    /** Not targeting, ready, schedulable or cordoned by the planner, and its agent not working: may be started. */
    static final int STARTABLE = 16;

    /** The snapshot the fleet was built from: pools, configs, policies and gates (its nodes are the initial state). */
    final Snapshot snapshot;
    /** The current state of every node, by snapshot position. */
    final Node[] nodes;
    /** Classification bits by position (0 for nodes in no pool). */
    final int[] flags;
    /** Changed since its pool was last evaluated incrementally. */
    final boolean[] fresh;
    /** The pools in evaluation order: control-plane pools first, then by name. */
    final Group[] evaluation;
    /** The same pools in name order (the snapshot's). */
    final Group[] byName;
    /** The pool group of each node, or {@code null}. */
    final Group[] groupOf;
    /** Positions of the nodes in no pool, in name order. */
    final int[] poolless;

    private final Map<Target, Map<Target, ChangeAnalysis>> analyses = new HashMap<>();

    /** One pool and its members. */
    static final class Group {
        final Pool pool;
        /** Member positions in name order. */
        final int[] members;
        /** The position of the pool's deferred node if it is a member, else -1. */
        final int deferred;
        /** Member positions in candidate order ({@link Pass#order}), computed on first use. */
        private int[] order;
        /** Evaluate in the next incremental pass: it acted in the last one (or everything may have changed). */
        boolean dirty = true;

        Group(Pool pool, int[] members, int deferred) {
            this.pool = pool;
            this.members = members;
            this.deferred = deferred;
        }

        int[] order(Node[] nodes) {
            if (order == null) {
                Comparator<Node> c = Pass.order(pool.newestFirst());
                Integer[] boxed = new Integer[members.length];
                for (int k = 0; k < members.length; k++) {
                    boxed[k] = members[k];
                }
                Arrays.sort(boxed, (a, b) -> c.compare(nodes[a], nodes[b]));
                int[] out = new int[boxed.length];
                for (int k = 0; k < boxed.length; k++) {
                    out[k] = boxed[k];
                }
                order = out;
            }
            return order;
        }
    }

    private Fleet(Snapshot snapshot) {
        this.snapshot = snapshot;
        List<Node> list = snapshot.nodes();
        int size = list.size();
        nodes = list.toArray(new Node[0]);
        flags = new int[size];
        fresh = new boolean[size];
        Arrays.fill(fresh, true);
        List<Pool> pools = snapshot.pools();
        Map<String, Integer> poolIndex = new HashMap<>();
        for (int p = 0; p < pools.size(); p++) {
            poolIndex.put(pools.get(p).name(), p);
        }
        int[] counts = new int[pools.size() + 1];
        int[] poolOf = new int[size];
        for (int i = 0; i < size; i++) {
            String name = nodes[i].pool();
            int p = name == null ? pools.size() : poolIndex.get(name);
            poolOf[i] = p;
            counts[p]++;
        }
        int[][] members = new int[pools.size() + 1][];
        for (int p = 0; p <= pools.size(); p++) {
            members[p] = new int[counts[p]];
        }
        int[] fill = new int[pools.size() + 1];
        for (int i = 0; i < size; i++) {
            members[poolOf[i]][fill[poolOf[i]]++] = i;
        }
        byName = new Group[pools.size()];
        for (int p = 0; p < pools.size(); p++) {
            Pool pool = pools.get(p);
            int deferred = pool.deferredNode() == null ? -1 : snapshot.indexOf(pool.deferredNode());
            if (deferred >= 0 && poolOf[deferred] != p) {
                deferred = -1;
            }
            byName[p] = new Group(pool, members[p], deferred);
        }
        poolless = members[pools.size()];
        evaluation = byName.clone();
        Arrays.sort(evaluation, Comparator.comparing((Group g) -> !g.pool.controlPlane())
                .thenComparing(g -> g.pool.name()));
        groupOf = new Group[size];
        for (int i = 0; i < size; i++) {
            groupOf[i] = poolOf[i] == pools.size() ? null : byName[poolOf[i]];
            flags[i] = classify(i);
        }
    }

    static Fleet of(Snapshot snapshot) {
        return new Fleet(snapshot);
    }

    int size() {
        return nodes.length;
    }

    /** Replaces the node at {@code i} (same name): reclassifies it and marks it fresh. */
    void set(int i, Node n) {
        nodes[i] = n;
        flags[i] = classify(i);
        fresh[i] = true;
    }

    /** Everything may have changed (the clock moved): every pool is evaluated again, every node in full. */
    void invalidate() {
        Arrays.fill(fresh, true);
        for (Group g : evaluation) {
            g.dirty = true;
        }
    }

    private int classify(int i) {
        Group g = groupOf[i];
        if (g == null) {
            return 0;
        }
        Node n = nodes[i];
        Target t = g.pool.target();
        int f = 0;
        if (n.isUnavailable()) {
            f |= UNAVAILABLE;
        }
        if (n.isFailing()) {
            f |= FAILING;
        }
        if (n.targets(t)) {
            return f | TARGETS;
        }
        if (!snapshot.configs().isEmpty() && analysis(n.current(), t) instanceof ChangeAnalysis.Irreconcilable) {
            f |= IRRECONCILABLE;
        }
        if (n.ready() && (!n.unschedulable() || n.isCordonedByPlanner()) && n.state() != NodeState.WORKING) {
            f |= STARTABLE;
        }
        return f;
    }

    /** What moving from {@code from} to {@code to} means under the snapshot's configs and policies; cached. */
    ChangeAnalysis analysis(Target from, Target to) {
        Map<Target, ChangeAnalysis> row = analyses.computeIfAbsent(to, k -> new HashMap<>());
        ChangeAnalysis hit = row.get(from);
        if (hit == null) {
            hit = Planner.analyze(snapshot, from, to);
            row.put(from, hit);
        }
        return hit;
    }

    /** The members of {@code g} as nodes, in name order. */
    List<Node> nodesOf(Group g) {
        List<Node> out = new ArrayList<>(g.members.length);
        for (int i : g.members) {
            out.add(nodes[i]);
        }
        return out;
    }
}
