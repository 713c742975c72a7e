package dev.coreos4j.planner.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A planned sequence of updates.
 *
 * @param from the starting version, never null
 * @param to the final version, never null (equal to {@code from} when there are no hops)
 * @param hops the hops in order, an immutable copy; consecutive hops share their versions
 * @param eus the control-plane-only shape when one was asked for, otherwise null
 * @param notRecommended conditional updates leaving a release of the path that were not taken because a risk
 *     applies or cannot be evaluated (what {@code oc adm upgrade --include-not-recommended} would list), an
 *     immutable copy, sorted by edge
 */
public record UpdatePath(
        String from, String to, List<Hop> hops, @Nullable EusPlan eus, List<Blocker> notRecommended) {

    public UpdatePath {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        hops = List.copyOf(hops);
        notRecommended = List.copyOf(notRecommended);
        String at = from;
        for (Hop h : hops) {
            if (!h.from().equals(at)) {
                throw new IllegalArgumentException("hop " + h.edge() + " does not start at " + at);
            }
            at = h.to();
        }
        if (!at.equals(to)) {
            throw new IllegalArgumentException("the hops end at " + at + ", not at " + to);
        }
    }

    /** Every version on the path, from the first to the last. */
    public List<String> versions() {
        List<String> versions = new ArrayList<>();
        versions.add(from);
        hops.forEach(h -> versions.add(h.to()));
        return versions;
    }

    /** Every accepted risk use, one entry per hop and risk, in path order. */
    public List<String> acceptedRisks() {
        List<String> names = new ArrayList<>();
        hops.forEach(h -> names.addAll(h.acceptedRisks()));
        return names;
    }

    /** How many times the plan switches channel. */
    public int channelChanges() {
        return (int) hops.stream().filter(Hop::changesChannel).count();
    }

    /**
     * Reboots per hop for clusters with these pools: control-plane pools reboot on every hop; worker pools on every
     * hop, except while paused by an EUS plan, when they reboot once at each unpause.
     */
    public RebootEstimate reboots(List<PoolSize> pools) {
        int controlPlane = pools.stream()
                .filter(PoolSize::controlPlane)
                .mapToInt(PoolSize::nodes)
                .sum();
        int workers = pools.stream()
                .filter(p -> !p.controlPlane())
                .mapToInt(PoolSize::nodes)
                .sum();
        List<HopReboots> perHop = new ArrayList<>();
        int saved = 0;
        for (Hop h : hops) {
            boolean reboot = h.workers() != WorkerPools.PAUSED;
            perHop.add(new HopReboots(h, controlPlane, reboot ? workers : 0));
            saved += reboot ? 0 : workers;
        }
        return new RebootEstimate(perHop, saved);
    }
}
