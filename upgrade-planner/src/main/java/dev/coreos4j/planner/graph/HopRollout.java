package dev.coreos4j.planner.graph;

import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Wave;
import java.util.List;
import java.util.Objects;

/**
 * The rolling update one hop of a version path causes, as the rollout planner ({@link dev.coreos4j.planner.Planner})
 * plans it.
 *
 * @param hop the hop, never null
 * @param updatingPools the pools that move to the hop's release, sorted; paused worker pools are not among them
 * @param plan the rollout plan of those pools, never null
 */
public record HopRollout(Hop hop, List<String> updatingPools, Plan plan) {

    public HopRollout {
        Objects.requireNonNull(hop, "hop");
        updatingPools = List.copyOf(updatingPools);
        Objects.requireNonNull(plan, "plan");
    }

    /** How many waves the rollout takes. */
    public int waves() {
        return plan.waves().size();
    }

    /** How many nodes reboot during the hop. */
    public int reboots() {
        return (int) plan.waves().stream()
                .flatMap(w -> w.nodes().stream())
                .filter(e -> e.steps().contains("Reboot"))
                .count();
    }

    /** How many nodes the hop updates. */
    public int nodesUpdated() {
        return plan.waves().stream().mapToInt(w -> w.nodes().size()).sum();
    }

    /** The largest number of nodes any wave disrupts at once. */
    public int largestWave() {
        return plan.waves().stream().mapToInt(w -> w.nodes().size()).max().orElse(0);
    }

    /** Names of nodes that could not be updated in the hop (see {@link Plan#blocked()} for why). */
    public List<String> blockedNodes() {
        return plan.blocked().stream().map(b -> b.node()).toList();
    }

    /** The waves, for callers that want the per-node steps. */
    public List<Wave> waveList() {
        return plan.waves();
    }
}
