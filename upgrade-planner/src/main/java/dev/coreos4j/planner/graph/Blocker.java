package dev.coreos4j.planner.graph;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reason a path is missing: an edge that may not be taken, or a fact about the request.
 *
 * @param edge the blocked edge, or null when the reason is not about one edge
 * @param code the stable reason code, never null
 * @param message the reason for people, never null
 */
public record Blocker(@Nullable Edge edge, BlockCode code, String message) {

    public Blocker {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (edge == null ? "" : edge + ": ") + message;
    }
}
