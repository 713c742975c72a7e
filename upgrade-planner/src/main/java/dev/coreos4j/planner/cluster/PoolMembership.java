package dev.coreos4j.planner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which MachineConfigPools a node belongs to, by the MCO's rules ({@code helpers.GetPoolsForNode} and
 * {@code ListPools}): Windows nodes ({@code kubernetes.io/os=windows}) belong to none; a pool with an empty selector
 * matches nothing; of the matching pools, one custom pool (any pool but {@code master} and {@code worker}) wins over
 * {@code worker}, {@code master} wins over a custom pool and over {@code worker}, and a node matched by two or more
 * custom pools is an error for that node. The first pool is the node's primary pool (the one it updates with).
 *
 * @param pools the node's pools, primary first; empty when it is in none or in error
 * @param error MCO's reason when the node cannot be placed ({@code node w1 belongs to 2 custom roles, cannot proceed
 *              with this Node}), or {@code null}
 */
public record PoolMembership(List<String> pools, @Nullable String error) {

    /** The master pool's name. */
    public static final String MASTER = "master";
    /** The worker pool's name. */
    public static final String WORKER = "worker";
    /** The label the kubelet sets to the node's operating system. */
    public static final String OS_LABEL = "kubernetes.io/os";

    /** Copies the pools. */
    public PoolMembership {
        pools = List.copyOf(pools);
    }

    /** The primary pool, or {@code null} when the node is in no pool. */
    public @Nullable String primary() {
        return pools.isEmpty() ? null : pools.get(0);
    }

    /** Whether the node is a Windows node, which the MCO never manages. */
    public static boolean isWindows(Map<String, String> labels) {
        return "windows".equals(labels.get(OS_LABEL));
    }

    /**
     * The pools of node {@code node} with {@code labels}, given every pool's selector (pool name → selector; the
     * iteration order of {@code pools} decides nothing).
     */
    public static PoolMembership of(String node, Map<String, String> labels, Map<String, LabelSelector> pools) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(labels, "labels");
        if (isWindows(labels)) {
            return new PoolMembership(List.of(), null);
        }
        boolean master = false;
        boolean worker = false;
        List<String> custom = new ArrayList<>();
        for (Map.Entry<String, LabelSelector> p : new java.util.TreeMap<>(pools).entrySet()) {
            if (!p.getValue().matches(labels)) {
                continue;
            }
            if (p.getKey().equals(MASTER)) {
                master = true;
            } else if (p.getKey().equals(WORKER)) {
                worker = true;
            } else {
                custom.add(p.getKey());
            }
        }
        if (custom.size() > 1) {
            return new PoolMembership(
                    List.of(),
                    "node " + node + " belongs to " + custom.size() + " custom roles, cannot proceed with this Node ("
                            + String.join(", ", custom) + ")");
        }
        List<String> out = new ArrayList<>();
        if (custom.size() == 1) {
            out.add(master ? MASTER : custom.get(0));
            if (worker) {
                out.add(WORKER);
            }
        } else if (master) {
            out.add(MASTER);
        } else if (worker) {
            out.add(WORKER);
        }
        return new PoolMembership(out, null);
    }
}
