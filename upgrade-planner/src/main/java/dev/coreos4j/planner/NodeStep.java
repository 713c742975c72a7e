package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-node decisions of one {@link Pass}: moving a started node one step towards its desired config (cordon,
 * drain, apply, reboot, uncordon, lock slots) behind the window, lock and PDB gates, or saying why it waits. Single
 * use, not thread-safe.
 */
final class NodeStep {
    private final Fleet fleet;
    private final Decisions decisions;
    private final LockGate lock;
    private final WindowGate window;
    private final PdbGate pdb;
    /** SingleReplica: the MCD skips drain, so the planner neither cordons nor drains. */
    private final boolean noDrain;
    /** The plan simulation: a busy (Working, Rebooting) agent is assumed to finish ({@link Action.AgentFinishes}). */
    boolean finishAgents;

    NodeStep(Fleet fleet, Decisions decisions, LockGate lock, WindowGate window, PdbGate pdb, boolean noDrain) {
        this.fleet = fleet;
        this.decisions = decisions;
        this.lock = lock;
        this.window = window;
        this.pdb = pdb;
        this.noDrain = noDrain;
    }

    /** Moves a started node {@code n} (at position {@code i}) one step towards its desired config, or says why not. */
    void progress(int i, Node n, Pool p) {
        if (n.isFailing()) {
            Reason r = n.state() == NodeState.UNRECONCILABLE ? Reason.UNRECONCILABLE : Reason.DEGRADED;
            decisions.block(
                    i, r, () -> n.reason() != null ? n.reason() : "the update to " + n.desiredConfig() + " failed");
            return;
        }
        if (!n.ready()) {
            decisions.block(i, Reason.NOT_READY, () -> "the node is not ready");
            return;
        }
        if (n.state().isBusy()) {
            if (finishAgents) {
                decisions.act(i, new Action.AgentFinishes(n.name()));
            } else {
                decisions.block(
                        i,
                        Reason.IN_PROGRESS,
                        () -> "the node agent is " + n.state().wireName() + " on " + n.desiredConfig());
            }
            return;
        }
        if (n.isDone()) {
            if (n.isCordonedByPlanner()) {
                decisions.act(i, new Action.Uncordon(n.name()));
            } else if (lock.holds(n, p)) {
                decisions.act(i, new Action.ReleaseLock(n.name(), Objects.requireNonNull(p.lockGroup())));
            }
            return;
        }
        ChangeAnalysis a = fleet.analysis(n.current(), n.desired());
        if (a instanceof ChangeAnalysis.Irreconcilable irr) {

            decisions.block(
                    i, Reason.UNRECONCILABLE, () -> n.desiredConfig() + " cannot be applied in place: " + irr.path());
            return;
        }
        Disruption d = ((ChangeAnalysis.Reconcilable) a).disruption();
        boolean drain = d.needsDrain() && !noDrain;
        if (drain && !n.unschedulable()) {
            if (gate(i, n, p)) {
                decisions.act(i, new Action.Cordon(n.name()));
            }
            return;
        }
        if (drain && !n.drained()) {
            // PDB first: a node whose drain is blocked must not take a lock slot meanwhile (kured #792).
            String pdbHeld = pdb.violated(i, n, decisions.explaining());
            if (pdbHeld != null) {
                decisions.block(i, Reason.DRAIN_BLOCKED, pdbHeld, null);
            } else if (gate(i, n, p)) {
                decisions.act(i, new Action.Drain(n.name()));
            }
            return;
        }
        if (!n.staged()) {
            List<DisruptionAction> post = new ArrayList<>(d.actions());
            decisions.act(i, new Action.Apply(n.name(), post, !d.needsReboot()));
            return;
        }
        if (d.needsReboot()) {
            if (gate(i, n, p)) {
                decisions.act(i, new Action.Reboot(n.name()));
            }
            return;
        }
        decisions.block(i, Reason.IN_PROGRESS, () -> "the node agent is finishing " + n.desiredConfig());
    }

    /** Window and lock gates before a disruptive step; false when blocked or when the lock was requested now. */
    private boolean gate(int i, Node n, Pool p) {
        if (!window.open(i)) {
            if (decisions.explaining()) {
                Instant next = window.nextOpen(i);
                decisions.block(i, Reason.OUTSIDE_WINDOW, "next maintenance window opens " + next, next);
            }
            return false;
        }
        if (p.lockGroup() != null) {
            LockGroup g = lock.group(p.lockGroup());
            if (!g.holders().contains(n.name())) {
                if (g.holders().size() < g.slots()) {
                    lock.update(g.lock(n.name()));
                    decisions.act(i, new Action.AcquireLock(n.name(), g.group()));
                } else {
                    decisions.block(i, Reason.LOCK_HELD, () -> lock.detail(g));
                }
                return false;
            }
        }
        return true;
    }

    /** The disruption of moving from {@code from} to {@code to}; a reboot when it cannot be applied in place. */
    Disruption disruption(Target from, Target to) {
        ChangeAnalysis a = fleet.analysis(from, to);
        return a instanceof ChangeAnalysis.Reconcilable reconcilable ? reconcilable.disruption() : Disruption.REBOOT;
    }
}
