package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * An update that a blocked-edge declaration without matching rules removed from the graph. Kept only so that a
 * planner can say which declaration blocks a path; a removed edge is never used.
 *
 * @param edge the removed update, never null
 * @param name the declaration's name (its risk name), never null
 * @param message why it was removed, never null (may be empty)
 */
public record RemovedEdge(Edge edge, String name, String message) {

    public RemovedEdge {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }
}
