package dev.coreos4j.planner;

/**
 * The cross-pool gates of one {@link Pass}: the cluster-wide and per-zone disruption limits ({@link Limits}).
 * Counts the unavailable (and failing) nodes, cluster-wide and by zone rank ({@link Fleet#zone}), against the
 * budgets; a start that would exceed one is held ({@link Reason#CLUSTER_LIMIT}, {@link Reason#ZONE_LIMIT}). Without
 * limits the counters stay at zero and the budgets unlimited. Single use, not thread-safe.
 */
final class LimitGate {
    private int clusterUnavailable;
    private int clusterBudget = Integer.MAX_VALUE;
    private final int[] zoneUnavailable;
    /** Budgets by zone rank; empty without a per-zone limit. */
    private final int[] zoneBudget;

    LimitGate(Fleet fleet) {
        Limits limits = fleet.snapshot.limits();
        int size = fleet.size();
        zoneUnavailable = new int[fleet.zoneOut.length];
        zoneBudget = limits.maxUnavailablePerZone() == null ? new int[0] : new int[fleet.zoneOut.length];
        if (limits.maxUnavailable() != null || limits.maxUnavailablePerZone() != null) {
            if (fleet.reference) {
                int[] zoneSize = new int[zoneUnavailable.length];
                for (int i = 0; i < size; i++) {
                    Node n = fleet.node(i);
                    // failing nodes count like in the pool budget: when their agent's retry succeeds they move again
                    boolean u = n.isUnavailable() || n.isFailing();
                    if (u) {
                        clusterUnavailable++;
                    }
                    int z = fleet.zone(i);
                    if (z >= 0) {
                        zoneSize[z]++;
                        if (u) {
                            zoneUnavailable[z]++;
                        }
                    }
                }
                if (limits.maxUnavailable() != null) {
                    clusterBudget = limits.maxUnavailable().budget(size);
                }
                MaxUnavailable perZone = limits.maxUnavailablePerZone();
                for (int z = 0; perZone != null && z < zoneBudget.length; z++) {
                    zoneBudget[z] = perZone.budget(zoneSize[z]);
                }
            } else {
                // the fleet keeps these current as nodes change
                clusterUnavailable = fleet.clusterOut;
                clusterBudget = fleet.clusterBudget;
                System.arraycopy(fleet.zoneOut, 0, zoneUnavailable, 0, zoneUnavailable.length);
                if (fleet.zoneBudget != null) {
                    System.arraycopy(fleet.zoneBudget, 0, zoneBudget, 0, zoneBudget.length);
                }
            }
        }
    }

    /** Whether the cluster limit is used up. */
    boolean clusterFull() {
        return clusterUnavailable >= clusterBudget;
    }

    /** Whether the limit of zone rank {@code z} is used up (false without a zone or a per-zone limit). */
    boolean zoneFull(int z) {
        return z >= 0 && zoneBudget.length > 0 && zoneUnavailable[z] >= zoneBudget[z];
    }

    /** Whether one more unavailable node exceeds the cluster limit. */
    boolean clusterRefuses() {
        return clusterUnavailable + 1 > clusterBudget;
    }

    /** Whether one more unavailable node in zone rank {@code zone} exceeds its limit. */
    boolean zoneRefuses(int zone) {
        return zoneBudget.length > 0 && zone >= 0 && zoneUnavailable[zone] + 1 > zoneBudget[zone];
    }

    int clusterBudget() {
        return clusterBudget;
    }

    int zoneBudget(int zone) {
        return zoneBudget[zone];
    }

    /** Counts a started node: {@code adds} (0 or 1) more unavailable, in zone rank {@code zone} (or none). */
    void take(int adds, int zone) {
        clusterUnavailable += adds;
        if (adds == 1 && zone >= 0) {
            zoneUnavailable[zone]++;
        }
    }
}
