package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * An update from one release to another, named by version.
 *
 * @param from the version a cluster or host runs, never null
 * @param to the version it may update to, never null and different from {@code from}
 */
public record Edge(String from, String to) implements Comparable<Edge> {

    /** @throws IllegalArgumentException when {@code from} equals {@code to} */
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an edge must lead to another release, got " + from + " -> " + to);
        }
    }

    /** Orders by the version strings, only to make listings stable; release order is {@link UpdateGraph#compare}. */
    @Override
    public int compareTo(Edge other) {
        int c = from.compareTo(other.from);
        return c != 0 ? c : to.compareTo(other.to);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
