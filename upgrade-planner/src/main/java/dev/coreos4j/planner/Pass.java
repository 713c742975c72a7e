package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation of a snapshot: the shared gates (budgets, limits, PDB headroom, lock slots) and the per-pool
 * decisions. Single use, not thread-safe; {@link Planner} creates one per call.
 */
final class Pass {

    private final Snapshot s;
    /** False in the plan simulation's "finish what is in flight" loop: no node is started or retargeted. */
    private final boolean startNew;
    /** False when only the actions matter (the simulation's inner loop): no reasons are built. */
    private final boolean explain;

    /** Results by the node's position in the snapshot (sorted by name): output order without sorting. */
    private final Action[] actionAt;
    private final Blocked[] blockedAt;
    private final Map<Target, Map<Target, ChangeAnalysis>> analyses = new HashMap<>();
    private final Map<String, LockGroup> locks = new TreeMap<>();
    private final Map<String, Integer> lockReserved = new HashMap<>();

    private int clusterUnavailable;
    private int clusterBudget = Integer.MAX_VALUE;
    private final Map<String, Integer> zoneUnavailable = new HashMap<>();
    private final Map<String, Integer> zoneBudget = new HashMap<>();
    private final int[] pdbHeadroom;
    private boolean capturing;
    private Action captured;

    Pass(Snapshot s, boolean startNew, boolean explain) {
        this.s = s;
        this.startNew = startNew;
        this.explain = explain;
        int size = s.nodes().size();
        actionAt = new Action[size];
        blockedAt = new Blocked[size];
        for (LockGroup g : s.locks()) {
            locks.put(g.group(), g);
        }
        Limits limits = s.limits();
        if (limits.maxUnavailable() != null || limits.maxUnavailablePerZone() != null) {
            Map<String, Integer> zoneSize = new HashMap<>();
            for (Node n : s.nodes()) {
                // failing nodes count like in the pool budget: when their agent's retry succeeds they move again
                boolean u = n.isUnavailable() || n.isFailing();
                if (u) {
                    clusterUnavailable++;
                }
                if (n.zone() != null) {
                    zoneSize.merge(n.zone(), 1, Integer::sum);
                    if (u) {
                        zoneUnavailable.merge(n.zone(), 1, Integer::sum);
                    }
                }
            }
            if (limits.maxUnavailable() != null) {
                clusterBudget = limits.maxUnavailable().budget(s.nodes().size());
            }
            if (limits.maxUnavailablePerZone() != null) {
                zoneSize.forEach((z, count) -> zoneBudget.put(z, limits.maxUnavailablePerZone().budget(count)));
            }
        }
        pdbHeadroom = new int[s.pdbs().size()];
        if (!s.pdbs().isEmpty()) {
            int[] expected = new int[pdbHeadroom.length];
            int[] disrupted = new int[pdbHeadroom.length];
            for (Node n : s.nodes()) {
                if (n.pods().isEmpty()) {
                    continue;
                }
                boolean d = disrupting(n);
                for (int i = 0; i < pdbHeadroom.length; i++) {
                    int k = s.pdbs().get(i).count(n.pods());
                    expected[i] += k;
                    if (d) {
                        disrupted[i] += k;
                    }
                }
            }
            for (int i = 0; i < pdbHeadroom.length; i++) {
                pdbHeadroom[i] = s.pdbs().get(i).allowedUnavailable(expected[i]) - disrupted[i];
            }
        }
    }

    NextStep run() {
        Map<String, List<Node>> byPool = new HashMap<>();
        for (Node n : s.nodes()) {
            byPool.computeIfAbsent(n.pool(), k -> new ArrayList<>()).add(n);
        }
        List<Pool> order = new ArrayList<>(s.pools());
        // Control-plane pools first so that cross-pool limits never starve them; then by name.
        order.sort(Comparator.comparing((Pool p) -> !p.controlPlane()).thenComparing(Pool::name));
        for (Pool p : order) {
            if (p.lockGroup() != null && !p.paused()) {
                // Started nodes that will still need a slot have a claim on one before new nodes start.
                for (Node n : byPool.getOrDefault(p.name(), List.of())) {
                    if (!n.isDone() && !n.isFailing() && !locks.get(p.lockGroup()).holders().contains(n.name())
                            && disruption(n.current(), n.desired()).needsDrain()) {
                        lockReserved.merge(p.lockGroup(), 1, Integer::sum);
                    }
                }
            }
        }
        for (Pool p : order) {
            pool(p, byPool.getOrDefault(p.name(), List.of()));
        }
        for (Node n : byPool.getOrDefault(null, List.of())) {
            block(n, Reason.NoPool, "the node is in no pool", null);
        }
        List<Action> actions = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        for (int i = 0; i < actionAt.length; i++) {
            if (actionAt[i] != null) {
                actions.add(actionAt[i]);
            }
            if (blockedAt[i] != null) {
                blocked.add(blockedAt[i]);
            }
        }
        return new NextStep(actions, blocked);
    }

    // ---------------------------------------------------------------------------------------------------- pools

    private void pool(Pool p, List<Node> nodes) {
        Target t = p.target();
        if (p.paused()) {
            for (Node n : nodes) {
                if (!(n.isDone() && n.targets(t) && settled(n, p))) {
                    block(n, Reason.Paused, "pool " + p.name() + " is paused", null);
                }
            }
            return;
        }
        ChangeAnalysis.Irreconcilable refusal = refusal(p, nodes);
        int size = nodes.size();
        int budget = p.budget(size);
        int unavailable = 0;
        int failing = 0;
        String firstUnavailable = null;
        for (Node n : nodes) {
            if (n.isUnavailable()) {
                unavailable++;
                if (firstUnavailable == null) {
                    firstUnavailable = n.name();
                }
            }
            if (n.isFailing()) {
                failing++;
                if (firstUnavailable == null) {
                    firstUnavailable = n.name();
                }
            }
        }
        // MCO counts nodes failing on the target against the budget "in case the failure is transient and clears".
        // A node failing on an older target clears the same way (its agent retries), so all failing nodes count.
        int capacity = Math.max(0, budget - unavailable - failing);
        int threshold = p.failureThreshold() == null ? Integer.MAX_VALUE : p.failureThreshold().budget(size);

        List<Node> candidates = new ArrayList<>();
        for (Node n : nodes) {
            if (n.targets(t)) {
                if (p.aborted() && !n.isDone() && !n.staged() && !n.isFailing() && n.state() == NodeState.DONE
                        && n.ready()) {
                    // Abort: a started node that has written nothing yet goes back where it is.
                    act(n, new Action.SetDesired(n.name(), n.current()));
                } else {
                    progress(n, p);
                }
                continue;
            }
            if (p.aborted()) {
                holdOrFinish(n, p, Reason.Aborted, "pool " + p.name() + " was aborted; nothing new starts");
            } else if (refusal != null) {
                holdOrFinish(n, p, Reason.IrreconcilableTarget, "target " + t.config() + " cannot be applied in"
                        + " place: " + refusal.path() + " (" + refusal.message() + ")");
            } else if (!n.ready()) {
                block(n, Reason.NotReady, "the node is not ready", null);
            } else if (n.unschedulable() && !n.isCordonedByPlanner()) {
                block(n, Reason.Cordoned, "cordoned by " + (n.cordonedBy() == null ? "someone else" : n.cordonedBy())
                        + "; the planner never uncordons what it did not cordon", null);
            } else if (n.state() == NodeState.WORKING) {
                block(n, Reason.InProgress, "the node agent is still working on " + n.desiredConfig(), null);
            } else if (!startNew) {
                continue;
            } else {
                candidates.add(n);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        candidates.sort(order(p.newestFirst()));
        if (p.deferredNode() != null && candidates.size() > 1) {
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).name().equals(p.deferredNode())) {
                    block(candidates.remove(i), Reason.Deferred, "it hosts a component that updates last", null);
                    break;
                }
            }
        }
        for (Node c : candidates) {
            if (failing >= threshold) {
                block(c, Reason.FailureThreshold, failing + " of " + size + " nodes are failing; the threshold is "
                        + p.failureThreshold() + " (" + threshold + ")", null);
                continue;
            }
            // A node already unavailable or failing is already counted; re-targeting it costs nothing more.
            int cost = c.isUnavailable() || c.isFailing() ? 0 : 1;
            if (cost > capacity) {
                if (p.controlPlane()) {
                    block(c, Reason.Quorum, "control-plane nodes move one at a time"
                            + (firstUnavailable == null ? "" : "; " + firstUnavailable + " is unavailable"), null);
                } else {
                    block(c, Reason.BudgetExhausted, "maxUnavailable " + p.maxUnavailable() + " allows " + budget
                            + " of " + size + "; " + unavailable + " unavailable, " + failing
                            + " failing, capacity left 0", null);
                }
                continue;
            }
            Disruption d = disruption(c.current(), t);
            if (cost == 1 && clusterUnavailable + 1 > clusterBudget) {
                block(c, Reason.ClusterLimit, "cluster limit " + s.limits().maxUnavailable() + " (" + clusterBudget
                        + ") reached", null);
                continue;
            }
            if (cost == 1 && c.zone() != null && zoneBudget.containsKey(c.zone())
                    && zoneUnavailable.getOrDefault(c.zone(), 0) + 1 > zoneBudget.get(c.zone())) {
                block(c, Reason.ZoneLimit, "zone " + c.zone() + " limit " + s.limits().maxUnavailablePerZone()
                        + " (" + zoneBudget.get(c.zone()) + ") reached", null);
                continue;
            }
            if (d.needsDrain()) {
                if (!MaintenanceWindow.open(s.windows(), p.name(), s.now())) {
                    Instant next = MaintenanceWindow.nextOpen(s.windows(), p.name(), s.now());
                    block(c, Reason.OutsideWindow, "next maintenance window opens " + next, next);
                    continue;
                }
                LockGroup g = p.lockGroup() == null ? null : locks.get(p.lockGroup());
                boolean needsSlot = g != null && !g.holders().contains(c.name());
                if (needsSlot && g.holders().size() + lockReserved.getOrDefault(g.group(), 0) >= g.slots()) {
                    block(c, Reason.LockHeld, g.holders().isEmpty()
                            ? "all " + g.slots() + " slot(s) of lock group " + g.group() + " go to nodes starting now"
                            : lockDetail(g), null);
                    continue;
                }
                if (!disrupting(c)) {
                    String pdb = pdbBlocking(c);
                    if (pdb != null) {
                        block(c, Reason.DrainBlocked, pdb, null);
                        continue;
                    }
                    reservePdb(c);
                }
                if (needsSlot) {
                    // Reserve, do not take: the slot is acquired right before the first disruptive step (kured #792).
                    lockReserved.merge(g.group(), 1, Integer::sum);
                }
            }
            act(c, new Action.SetDesired(c.name(), t));
            capacity -= cost;
            clusterUnavailable += cost;
            if (c.zone() != null && cost == 1) {
                zoneUnavailable.merge(c.zone(), 1, Integer::sum);
            }
        }
    }

    /**
     * MCO's candidate order: nodes with a zone first, zone ascending, creation ascending (descending when
     * {@code newestFirst}), then name (our tiebreak; Go's sort is not stable).
     */
    static Comparator<Node> order(boolean newestFirst) {
        return (a, b) -> {
            String za = a.zone();
            String zb = b.zone();
            if (za == null || zb == null) {
                if (za != zb) {
                    return za == null ? 1 : -1;
                }
            } else {
                int c = za.compareTo(zb);
                if (c != 0) {
                    return c;
                }
            }
            int c = a.created().compareTo(b.created());
            if (c != 0) {
                return newestFirst ? -c : c;
            }
            return a.name().compareTo(b.name());
        };
    }

    /** A node that may not start: finish whatever it has in flight, otherwise report {@code reason}. */
    private void holdOrFinish(Node n, Pool p, Reason reason, String detail) {
        if (settled(n, p)) {
            block(n, reason, detail, null);
        } else {
            progress(n, p);
        }
    }

    /** Done on its desired config, not cordoned by us, holding no lock: the planner has nothing left to do. */
    private boolean settled(Node n, Pool p) {
        return n.isDone() && !n.isCordonedByPlanner() && !holdsLock(n, p);
    }

    private boolean holdsLock(Node n, Pool p) {
        return p.lockGroup() != null && locks.get(p.lockGroup()).holders().contains(n.name());
    }

    /** The first node (by name) whose change to the pool target cannot be applied in place, or {@code null}. */
    private ChangeAnalysis.Irreconcilable refusal(Pool p, List<Node> nodes) {
        if (s.configs().isEmpty()) {
            return null;   // only described configs can be irreconcilable
        }
        for (Node n : nodes) {
            if (!n.targets(p.target())) {
                ChangeAnalysis a = analysis(n.current(), p.target());
                if (a instanceof ChangeAnalysis.Irreconcilable) {
                    return (ChangeAnalysis.Irreconcilable) a;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- nodes

    /** Moves a started node one step towards its desired config, or says why not. */
    private void progress(Node n, Pool p) {
        if (n.isFailing()) {
            Reason r = n.state() == NodeState.UNRECONCILABLE ? Reason.Unreconcilable : Reason.Degraded;
            block(n, r, n.reason() != null ? n.reason() : "the update to " + n.desiredConfig() + " failed", null);
            return;
        }
        if (!n.ready()) {
            block(n, Reason.NotReady, "the node is not ready", null);
            return;
        }
        if (n.state() == NodeState.WORKING) {
            block(n, Reason.InProgress, "the node agent is still working on " + n.desiredConfig(), null);
            return;
        }
        if (n.isDone()) {
            if (n.isCordonedByPlanner()) {
                act(n, new Action.Uncordon(n.name()));
            } else if (holdsLock(n, p)) {
                act(n, new Action.ReleaseLock(n.name(), p.lockGroup()));
            }
            return;
        }
        ChangeAnalysis a = analysis(n.current(), n.desired());
        if (a instanceof ChangeAnalysis.Irreconcilable) {
            ChangeAnalysis.Irreconcilable i = (ChangeAnalysis.Irreconcilable) a;
            block(n, Reason.Unreconcilable, n.desiredConfig() + " cannot be applied in place: " + i.path(), null);
            return;
        }
        Disruption d = ((ChangeAnalysis.Reconcilable) a).disruption();
        if (d.needsDrain() && !n.unschedulable()) {
            if (gate(n, p)) {
                act(n, new Action.Cordon(n.name()));
            }
            return;
        }
        if (d.needsDrain() && !n.drained()) {
            // PDB first: a node whose drain is blocked must not take a lock slot meanwhile (kured #792).
            String pdb = pdbHeadroomViolated(n);
            if (pdb != null) {
                block(n, Reason.DrainBlocked, pdb, null);
            } else if (gate(n, p)) {
                act(n, new Action.Drain(n.name()));
            }
            return;
        }
        if (!n.staged()) {
            List<DisruptionAction> post = new ArrayList<>(d.actions());
            act(n, new Action.Apply(n.name(), post, !d.needsReboot()));
            return;
        }
        if (d.needsReboot()) {
            if (gate(n, p)) {
                act(n, new Action.Reboot(n.name()));
            }
            return;
        }
        block(n, Reason.InProgress, "the node agent is finishing " + n.desiredConfig(), null);
    }

    /** Window and lock gates before a disruptive step; false when blocked or when the lock was requested now. */
    private boolean gate(Node n, Pool p) {
        if (!MaintenanceWindow.open(s.windows(), p.name(), s.now())) {
            Instant next = MaintenanceWindow.nextOpen(s.windows(), p.name(), s.now());
            block(n, Reason.OutsideWindow, "next maintenance window opens " + next, next);
            return false;
        }
        if (p.lockGroup() != null) {
            LockGroup g = locks.get(p.lockGroup());
            if (!g.holders().contains(n.name())) {
                if (g.holders().size() < g.slots()) {
                    locks.put(g.group(), g.lock(n.name()));
                    act(n, new Action.AcquireLock(n.name(), g.group()));
                } else {
                    block(n, Reason.LockHeld, lockDetail(g), null);
                }
                return false;
            }
        }
        return true;
    }

    private static String lockDetail(LockGroup g) {
        return "all " + g.slots() + " slot(s) of lock group " + g.group() + " are held by "
                + String.join(", ", g.holders());
    }

    // ---------------------------------------------------------------------------------------------------- PDBs

    /** Whether the node's pods are already out of service (not ready, drained, or moving with a drain). */
    private boolean disrupting(Node n) {
        if (!n.ready() || n.drained()) {
            return true;
        }
        if (n.isDone() || n.isFailing()) {
            return false;
        }
        ChangeAnalysis a = analysis(n.current(), n.desired());
        return !(a instanceof ChangeAnalysis.Reconcilable) || ((ChangeAnalysis.Reconcilable) a).disruption()
                .needsDrain();
    }

    private String pdbBlocking(Node n) {
        for (int i = 0; i < pdbHeadroom.length; i++) {
            int k = s.pdbs().get(i).count(n.pods());
            if (k > 0 && k > pdbHeadroom[i]) {
                return "PodDisruptionBudget " + s.pdbs().get(i).name() + " allows " + Math.max(0, pdbHeadroom[i])
                        + " more eviction(s); the node runs " + k + " covered pod(s)";
            }
        }
        return null;
    }

    private void reservePdb(Node n) {
        for (int i = 0; i < pdbHeadroom.length; i++) {
            pdbHeadroom[i] -= s.pdbs().get(i).count(n.pods());
        }
    }

    /** For a node whose pods are already counted as disrupted: blocked only if a PDB is over its allowance. */
    private String pdbHeadroomViolated(Node n) {
        for (int i = 0; i < pdbHeadroom.length; i++) {
            int k = s.pdbs().get(i).count(n.pods());
            if (k > 0 && pdbHeadroom[i] < 0) {
                return "PodDisruptionBudget " + s.pdbs().get(i).name() + " is over its allowance by "
                        + (-pdbHeadroom[i]) + "; waiting for evicted pods to come back";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- changes

    private Disruption disruption(Target from, Target to) {
        ChangeAnalysis a = analysis(from, to);
        return a instanceof ChangeAnalysis.Reconcilable ? ((ChangeAnalysis.Reconcilable) a).disruption()
                : Disruption.REBOOT;
    }

    /** What moving from {@code from} to {@code to} means; cached per pair. */
    ChangeAnalysis analysis(Target from, Target to) {
        Map<Target, ChangeAnalysis> row = analyses.computeIfAbsent(to, k -> new HashMap<>());
        ChangeAnalysis hit = row.get(from);
        if (hit == null) {
            hit = Planner.analyze(s, from, to);
            row.put(from, hit);
        }
        return hit;
    }

    /**
     * The one action that moves an already started node {@code n} of pool {@code p} forward, or {@code null}.
     * Only valid when no gate couples nodes (no PDBs, lock groups or limits): then a node's progress depends on
     * nothing but itself, its pool and the (fixed) instant.
     */
    Action progressAlone(Node n, Pool p) {
        captured = null;
        capturing = true;
        try {
            progress(n, p);
        } finally {
            capturing = false;
        }
        return captured;
    }

    /** Whether nodes move independently once started: no PDBs, no lock groups, no cross-pool or zone limits. */
    static boolean independent(Snapshot s) {
        return s.pdbs().isEmpty() && s.locks().isEmpty() && s.limits().maxUnavailable() == null
                && s.limits().maxUnavailablePerZone() == null;
    }

    private void act(Node n, Action a) {
        if (capturing) {
            captured = a;
            return;
        }
        int i = s.indexOf(n.name());
        if (actionAt[i] != null || blockedAt[i] != null) {
            throw new IllegalStateException("planner bug: second decision for node " + n.name());
        }
        actionAt[i] = a;
    }

    private void block(Node n, Reason reason, String detail, Instant until) {
        if (explain && !capturing) {
            int i = s.indexOf(n.name());
            if (actionAt[i] != null || blockedAt[i] != null) {
                throw new IllegalStateException("planner bug: second decision for node " + n.name());
            }
            blockedAt[i] = new Blocked(n.name(), n.pool(), reason, detail, until);
        }
    }
}
