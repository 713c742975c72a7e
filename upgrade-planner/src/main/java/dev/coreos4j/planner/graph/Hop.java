package dev.coreos4j.planner.graph;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One update of a path, with why it is allowed.
 *
 * @param from the version before the hop, never null
 * @param to the version after it, never null
 * @param kind patch, minor or Fedora CoreOS release update, never null
 * @param channel the channel the hop is taken in, or null when channels are not considered
 * @param previousChannel the channel the cluster was subscribed to before this hop when the plan switches channel
 *     here, otherwise null
 * @param risks the conditional edge's risks as judged, an immutable copy; empty for an unconditional edge
 * @param workers what worker pools do during the hop, never null
 * @param reason why the hop is allowed, for people; never null
 */
public record Hop(
        String from,
        String to,
        HopKind kind,
        @Nullable String channel,
        @Nullable String previousChannel,
        List<RiskEvaluation> risks,
        WorkerPools workers,
        String reason) {

    public Hop {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        risks = List.copyOf(risks);
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(reason, "reason");
        if (risks.stream().anyMatch(RiskEvaluation::blocks)) {
            throw new IllegalArgumentException("hop " + from + " -> " + to + " has a blocking risk");
        }
    }

    /** The edge this hop takes. */
    public Edge edge() {
        return new Edge(from, to);
    }

    /** True when the hop takes a conditional edge. */
    public boolean conditional() {
        return !risks.isEmpty();
    }

    /** True when the plan switches channel right before this hop. */
    public boolean changesChannel() {
        return previousChannel != null;
    }

    /** Names of the risks that apply (or could not be evaluated) on this hop and were accepted. */
    public List<String> acceptedRisks() {
        return risks.stream()
                .filter(RiskEvaluation::accepted)
                .map(r -> r.risk().name())
                .toList();
    }

    Hop withWorkers(WorkerPools pools) {
        return new Hop(from, to, kind, channel, previousChannel, risks, pools, reason);
    }
}
