package dev.coreos4j.planner.graph;

import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Combines a version path with the rollout planner: for each hop, the pools that move get a new target (rendered
 * config {@code rendered-POOL-VERSION} and OS image {@code release:VERSION}, so every node needs a reboot, as a release
 * update brings a new RHCOS image), worker pools paused by an EUS plan keep theirs, and
 * {@link Planner#plan(Snapshot)} gives the waves under the snapshot's budgets, PDBs, windows, locks and limits.
 *
 * <p>Each hop starts from the nodes the previous hops updated (a node the rollout could not update stays where it was
 * and is listed as blocked). Pools the snapshot has paused stay paused. The clock does not advance between hops: the
 * planner knows no durations. Pure and thread-safe.
 */
public final class PathRollout {

    /** The prefix of the OS image each hop's target names: {@code release:4.16.15}. */
    public static final String IMAGE_PREFIX = "release:";

    private PathRollout() {}

    /**
     * Plans the rollout of every hop of {@code path} on the cluster {@code snapshot} describes.
     *
     * @return one entry per hop, in path order
     * @throws dev.coreos4j.planner.InvalidSnapshotException or {@link IllegalArgumentException} when the rollout
     *     planner rejects a derived snapshot (it carries the snapshot's own inconsistencies)
     */
    public static List<HopRollout> plan(UpdatePath path, Snapshot snapshot) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(snapshot, "snapshot");
        Map<String, Target> runs = new HashMap<>();
        Map<String, Target> poolTargets = new HashMap<>();
        List<HopRollout> rollouts = new ArrayList<>();
        for (Hop hop : path.hops()) {
            List<Pool> pools = new ArrayList<>();
            Set<String> updating = new TreeSet<>();
            Map<String, Target> targets = new HashMap<>();
            for (Pool pool : snapshot.pools()) {
                boolean pausedByPlan = !pool.controlPlane() && hop.workers() == WorkerPools.PAUSED;
                if (pool.paused() || pausedByPlan) {
                    pools.add(pool.withPaused(true).withTarget(poolTargets.getOrDefault(pool.name(), pool.target())));
                    continue;
                }
                Target target = new Target("rendered-" + pool.name() + "-" + hop.to(), IMAGE_PREFIX + hop.to());
                targets.put(pool.name(), target);
                updating.add(pool.name());
                pools.add(pool.withTarget(target));
            }
            List<Node> nodes = new ArrayList<>();
            for (Node node : snapshot.nodes()) {
                Target at = runs.get(node.name());
                nodes.add(at == null ? node : node.withDesired(at).withFinished());
            }
            Plan plan = Planner.plan(snapshot.withPools(pools).withNodes(nodes));
            Set<String> blocked = new TreeSet<>();
            for (Blocked b : plan.blocked()) {
                blocked.add(b.node());
            }
            for (Node node : snapshot.nodes()) {
                Target target = node.pool() == null ? null : targets.get(node.pool());
                if (target != null && !blocked.contains(node.name())) {
                    runs.put(node.name(), target);
                }
            }
            poolTargets.putAll(targets);
            rollouts.add(new HopRollout(hop, List.copyOf(updating), plan));
        }
        return rollouts;
    }
}
