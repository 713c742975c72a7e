package dev.coreos4j.planner.json;

import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.problem.Problems;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading a graph document: the graph, or the problems that kept it from being read.
 *
 * @param graph the graph, or null when there are problems
 * @param problems every problem found ({@link GraphRule}s, located by RFC 9535 path and, for JSON syntax errors, line
 *     and column), in document order; empty exactly when {@code graph} is set
 */
public record GraphReadResult(@Nullable UpdateGraph graph, Problems problems) {

    /**
     * Checks that there is either a graph or a problem.
     *
     * @throws IllegalArgumentException if there are both or neither
     */
    public GraphReadResult {
        Objects.requireNonNull(problems, "problems");
        if ((graph == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a read result has either a graph or problems");
        }
    }

    /** True when the document was read. */
    public boolean isValid() {
        return graph != null;
    }

    /**
     * The graph.
     *
     * @throws MalformedGraphException carrying the problems when the document could not be read
     */
    public UpdateGraph graphOrThrow() {
        if (graph == null) {
            throw new MalformedGraphException(problems);
        }
        return graph;
    }
}
