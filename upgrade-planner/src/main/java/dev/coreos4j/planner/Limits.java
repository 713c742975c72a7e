package dev.coreos4j.planner;

import org.jspecify.annotations.Nullable;

/**
 * Disruption limits across pools (pools are not availability boundaries, MCO issue #662). Each counts nodes
 * unavailable by the same predicate as the pool budgets and is resolved with {@link MaxUnavailable#budget(int)}.
 *
 * @param maxUnavailable        at most this many nodes of the whole cluster unavailable at once, or {@code null}
 * @param maxUnavailablePerZone at most this many nodes of one zone (of that zone's size), or {@code null}
 */
public record Limits(
        @Nullable MaxUnavailable maxUnavailable, @Nullable MaxUnavailable maxUnavailablePerZone) {

    /** No cross-pool limits. */
    public static final Limits NONE = new Limits(null, null);
}
