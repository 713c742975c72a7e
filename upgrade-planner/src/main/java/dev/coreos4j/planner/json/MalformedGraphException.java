package dev.coreos4j.planner.json;

import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.ProblemsException;

/**
 * A graph document could not be read; carries every problem ({@link #problems()}). The message is one line: {@code
 * malformed update graph: PATH: MESSAGE}, then how many more problems there are.
 */
public final class MalformedGraphException extends ProblemsException {

    private static final long serialVersionUID = 1L;

    private final String summary;

    /**
     * An exception carrying {@code problems}.
     *
     * @throws IllegalArgumentException if there is no problem
     */
    public MalformedGraphException(Problems problems) {
        super("malformed update graph", problems);
        this.summary = summary(problems);
    }

    private static String summary(Problems problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a malformed graph has at least one problem");
        }
        int more = problems.size() - 1;
        return "malformed update graph: " + ProblemLine.of(problems.all().get(0))
                + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** The first problem and how many more there are, on one line. */
    @Override
    public String getMessage() {
        return summary;
    }
}
