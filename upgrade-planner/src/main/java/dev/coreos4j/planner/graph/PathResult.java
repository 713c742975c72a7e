package dev.coreos4j.planner.graph;

import java.util.List;
import java.util.Objects;

/** The answer of {@link UpdatePathPlanner#plan}: a path, or why there is none. */
public sealed interface PathResult {

    /**
     * A valid path was found.
     *
     * @param path the chosen path, never null
     */
    record Found(UpdatePath path) implements PathResult {
        public Found {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * No valid path exists.
     *
     * @param reason one sentence for people, never null
     * @param blockers the edges and facts that block the way, most relevant first; an immutable copy
     */
    record NoPath(String reason, List<Blocker> blockers) implements PathResult {
        public NoPath {
            Objects.requireNonNull(reason, "reason");
            blockers = List.copyOf(blockers);
        }
    }
}
