package dev.coreos4j.planner;

import org.jspecify.annotations.Nullable;

/**
 * The PodDisruptionBudget gate of one {@link Pass}: the eviction headroom of every PDB (allowed unavailable minus pods
 * already disrupted), reserved as drains are decided. A drain whose covered pods exceed a PDB's headroom is held
 * ({@link Reason#DRAIN_BLOCKED}). Reads only the PDBs covering a node's pods ({@link Fleet#pdbIndex}); every PDB in
 * the fleet's reference mode. Single use, not thread-safe.
 */
final class PdbGate {
    /** What a PDB check returns for a blocked drain when no reasons are recorded. */
    private static final String BLOCKED = "blocked by a PodDisruptionBudget";

    private final Snapshot s;
    private final Fleet fleet;
    private final boolean reference;
    private final int[] headroom;

    PdbGate(Fleet fleet) {
        this.s = fleet.snapshot;
        this.fleet = fleet;
        this.reference = fleet.reference;
        headroom = new int[s.pdbs().size()];
        if (!reference) {
            for (int i = 0; i < headroom.length; i++) {
                headroom[i] = s.pdbs().get(i).allowedUnavailable(fleet.pdbExpected[i]) - fleet.pdbDisrupted[i];
            }
        } else if (!s.pdbs().isEmpty()) {
            int[] expected = new int[headroom.length];
            int[] disrupted = new int[headroom.length];
            for (int at = 0; at < fleet.size(); at++) {
                Node n = fleet.node(at);
                if (n.pods().isEmpty()) {
                    continue;
                }
                boolean d = fleet.disrupting(n);
                for (int i = 0; i < headroom.length; i++) {
                    int k = s.pdbs().get(i).count(n.pods());
                    expected[i] += k;
                    if (d) {
                        disrupted[i] += k;
                    }
                }
            }
            for (int i = 0; i < headroom.length; i++) {
                headroom[i] = s.pdbs().get(i).allowedUnavailable(expected[i]) - disrupted[i];
            }
        }
    }

    /** Whether the snapshot has any PDB (otherwise the gate never holds anything). */
    boolean any() {
        return headroom.length > 0;
    }

    /**
     * The first PDB (in snapshot order) that cannot take the eviction of the pods of node {@code n} at {@code at}, as
     * a sentence when {@code explaining}, or {@code null}.
     */
    @Nullable
    String blocking(int at, Node n, boolean explaining) {
        if (!reference) {
            for (int e = fleet.pdbStart[at]; e < fleet.pdbStart[at + 1]; e++) {
                String why = blocking(fleet.pdbIndex[e], fleet.pdbCount[e], explaining);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        for (int i = 0; i < headroom.length; i++) {
            String why = blocking(i, s.pdbs().get(i).count(n.pods()), explaining);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Whether some PDB covering the pods of the node at {@code at} cannot take their eviction now. */
    boolean blocked(int at) {
        for (int e = fleet.pdbStart[at]; e < fleet.pdbStart[at + 1]; e++) {
            if (fleet.pdbCount[e] > headroom[fleet.pdbIndex[e]]) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String blocking(int i, int k, boolean explaining) {
        if (k > 0 && k > headroom[i]) {
            if (!explaining) {
                return BLOCKED; // only reasons read the sentence
            }
            return "PodDisruptionBudget " + s.pdbs().get(i).name() + " allows " + Math.max(0, headroom[i])
                    + " more eviction(s); the node runs " + k + " covered pod(s)";
        }
        return null;
    }

    /** Counts the pods of node {@code n} at {@code at} as evicted. */
    void reserve(int at, Node n) {
        if (!reference) {
            for (int e = fleet.pdbStart[at]; e < fleet.pdbStart[at + 1]; e++) {
                headroom[fleet.pdbIndex[e]] -= fleet.pdbCount[e];
            }
            return;
        }
        for (int i = 0; i < headroom.length; i++) {
            headroom[i] -= s.pdbs().get(i).count(n.pods());
        }
    }

    /** For a node whose pods are already counted as disrupted: blocked only if a PDB is over its allowance. */
    @Nullable
    String violated(int at, Node n, boolean explaining) {
        if (!reference) {
            for (int e = fleet.pdbStart[at]; e < fleet.pdbStart[at + 1]; e++) {
                String why = over(fleet.pdbIndex[e], fleet.pdbCount[e], explaining);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        for (int i = 0; i < headroom.length; i++) {
            String why = over(i, s.pdbs().get(i).count(n.pods()), explaining);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private @Nullable String over(int i, int k, boolean explaining) {
        if (k > 0 && headroom[i] < 0) {
            if (!explaining) {
                return BLOCKED;
            }
            return "PodDisruptionBudget " + s.pdbs().get(i).name() + " is over its allowance by " + -headroom[i]
                    + "; waiting for evicted pods to come back";
        }
        return null;
    }
}
