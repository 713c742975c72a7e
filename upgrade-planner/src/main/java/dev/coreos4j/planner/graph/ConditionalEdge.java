package dev.coreos4j.planner.graph;

import java.util.List;

/**
 * Updates that are recommended only to clusters none of the risks apply to (the update service's
 * {@code conditionalEdges} entry).
 *
 * @param edges the updates, an immutable copy, not empty
 * @param risks the risks shared by those updates, an immutable copy, not empty
 */
public record ConditionalEdge(List<Edge> edges, List<Risk> risks) {

    /** @throws IllegalArgumentException when either list is empty */
    public ConditionalEdge {
        edges = List.copyOf(edges);
        risks = List.copyOf(risks);
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("a conditional edge entry needs at least one edge");
        }
        if (risks.isEmpty()) {
            throw new IllegalArgumentException("a conditional edge entry needs at least one risk");
        }
    }
}
