package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Assembles a {@link Snapshot}: MCO's default disruption policies, no PDBs, windows, locks or limits,
 * {@link Topology#HIGHLY_AVAILABLE}, unless set. Not thread-safe; {@link #build()} may be called repeatedly.
 *
 * <pre>{@code
 * Snapshot s = SnapshotBuilder.at(now)
 *         .pool(PoolBuilder.named("worker").target("rendered-worker-b").maxUnavailable("25%"))
 *         .node(NodeBuilder.named("w1").pool("worker").config("rendered-worker-a"))
 *         .build();
 * }</pre>
 */
public final class SnapshotBuilder {

    private Instant now;
    private final List<Pool> pools = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, RenderedConfig> configs = new TreeMap<>();
    private DisruptionPolicies policies = DisruptionPolicies.defaults();
    private final List<Pdb> pdbs = new ArrayList<>();
    private final List<MaintenanceWindow> windows = new ArrayList<>();
    private final List<LockGroup> locks = new ArrayList<>();
    private Limits limits = Limits.NONE;
    private Topology topology = Topology.HIGHLY_AVAILABLE;
    private boolean acceptAvailabilityLoss;

    private SnapshotBuilder(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /** A builder for a snapshot observed at {@code now} (not null). */
    public static SnapshotBuilder at(Instant now) {
        return new SnapshotBuilder(now);
    }

    /** A builder holding everything of {@code snapshot}. */
    public static SnapshotBuilder from(Snapshot snapshot) {
        SnapshotBuilder b = new SnapshotBuilder(snapshot.now());
        b.pools.addAll(snapshot.pools());
        b.nodes.addAll(snapshot.nodes());
        b.configs.putAll(snapshot.configs());
        b.policies = snapshot.policies();
        b.pdbs.addAll(snapshot.pdbs());
        b.windows.addAll(snapshot.windows());
        b.locks.addAll(snapshot.locks());
        b.limits = snapshot.limits();
        b.topology = snapshot.topology();
        b.acceptAvailabilityLoss = snapshot.acceptAvailabilityLoss();
        return b;
    }

    /** The instant of observation (not null). */
    public SnapshotBuilder now(Instant value) {
        this.now = Objects.requireNonNull(value, "now");
        return this;
    }

    /** Adds a pool. */
    public SnapshotBuilder pool(Pool value) {
        pools.add(Objects.requireNonNull(value, "pool"));
        return this;
    }

    /** Adds the pool {@code value} builds. */
    public SnapshotBuilder pool(PoolBuilder value) {
        return pool(value.build());
    }

    /** Adds a node. */
    public SnapshotBuilder node(Node value) {
        nodes.add(Objects.requireNonNull(value, "node"));
        return this;
    }

    /** Adds the node {@code value} builds. */
    public SnapshotBuilder node(NodeBuilder value) {
        return node(value.build());
    }

    /** Describes the rendered config {@code name}. */
    public SnapshotBuilder config(String name, RenderedConfig value) {
        configs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "config"));
        return this;
    }

    /** The disruption policies (not null). */
    public SnapshotBuilder policies(DisruptionPolicies value) {
        this.policies = Objects.requireNonNull(value, "policies");
        return this;
    }

    /** Adds a PodDisruptionBudget. */
    public SnapshotBuilder pdb(Pdb value) {
        pdbs.add(Objects.requireNonNull(value, "pdb"));
        return this;
    }

    /** Adds a maintenance window. */
    public SnapshotBuilder window(MaintenanceWindow value) {
        windows.add(Objects.requireNonNull(value, "window"));
        return this;
    }

    /** Adds a FleetLock group. */
    public SnapshotBuilder lock(LockGroup value) {
        locks.add(Objects.requireNonNull(value, "lock"));
        return this;
    }

    /** The cross-pool / per-zone limits (not null). */
    public SnapshotBuilder limits(Limits value) {
        this.limits = Objects.requireNonNull(value, "limits");
        return this;
    }

    /** The control-plane topology (not null). */
    public SnapshotBuilder topology(Topology value) {
        this.topology = Objects.requireNonNull(value, "topology");
        return this;
    }

    /** The opt-in to disrupt a single-replica cluster's only node. */
    public SnapshotBuilder acceptAvailabilityLoss(boolean value) {
        this.acceptAvailabilityLoss = value;
        return this;
    }

    /**
     * The snapshot.
     *
     * @throws IllegalArgumentException naming the entry when names repeat or references dangle
     */
    public Snapshot build() {
        return new Snapshot(
                now, pools, nodes, configs, policies, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }
}
