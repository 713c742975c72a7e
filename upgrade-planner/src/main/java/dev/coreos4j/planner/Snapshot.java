package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the planner knows at one instant. Immutable; lists are copied and sorted by name, so a snapshot is a
 * function of the <em>sets</em> it is given, never of their order.
 *
 * <p>The canonical constructor throws {@code IllegalArgumentException} naming the offending entry when names
 * repeat or references dangle.
 *
 * @param now      the instant of observation (the planner has no clock)
 * @param pools    pools, unique names
 * @param nodes    nodes, unique names, each in a listed pool or in none
 * @param configs  rendered config name → content, for disruption analysis; a config not listed is assumed to need
 *                 a reboot to reach or leave
 * @param policies node disruption policies (use {@link DisruptionPolicies#defaults()} for MCO's)
 * @param pdbs     PodDisruptionBudgets, unique names
 * @param windows  maintenance windows (none: always open)
 * @param locks    FleetLock groups, unique names; every pool's {@code lockGroup} must be listed
 * @param limits   cross-pool / per-zone limits
 * @param topology the control-plane topology (see {@link Topology} for what each one changes)
 * @param acceptAvailabilityLoss the explicit opt-in to disrupt the only node of a {@link Topology#SINGLE_REPLICA}
 *                 cluster; without it that node is blocked with {@link Reason#AVAILABILITY_LOSS}
 */
public record Snapshot(
        Instant now,
        List<Pool> pools,
        List<Node> nodes,
        Map<String, RenderedConfig> configs,
        DisruptionPolicies policies,
        List<Pdb> pdbs,
        List<MaintenanceWindow> windows,
        List<LockGroup> locks,
        Limits limits,
        Topology topology,
        boolean acceptAvailabilityLoss) {

    public Snapshot {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(now, "now");
        pools = sorted(pools, Pool::name, "pool");
        nodes = sorted(nodes, Node::name, "node");
        configs = Map.copyOf(Objects.requireNonNull(configs, "configs"));
        Objects.requireNonNull(policies, "policies");
        pdbs = sorted(pdbs, Pdb::name, "PDB");
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        locks = sorted(locks, LockGroup::group, "lock group");
        Objects.requireNonNull(limits, "limits");
        Set<String> poolNames = new HashSet<>();
        for (Pool p : pools) {
            poolNames.add(p.name());
        }
        Set<String> groups = new HashSet<>();
        for (LockGroup g : locks) {
            groups.add(g.group());
        }
        for (Pool p : pools) {
            if (p.lockGroup() != null && !groups.contains(p.lockGroup())) {
                throw new IllegalArgumentException(
                        "pool " + p.name() + ": unknown lock group \"" + p.lockGroup() + "\"");
            }
        }
        for (Node n : nodes) {
            if (n.pool() != null && !poolNames.contains(n.pool())) {
                throw new IllegalArgumentException("node " + n.name() + ": unknown pool \"" + n.pool() + "\"");
            }
        }
    }

    /** A snapshot of pools and nodes with MCO's default disruption policies and no other constraints. */
    public static Snapshot of(Instant now, List<Pool> pools, List<Node> nodes) {
        return new Snapshot(
                now,
                pools,
                nodes,
                Map.of(),
                DisruptionPolicies.defaults(),
                List.of(),
                List.of(),
                List.of(),
                Limits.NONE,
                Topology.HIGHLY_AVAILABLE,
                false);
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name, String what) {
        List<T> copy = List.copyOf(Objects.requireNonNull(items, what + "s"));
        // Fast path: already strictly ascending (the usual case when a snapshot is derived from another one),
        // which also proves the names unique.
        String previous = null;
        boolean ascending = true;
        for (T item : copy) {
            String n = name.apply(item);
            if (previous != null && previous.compareTo(n) >= 0) {
                ascending = false;
                break;
            }
            previous = n;
        }
        if (ascending) {
            return copy;
        }
        List<T> order = new ArrayList<>(copy);
        order.sort(Comparator.comparing(name));
        for (int i = 1; i < order.size(); i++) {
            if (name.apply(order.get(i - 1)).equals(name.apply(order.get(i)))) {
                throw new IllegalArgumentException("duplicate " + what + " name \"" + name.apply(order.get(i)) + "\"");
            }
        }
        return List.copyOf(order);
    }

    /** The pool named {@code name}, or {@code null}. */
    public @Nullable Pool pool(String name) {
        for (Pool p : pools) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The node named {@code name}, or {@code null} (binary search: nodes are sorted). */
    public @Nullable Node node(String name) {
        int i = indexOf(name);
        return i < 0 ? null : nodes.get(i);
    }

    int indexOf(String name) {
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = nodes.get(mid).name().compareTo(name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A copy with {@code now} replaced. */
    public Snapshot withNow(Instant value) {
        return new Snapshot(
                value, pools, nodes, configs, policies, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code pools} replaced. */
    public Snapshot withPools(List<Pool> value) {
        return new Snapshot(
                now, value, nodes, configs, policies, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code nodes} replaced. */
    public Snapshot withNodes(List<Node> value) {
        return new Snapshot(
                now, pools, value, configs, policies, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code configs} replaced. */
    public Snapshot withConfigs(Map<String, RenderedConfig> value) {
        return new Snapshot(
                now, pools, nodes, value, policies, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code policies} replaced. */
    public Snapshot withPolicies(DisruptionPolicies value) {
        return new Snapshot(
                now, pools, nodes, configs, value, pdbs, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code pdbs} replaced. */
    public Snapshot withPdbs(List<Pdb> value) {
        return new Snapshot(
                now, pools, nodes, configs, policies, value, windows, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code windows} replaced. */
    public Snapshot withWindows(List<MaintenanceWindow> value) {
        return new Snapshot(
                now, pools, nodes, configs, policies, pdbs, value, locks, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code locks} replaced. */
    public Snapshot withLocks(List<LockGroup> value) {
        return new Snapshot(
                now, pools, nodes, configs, policies, pdbs, windows, value, limits, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code limits} replaced. */
    public Snapshot withLimits(Limits value) {
        return new Snapshot(
                now, pools, nodes, configs, policies, pdbs, windows, locks, value, topology, acceptAvailabilityLoss);
    }

    /** A copy with {@code topology} replaced. */
    public Snapshot withTopology(Topology value) {
        return new Snapshot(
                now, pools, nodes, configs, policies, pdbs, windows, locks, limits, value, acceptAvailabilityLoss);
    }

    /** A copy with {@code acceptAvailabilityLoss} replaced. */
    public Snapshot withAcceptAvailabilityLoss(boolean value) {
        return new Snapshot(now, pools, nodes, configs, policies, pdbs, windows, locks, limits, topology, value);
    }

    /** The only node in a pool when the topology is {@link Topology#SINGLE_REPLICA} and there is one; else null. */
    @Nullable
    Node singleNode() {
        if (topology != Topology.SINGLE_REPLICA) {
            return null;
        }
        Node only = null;
        for (Node n : nodes) {
            if (n.pool() != null) {
                if (only != null) {
                    return null;
                }
                only = n;
            }
        }
        return only;
    }

    /** This snapshot with {@code pool} replaced (by name). */
    public Snapshot withPool(Pool pool) {
        List<Pool> out = new ArrayList<>(pools);
        out.replaceAll(p -> p.name().equals(pool.name()) ? pool : p);
        return withPools(out);
    }

    /** This snapshot with {@code node} replaced (by name). */
    public Snapshot withNode(Node node) {
        int i = indexOf(node.name());
        if (i < 0) {
            throw new IllegalArgumentException("no node named " + node.name());
        }
        List<Node> out = new ArrayList<>(nodes);
        out.set(i, node);
        return withNodes(out);
    }

    /** Nodes grouped by pool name (sorted), nodes in no pool under {@code null} last. */
    Map<String, List<Node>> nodesByPool() {
        Map<String, List<Node>> out = new java.util.LinkedHashMap<>();
        for (Pool p : pools) {
            out.put(p.name(), new ArrayList<>());
        }
        for (Node n : nodes) {
            out.computeIfAbsent(n.pool(), k -> new ArrayList<>()).add(n);
        }
        return out;
    }
}
