package dev.coreos4j.planner.json;

import java.util.List;

/** A graph document could not be read; carries every problem, the first of which is in the message. */
public final class MalformedGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<GraphProblem> problems;

    /** @param problems the problems, not empty */
    public MalformedGraphException(List<GraphProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<GraphProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a malformed graph has at least one problem");
        }
        int more = problems.size() - 1;
        return "malformed update graph: " + problems.get(0) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** Every problem found, in document order; immutable. */
    public List<GraphProblem> problems() {
        return problems;
    }
}
