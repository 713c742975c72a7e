package dev.coreos4j.planner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a snapshot (or of a {@link Fleet}'s current state): the shared gates (budgets, limits, PDB
 * headroom, lock slots) and the per-pool decisions. Single use, not thread-safe; {@link Planner} creates one per call.
 *
 * <p>An <em>incremental</em> pass (the plan simulation when nodes move independently) evaluates only the pools that
 * acted in the previous pass and, inside them, runs the per-node decisions only for nodes that changed since: an
 * unchanged node that had nothing to do then has nothing to do now, because without coupling gates its decision
 * depends on nothing but itself, its pool and the instant. Candidates are read from the fleet's cached
 * classification in the precomputed candidate order, so a wave's cost follows the nodes that move, not the fleet.
 *
 * <p>With coupling gates every pool is decided at every step, but a step reads the gate counters the fleet keeps
 * (limits, PDB disruption, coverage through its label index, windows per pool and instant), decides only the members
 * with something to do ({@link Fleet#isActive}) and lock holders, and passes over settled candidates a full budget,
 * limit, lock, a closed window or a PDB holds back: without reasons they would do nothing. The fleet's reference mode
 * turns all of that off ({@link Fleet#reference}).
 */
final class Pass {

    private final Snapshot s;
    private final Fleet fleet;
    /** False in the plan simulation's "finish what is in flight" loop: no node is started or retargeted. */
    private final boolean startNew;
    /** False when only the actions matter (the simulation's inner loop): no reasons are built. */
    private final boolean explain;
    /** Only pools that acted last time, and in them only nodes that changed, are decided (see the class comment). */
    private final boolean incremental;
    /** The actions and reasons decided so far. */
    private final Decisions decisions;
    /** Started nodes' steps, and candidates held back. */
    private final NodeStep step;

    private final HoldBack holds;
    private final LockGate lock;
    private final WindowGate window;
    private final LimitGate limit;
    private final PdbGate pdb;
    private final ArbiterGate arbiter;

    /**
     * The fleet's reference mode ({@link Fleet#reference}): gate counters recomputed from every node, PDBs matched
     * against every node's pods, windows evaluated from the whole list, no shortcuts in the candidate loop.
     */
    private final boolean reference;

    /** SingleReplica with one pooled node and no opt-in: that node is never started. */
    private final @Nullable Node guardedSingle;

    Pass(Snapshot s, boolean startNew, boolean explain) {
        this(Fleet.of(s), s.now(), s.locks(), startNew, explain, false);
    }

    /**
     * A pass over the fleet's current state at {@code now} with the lock holders {@code lockState}.
     *
     * @param incremental decide only pools that acted last time and nodes that changed; only valid without coupling
     *                    gates ({@link #independent}) and without reasons
     */
    Pass(Fleet fleet, Instant now, List<LockGroup> lockState, boolean startNew, boolean explain, boolean incremental) {
        this.s = fleet.snapshot;
        this.fleet = fleet;
        this.startNew = startNew;
        this.explain = explain;
        this.incremental = incremental && !explain;
        decisions = new Decisions(fleet, explain);
        lock = new LockGate(fleet, lockState);
        window = new WindowGate(fleet, now);
        limit = new LimitGate(fleet);
        pdb = new PdbGate(fleet);
        arbiter = new ArbiterGate(fleet);
        reference = fleet.reference;
        step = new NodeStep(fleet, decisions, lock, window, pdb, s.topology() == Topology.SINGLE_REPLICA);
        holds = new HoldBack(fleet, decisions, step, lock);
        guardedSingle = s.acceptAvailabilityLoss() ? null : s.singleNode();
    }

    /** Marks this pass as part of the plan simulation, in which busy node agents finish; returns this pass. */
    Pass finishingAgents() {
        step.finishAgents = true;
        return this;
    }

    /** Evaluates every pool and returns the actions and reasons in node name order. */
    NextStep run() {
        evaluate();
        return decisions.step();
    }

    /**
     * Evaluates the pools (every pool, or in an incremental pass the dirty ones, which stay dirty only if they act)
     * and returns the positions that received an action, ascending (node name order).
     */
    int[] evaluate() {
        for (PoolGroup g : fleet.evaluation) {
            Pool p = g.pool;
            if (p.lockGroup() != null && !p.paused()) {
                // Started nodes that will still need a slot have a claim on one before new nodes start.
                if (reference) {
                    for (int i : g.members) {
                        claim(p, fleet.node(i));
                    }
                } else {
                    // the fleet tracks the members neither done nor failing: only they may claim a slot
                    for (int k = g.unfinished.nextSetBit(0); k >= 0; k = g.unfinished.nextSetBit(k + 1)) {
                        claim(p, fleet.node(g.members[k]));
                    }
                }
            }
        }
        for (PoolGroup g : fleet.evaluation) {
            if (incremental) {
                if (!g.dirty) {
                    continue;
                }
                int before = decisions.actedCount();
                pool(g);
                g.dirty = decisions.actedCount() > before;
            } else {
                pool(g);
            }
        }
        if (explain) {
            for (int i : fleet.poolless) {
                decisions.block(i, Reason.NO_POOL, "the node is in no pool", null);
            }
        }
        int[] out = decisions.acted();
        fleet.decided(out);
        return out;
    }

    /** A started node {@code n} of {@code p} that will still need a lock slot claims one. */
    private void claim(Pool p, Node n) {
        String lockGroup = Objects.requireNonNull(p.lockGroup(), "lockGroup");
        if (!n.isDone()
                && !n.isFailing()
                && !lock.group(lockGroup).holders().contains(n.name())
                && step.disruption(n.current(), n.desired()).needsDrain()) {
            lock.reserve(lockGroup);
        }
    }

    /** The action decided for position {@code i}, or {@code null}. */
    Action actionAt(int i) {
        return decisions.actionAt(i);
    }

    /**
     * The one action that moves an already started node {@code n} (at position {@code i}) of pool {@code p} forward,
     * or {@code null}. Only valid when no gate couples nodes (no PDBs, lock groups or limits): then a node's progress
     * depends on nothing but itself, its pool and the (fixed) instant.
     */
    @Nullable
    Action progressAlone(int i, Node n, Pool p) {
        return decisions.capture(() -> step.progress(i, n, p));
    }

    /** What moving from {@code from} to {@code to} means; cached per pair (for the life of the fleet). */
    ChangeAnalysis analysis(Target from, Target to) {
        return fleet.analysis(from, to);
    }

    // ---------------------------------------------------------------------------------------------------- pools

    private void pool(PoolGroup g) {
        Pool p = g.pool;
        Target t = p.target();
        int[] members = g.members;
        int[] flags = fleet.flags;
        if (p.paused()) {
            if (explain) {
                for (int i : members) {
                    Node n = fleet.node(i);
                    if (!(n.isDone() && n.targets(t) && holds.settled(n, p))) {
                        decisions.block(i, Reason.PAUSED, "pool " + p.name() + " is paused", null);
                    }
                }
            }
            if (incremental) {
                fleet.settle(g);
            }
            return;
        }
        int size = members.length;
        int budget = arbiter.budget(p, size);
        int unavailable = g.unavailable;
        int failing = g.failing;
        // The first node (by name) whose change to the pool target cannot be applied in place refuses the target.
        ChangeAnalysis.Irreconcilable refusal = null;
        if (g.refusing > 0) {
            for (int i : members) {
                if ((flags[i] & NodeFlags.IRRECONCILABLE) != 0) {
                    refusal = (ChangeAnalysis.Irreconcilable)
                            analysis(fleet.node(i).current(), t);
                    break;
                }
            }
        }
        // MCO's getAllCandidateMachines: capacity = maxUnavailable - unavailable - failing on the target ("in case
        // the failure is transient and clears"); when the unavailable nodes fill the budget nothing is handed out.
        int failingOnTarget = g.failingOnTarget;
        int capacity = Math.max(0, budget - unavailable - failingOnTarget);
        // Our one exception: a failing node the planner cordoned (NodeFlags.WEDGED) may be retargeted as if its cordon
        // did not count, in slots only such nodes use, so a node wedged on a bad config is recovered (MCO issue
        // #1443: MCO counts it unavailable and never retargets it); nothing else starts at its cost.
        int wedgedSlots =
                Math.min(g.wedged, Math.max(0, budget - (unavailable - g.wedged) - failingOnTarget) - capacity);
        // Arbiter topology: master and arbiter are never unavailable together; masters go first.
        String hold = arbiter.hold(p);
        if (hold != null) {
            capacity = 0;
            wedgedSlots = 0;
        }
        int threshold = p.failureThreshold() == null
                ? Integer.MAX_VALUE
                : p.failureThreshold().budget(size);

        // An incremental pass decides only the members that changed since the pool's last one: an unchanged member
        // had nothing to do then and has nothing to do now. A pool refusing its target holds members that would
        // otherwise start, so it decides all of them.
        boolean all = !incremental || g.stale || refusal != null;
        if (!all) {
            for (int k = 0; k < g.changedCount; k++) {
                decide(g.changed[k], p, refusal);
            }
        } else if (!explain && !reference && !p.aborted() && refusal == null) {
            // Without reasons only the active members (NodeFlags.isActive) and quiet lock holders have anything to do;
            // holders only release their slot, which no other decision reads, so they may come last.
            for (int k = g.active.nextSetBit(0); k >= 0; k = g.active.nextSetBit(k + 1)) {
                decide(members[k], p, refusal);
            }
            LockGroup held = p.lockGroup() == null ? null : lock.group(p.lockGroup());
            if (held != null) {
                for (String h : held.holders()) {
                    int i = s.indexOf(h);
                    if (i >= 0 && fleet.groupOf[i] == g && (flags[i] & NodeFlags.QUIET) != 0) {
                        decide(i, p, refusal);
                    }
                }
            }
        } else {
            for (int i : members) {
                decide(i, p, refusal);
            }
        }
        if (incremental) {
            fleet.settle(g);
        }
        if (p.aborted() || refusal != null || g.candidates == 0) {
            return;
        }
        // Candidates with something in flight (handed an older config, Working or failing on one, cordoned by us,
        // holding a lock slot): one that is not handed the target now moves on towards its own desired config, as
        // its node agent would.
        LockGroup lockState = p.lockGroup() == null ? null : lock.group(p.lockGroup());
        boolean unsettled = g.unsettledCandidates > 0
                || (lockState != null && !lockState.holders().isEmpty());
        int[] order = g.order(fleet);
        // Candidates that may not be settled: flagged UNSETTLED, or holding a slot (then not flagged, counted here).
        // A settled candidate (never unavailable nor failing) that is not handed the target does nothing in a pass
        // without reasons, so once none of these remains, a candidate loop that can start nothing more stops.
        int loose = g.unsettledCandidates;
        if (lockState != null && !lockState.holders().isEmpty()) {
            for (String h : lockState.holders()) {
                int i = s.indexOf(h);
                if (i >= 0
                        && fleet.groupOf[i] == g
                        && NodeFlags.isCandidate(flags[i])
                        && (flags[i] & NodeFlags.UNSETTLED) == 0) {
                    loose++;
                }
            }
        }
        boolean shortcut = !explain && !reference;
        if (!startNew) {
            if (unsettled) {
                for (int k = g.cursor; k < order.length && (!shortcut || loose > 0); k++) {
                    int i = order[k];
                    if (!NodeFlags.isCandidate(flags[i])) {
                        continue;
                    }
                    if (shortcut) {
                        if ((flags[i] & NodeFlags.UNSETTLED) == 0 && !lock.holds(i, p)) {
                            continue; // settled
                        }
                        loose--;
                    }
                    if (!holds.settled(fleet.node(i), p)) {
                        step.progress(i, fleet.node(i), p);
                    }
                }
            }
            return;
        }
        int skip = -1;
        if (g.deferred >= 0 && g.candidates > 1 && NodeFlags.isCandidate(flags[g.deferred])) {
            skip = g.deferred;
        }
        if (!explain && failing >= threshold && !unsettled) {
            return; // every candidate would only be blocked
        }
        // Control plane (our quorum rule, stricter than MCO): while a member is failing on an older config, only
        // failing or unavailable members are retargeted; no available member starts.
        int failingOlder = failing - failingOnTarget;
        boolean quorumHold = p.controlPlane() && failingOlder > 0;
        String exhausted = null;
        // Members before the cursor are not candidates (they started or cannot); it moves past those it finds.
        boolean leading = true;
        // A settled candidate that a budget, threshold or limit holds back does nothing without reasons: it is
        // passed over, and once no candidate that may not be settled remains, the loop stops (or, for a full zone,
        // skips to the next zone: candidates are ordered by zone). The same for one whose change needs a drain while
        // the pool's window is closed or its lock full, once no candidate without a drain remains either.
        boolean drainGated = window.any() || pdb.any() || p.lockGroup() != null;
        int drainlessSeen = 0;
        for (int k = g.cursor; k < order.length; k++) {
            int i = order[k];
            int f = flags[i];
            if (!NodeFlags.isCandidate(f)) {
                if (leading) {
                    g.cursor = k + 1;
                }
                continue;
            }
            leading = false;
            if (shortcut) {
                if ((f & NodeFlags.UNSETTLED) == 0 && (f & NodeFlags.DRAINS) == 0) {
                    drainlessSeen++;
                }
                if ((f & NodeFlags.UNSETTLED) != 0 || lock.holds(i, p)) {
                    loose--;
                } else if (capacity == 0 || failing >= threshold || quorumHold || limit.clusterFull()) {
                    if (loose == 0) {
                        break;
                    }
                    continue;
                } else {
                    int z = fleet.zone(i);
                    if (limit.zoneFull(z)) {
                        if (loose == 0) {
                            k = g.zoneEnd[k] - 1;
                        }
                        continue;
                    }
                    if (drainGated && (f & NodeFlags.DRAINS) != 0 && (!window.open(i) || lock.full(p))) {
                        if (loose == 0 && drainlessSeen == g.drainlessCandidates) {
                            break;
                        }
                        continue;
                    }
                    if ((f & NodeFlags.DRAINS) != 0 && pdb.any() && !fleet.disrupting(i) && pdb.blocked(i)) {
                        continue; // a PDB holds its drain (read from the fleet's coverage, not from the node)
                    }
                }
            }
            if (i == skip) {
                holds.holdBack(i, p, Reason.DEFERRED, "it hosts a component that updates last");
                continue;
            }
            if (!explain && capacity == 0 && !unsettled) {
                break; // every candidate left would only be blocked (the reference mode's only shortcut)
            }
            // Every candidate handed the target takes a slot of capacity, already unavailable or failing ones too
            // (MCO truncates its candidate list to the capacity); only available ones add to the cluster and zone
            // limits.
            int adds = (f & (NodeFlags.UNAVAILABLE | NodeFlags.FAILING)) != 0 ? 0 : 1;
            if (failing >= threshold) {
                holds.holdBack(
                        i,
                        p,
                        Reason.FAILURE_THRESHOLD,
                        failing + " of " + size + " nodes are failing; the threshold is " + p.failureThreshold() + " ("
                                + threshold + ")");
                continue;
            }
            boolean wedged = (f & NodeFlags.WEDGED) != 0 && wedgedSlots > 0;
            if (capacity == 0 && !wedged) {
                if (decisions.explaining()) {
                    if (exhausted == null && hold != null) {
                        exhausted = hold;
                    } else if (exhausted == null) { // the same sentence for every node the budget holds back
                        int first = p.controlPlane() ? firstUnavailable(members) : -1;
                        exhausted = p.controlPlane()
                                ? "control-plane nodes move one at a time"
                                        + (first < 0
                                                ? ""
                                                : "; " + fleet.node(first).name() + " is unavailable")
                                : "maxUnavailable " + p.maxUnavailable() + " allows " + budget + " of " + size + "; "
                                        + unavailable + " unavailable, " + failingOnTarget + " failing on the target, "
                                        + "capacity left 0";
                    }
                }
                holds.holdBack(
                        i, p, p.controlPlane() || hold != null ? Reason.QUORUM : Reason.BUDGET_EXHAUSTED, exhausted);
                continue;
            }
            if (quorumHold && adds == 1) {
                int first = firstUnavailable(members);
                holds.holdBack(
                        i,
                        p,
                        Reason.QUORUM,
                        "control-plane nodes move one at a time; "
                                + fleet.node(first).name() + " is failing");
                continue;
            }
            Node c = fleet.node(i);
            if (guardedSingle != null
                    && c.name().equals(guardedSingle.name())
                    && step.disruption(c.current(), t).needsReboot()) {
                holds.holdBack(
                        i,
                        p,
                        Reason.AVAILABILITY_LOSS,
                        "single-node cluster (SingleReplica): updating " + c.name()
                                + " makes the cluster unavailable; set acceptAvailabilityLoss to allow it");
                continue;
            }
            if (adds == 1 && limit.clusterRefuses()) {
                holds.holdBack(
                        i,
                        p,
                        Reason.CLUSTER_LIMIT,
                        "cluster limit " + s.limits().maxUnavailable() + " (" + limit.clusterBudget() + ") reached");
                continue;
            }
            int zone = fleet.zone(i);
            if (adds == 1 && limit.zoneRefuses(zone)) {
                holds.holdBack(
                        i,
                        p,
                        Reason.ZONE_LIMIT,
                        "zone " + c.zone() + " limit " + s.limits().maxUnavailablePerZone() + " ("
                                + limit.zoneBudget(zone) + ") reached");
                continue;
            }
            // The drain gates (window, PDBs, lock slot) only matter when there are any.
            boolean gated = window.any() || pdb.any() || p.lockGroup() != null;
            if (gated && step.disruption(c.current(), t).needsDrain()) {
                if (!window.open(i)) {
                    if (holds.settled(c, p)) {
                        if (decisions.explaining()) {
                            Instant next = window.nextOpen(i);
                            decisions.block(i, Reason.OUTSIDE_WINDOW, "next maintenance window opens " + next, next);
                        }
                    } else {
                        step.progress(i, c, p);
                    }
                    continue;
                }
                // The node's own blocker first (kured #792: a node that cannot drain must not take a slot).
                boolean alreadyOut = fleet.disrupting(c);
                String pdbHeld = alreadyOut ? null : pdb.blocking(i, c, decisions.explaining());
                if (pdbHeld != null) {
                    if (holds.settled(c, p)) {
                        decisions.block(i, Reason.DRAIN_BLOCKED, pdbHeld, null);
                    } else {
                        step.progress(i, c, p);
                    }
                    continue;
                }
                String lockGroup = p.lockGroup();
                LockGroup lg = lockState == null || lockGroup == null ? null : lock.group(lockGroup);
                boolean needsSlot = lg != null && !lg.holders().contains(c.name());
                if (lg != null && needsSlot && lock.full(lg)) {
                    holds.holdBack(
                            i,
                            p,
                            Reason.LOCK_HELD,
                            lg.holders().isEmpty()
                                    ? "all " + lg.slots() + " slot(s) of lock group " + lg.group()
                                            + " are claimed by started nodes"
                                    : lock.detail(lg));
                    continue;
                }
                if (!alreadyOut) {
                    pdb.reserve(i, c);
                }
                if (lg != null && needsSlot) {
                    // Reserve, do not take: the slot is acquired right before the first disruptive step (kured #792).
                    lock.reserve(lg.group());
                }
            }
            decisions.act(i, new Action.SetDesired(fleet.names[i], t));
            arbiter.started(p, c.name());
            if (wedged) {
                wedgedSlots--;
            } else {
                capacity--;
            }
            limit.take(adds, zone);
        }
    }

    /**
     * Decides member {@code i} of pool {@code p} outside the candidate loop: a node targeting the goal moves on, one of
     * an aborted or refusing pool finishes what it has in flight, a busy agent finishes, and with reasons a node that
     * cannot start says why.
     */
    private void decide(int i, Pool p, ChangeAnalysis.@Nullable Irreconcilable refusal) {
        int f = fleet.flags[i];
        if ((f & NodeFlags.TARGETS) != 0) {
            if ((f & NodeFlags.QUIET) != 0 && p.lockGroup() == null) {
                return; // done on the target: nothing to do
            }
            Node n = fleet.node(i);
            if (p.aborted()
                    && !n.isDone()
                    && !n.staged()
                    && !n.isFailing()
                    && n.state() == NodeState.DONE
                    && n.ready()) {
                // Abort: a started node that has written nothing yet goes back where it is.
                decisions.act(i, new Action.SetDesired(n.name(), n.current()));
            } else {
                step.progress(i, n, p);
            }
        } else if (p.aborted()) {
            holds.holdOrFinish(i, p, Reason.ABORTED, null);
        } else if (refusal != null) {
            holds.holdOrFinish(i, p, Reason.IRRECONCILABLE_TARGET, refusal);
        } else if ((f & NodeFlags.STARTABLE) == 0
                && step.finishAgents
                && fleet.node(i).ready()
                && fleet.node(i).state().isBusy()) {
            // the plan assumes every busy agent of an unpaused pool finishes, a node nobody may start too
            decisions.act(i, new Action.AgentFinishes(fleet.names[i]));
        } else if ((f & NodeFlags.STARTABLE) == 0 && decisions.explaining()) {
            Node n = fleet.node(i);
            if (!n.ready()) {
                decisions.block(i, Reason.NOT_READY, "the node is not ready", null);
            } else if (n.unschedulable() && !n.isCordonedByPlanner()) {
                decisions.block(
                        i,
                        Reason.CORDONED,
                        "cordoned by "
                                + (n.cordonedBy() == null ? "someone else" : n.cordonedBy())
                                + "; the planner never uncordons what it did not cordon",
                        null);
            } else {
                decisions.block(i, Reason.IN_PROGRESS, "the node agent is still working on " + n.desiredConfig(), null);
            }
        }
    }

    /** The first member (by name) that is unavailable or failing, or -1. */
    private int firstUnavailable(int[] members) {
        for (int i : members) {
            if ((fleet.flags[i] & (NodeFlags.UNAVAILABLE | NodeFlags.FAILING)) != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether nodes move independently once started: no PDBs, no lock groups, no cross-pool or zone limits, and the
     * default topology (single-node and arbiter rules couple nodes or change their steps: the general path has them).
     */
    static boolean independent(Snapshot s) {
        return s.topology() == Topology.HIGHLY_AVAILABLE
                && s.pdbs().isEmpty()
                && s.locks().isEmpty()
                && s.limits().maxUnavailable() == null
                && s.limits().maxUnavailablePerZone() == null;
    }
}
