package dev.coreos4j.testkit;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.ChangeAnalysis;
import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coupling-gate invariants of {@link RolloutInvariants}: {@code unavailable-within-budget}, the state checks
 * {@code lock-slots}, {@code pdb}, {@code cluster-limit} and {@code zone-limit}, and the step checks {@code window}
 * and {@code lock-held}. {@link RolloutInvariants} is the public face; the messages use its vocabulary. Pure.
 */
final class GateInvariants {

    private GateInvariants() {}

    /** {@code unavailable-within-budget}: no pool of {@code s} has more unavailable nodes than its budget. */
    static void checkUnavailableWithinBudget(Snapshot s) {
        for (Pool p : s.pools()) {
            List<Node> members = RolloutInvariants.members(s, p.name());
            List<String> down = new ArrayList<>();
            for (Node n : members) {
                if (n.isUnavailable()) {
                    down.add(n.name() + " (" + RolloutInvariants.why(n) + ")");
                }
            }
            int budget = p.budget(members.size());
            if (down.size() > budget) {
                throw new InvariantViolation(
                        "unavailable-within-budget",
                        "at " + s.now() + ", pool " + p.name(),
                        down.size() + " nodes unavailable, budget is " + budget + ": " + String.join(", ", down));
            }
        }
    }

    /**
     * The coupling gates hold in {@code s}: lock holders never exceed slots ({@code lock-slots}); pods covered by a
     * PDB that are out of service (on a NotReady, drained or drain-needing moving node) never exceed what it allows
     * ({@code pdb}); cluster and per-zone unavailability stay within {@link Limits} ({@code cluster-limit},
     * {@code zone-limit}).
     */
    static void checkGates(Snapshot s) {
        for (LockGroup g : s.locks()) {
            if (g.holders().size() > g.slots()) {
                throw new InvariantViolation(
                        "lock-slots",
                        "at " + s.now() + ", lock group " + g.group(),
                        g.holders().size() + " holders " + g.holders() + " for " + g.slots() + " slots");
            }
        }
        for (Pdb pdb : s.pdbs()) {
            int expected = 0;
            int out = 0;
            List<String> where = new ArrayList<>();
            for (Node n : s.nodes()) {
                int k = pdb.count(n.pods());
                expected += k;
                if (k > 0 && podsOut(s, n)) {
                    out += k;
                    where.add(n.name());
                }
            }
            if (out > pdb.allowedUnavailable(expected)) {
                throw new InvariantViolation(
                        "pdb",
                        "at " + s.now() + ", PDB " + pdb.name(),
                        out + " of " + expected
                                + " covered pods out of service, allowed " + pdb.allowedUnavailable(expected) + " (on "
                                + String.join(", ", where) + ")");
            }
        }
        Limits limits = s.limits();
        if (limits.maxUnavailable() != null) {
            long u = s.nodes().stream().filter(Node::isUnavailable).count();
            int allowed = limits.maxUnavailable().budget(s.nodes().size());
            if (u > allowed) {
                throw new InvariantViolation(
                        "cluster-limit", "at " + s.now(), u + " nodes unavailable, the limit is " + allowed);
            }
        }
        if (limits.maxUnavailablePerZone() != null) {
            Map<String, int[]> zones = new TreeMap<>();
            for (Node n : s.nodes()) {
                if (n.zone() != null) {
                    int[] c = zones.computeIfAbsent(n.zone(), z -> new int[2]);
                    c[0]++;
                    if (n.isUnavailable()) {
                        c[1]++;
                    }
                }
            }
            for (Map.Entry<String, int[]> e : zones.entrySet()) {
                int allowed = limits.maxUnavailablePerZone().budget(e.getValue()[0]);
                if (e.getValue()[1] > allowed) {
                    throw new InvariantViolation(
                            "zone-limit",
                            "at " + s.now() + ", zone " + e.getKey(),
                            e.getValue()[1] + " nodes unavailable, the limit is " + allowed);
                }
            }
        }
    }

    private static boolean podsOut(Snapshot s, Node n) {
        if (!n.ready() || n.drained()) {
            return true;
        }
        if (n.isDone() || n.isFailing()) {
            return false;
        }
        ChangeAnalysis change = Planner.analyze(s, n.current(), n.desired());
        return change instanceof ChangeAnalysis.Reconcilable reconcilable
                && reconcilable.disruption().needsDrain();
    }

    /**
     * The gates of one step: disruptive actions (Cordon, Drain, Reboot) and AcquireLock only while a maintenance
     * window governing the pool is open ({@code window}); disruptive actions in a pool with a lock group only on a
     * node holding a slot of that group ({@code lock-held}).
     */
    static void checkGatedStep(int step, Snapshot before, List<Action> actions) {
        for (Action a : actions) {
            Node n = before.node(a.node());
            String pool = n == null ? null : n.pool();
            Pool p = pool == null ? null : before.pool(pool);
            if (n == null || p == null) {
                continue;
            }
            boolean disruptive = a instanceof Action.Cordon || a instanceof Action.Drain || a instanceof Action.Reboot;
            if ((disruptive || a instanceof Action.AcquireLock)
                    && !MaintenanceWindow.open(before.windows(), p.name(), before.now())) {
                throw new InvariantViolation(
                        "window",
                        RolloutInvariants.at(step, p.name(), n.name()),
                        a.step() + " outside every maintenance window at " + before.now());
            }
            if (disruptive && p.lockGroup() != null) {
                LockGroup g = null;
                for (LockGroup l : before.locks()) {
                    if (l.group().equals(p.lockGroup())) {
                        g = l;
                    }
                }
                if (g == null || !g.holders().contains(n.name())) {
                    throw new InvariantViolation(
                            "lock-held",
                            RolloutInvariants.at(step, p.name(), n.name()),
                            a.step() + " without a slot of lock group " + p.lockGroup());
                }
            }
        }
    }
}
