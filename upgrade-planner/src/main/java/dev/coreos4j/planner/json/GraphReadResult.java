package dev.coreos4j.planner.json;

import dev.coreos4j.planner.graph.UpdateGraph;
import java.util.List;

/**
 * The outcome of reading a graph document: the graph, or the problems that kept it from being read.
 *
 * @param graph the graph, or null when there are problems
 * @param problems every problem found, in document order; an immutable copy, empty exactly when {@code graph} is set
 */
public record GraphReadResult(UpdateGraph graph, List<GraphProblem> problems) {

    public GraphReadResult {
        problems = List.copyOf(problems);
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
