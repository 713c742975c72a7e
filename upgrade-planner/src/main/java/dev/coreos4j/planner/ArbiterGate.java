package dev.coreos4j.planner;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Topology#HIGHLY_AVAILABLE_ARBITER} gate of one {@link Pass}: a master and the arbiter node are never
 * unavailable together, masters go first, and the arbiter pool moves one node at a time. Inactive under the other
 * topologies. Single use, not thread-safe.
 */
final class ArbiterGate {
    private final boolean active;
    /** The first unavailable (or, later in the pass, started) master, or null. */
    private @Nullable String masterOut;
    /** The first unavailable arbiter node, or null. */
    private @Nullable String arbiterOut;

    ArbiterGate(Fleet fleet) {
        active = fleet.snapshot.topology() == Topology.HIGHLY_AVAILABLE_ARBITER;
        if (active) {
            for (int i = 0; i < fleet.size(); i++) {
                PoolGroup g = fleet.groupOf[i];
                Node n = fleet.node(i);
                if (g == null || !(n.isUnavailable() || n.isFailing())) {
                    continue;
                }
                if (g.pool.controlPlane() && masterOut == null) {
                    masterOut = n.name();
                } else if (isArbiterPool(g.pool) && arbiterOut == null) {
                    arbiterOut = n.name();
                }
            }
        }
    }

    static boolean isArbiterPool(Pool p) {
        return !p.controlPlane() && p.name().equals(Topology.ARBITER_POOL);
    }

    /** The pool's budget of {@code size} members: one for the arbiter pool under this topology. */
    int budget(Pool p, int size) {
        return active && isArbiterPool(p) ? 1 : p.budget(size);
    }

    /** Why nothing of pool {@code p} may start now, or {@code null}. */
    @Nullable
    String hold(Pool p) {
        if (active && p.controlPlane() && arbiterOut != null) {
            return "arbiter topology: masters wait while arbiter node " + arbiterOut + " is unavailable";
        } else if (active && isArbiterPool(p) && masterOut != null) {
            return "arbiter topology: the arbiter waits while master node " + masterOut + " is unavailable or starting";
        }
        return null;
    }

    /** Records that node {@code name} of pool {@code p} was started in this pass. */
    void started(Pool p, String name) {
        if (active && p.controlPlane() && masterOut == null) {
            masterOut = name;
        }
    }
}
