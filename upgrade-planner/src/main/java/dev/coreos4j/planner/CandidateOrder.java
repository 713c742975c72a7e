package dev.coreos4j.planner;

import java.util.Comparator;

/**
 * MCO's candidate order, the order in which a pool hands its target to nodes: nodes with a zone first, zone
 * ascending, creation ascending (descending for {@code NewestFirst}), then name (our tiebreak; Go's sort is not
 * stable, so the planner sorts to be deterministic).
 */
final class CandidateOrder {
    private CandidateOrder() {}

    /** The order, newest first when {@code newestFirst}. */
    static Comparator<Node> of(boolean newestFirst) {
        return (a, b) -> {
            String za = a.zone();
            String zb = b.zone();
            if (za == null || zb == null) {
                if (za != zb) {
                    return za == null ? 1 : -1;
                }
            } else {
                int c = za.compareTo(zb);
                if (c != 0) {
                    return c;
                }
            }
            int c = a.created().compareTo(b.created());
            if (c != 0) {
                return newestFirst ? -c : c;
            }
            return a.name().compareTo(b.name());
        };
    }
}
