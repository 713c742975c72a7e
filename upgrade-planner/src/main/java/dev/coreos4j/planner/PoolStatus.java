package dev.coreos4j.planner;

import java.util.List;

/**
 * A pool's status computed exactly like MCO's {@code calculateStatus} (non-layered).
 *
 * @param pool         pool name
 * @param machineCount nodes in the pool
 * @param updated      done and targeting the pool target
 * @param ready        updated and ready for scheduling
 * @param unavailable  nodes matching {@link Node#isUnavailable()}
 * @param degraded     nodes in state Degraded or Unreconcilable
 * @param isUpdated    condition Updated: updated == ready == machineCount and unavailable == 0
 * @param isUpdating   condition Updating: not Updated and not paused
 * @param isDegraded   condition Degraded: a degraded node, or the target is irreconcilable (RenderDegraded)
 */
public record PoolStatus(
        String pool,
        int machineCount,
        int updated,
        int ready,
        int unavailable,
        int degraded,
        boolean isUpdated,
        boolean isUpdating,
        boolean isDegraded) {

    /** The status of {@code pool} over {@code nodes} (its members); {@code renderDegraded} adds RenderDegraded. */
    public static PoolStatus of(Pool pool, List<Node> nodes, boolean renderDegraded) {
        int updated = 0;
        int ready = 0;
        int unavailable = 0;
        int degraded = 0;
        for (Node n : nodes) {
            boolean up = n.isDone() && n.targets(pool.target());
            if (up) {
                updated++;
                if (n.isSchedulable()) {
                    ready++;
                }
            }
            if (n.isUnavailable()) {
                unavailable++;
            }
            if (n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE) {
                degraded++;
            }
        }
        return of(pool, nodes.size(), updated, ready, unavailable, degraded, renderDegraded);
    }

    /** The status of {@code pool} from its counts (see {@link #of(Pool, List, boolean)}). */
    static PoolStatus of(
            Pool pool, int count, int updated, int ready, int unavailable, int degraded, boolean renderDegraded) {
        boolean isUpdated = updated == count && ready == count && unavailable == 0;
        return new PoolStatus(
                pool.name(),
                count,
                updated,
                ready,
                unavailable,
                degraded,
                isUpdated,
                !isUpdated && !pool.paused(),
                degraded > 0 || renderDegraded);
    }
}
