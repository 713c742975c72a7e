package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.ProblemsException;
import java.util.List;

/**
 * Cluster objects that cannot become a snapshot; carries every problem found, errors and warnings ({@link
 * #problems()}). The message is one line: the first error ({@code SOURCE: KIND NAME: PATH (line L, column C):
 * MESSAGE}) followed by how many more errors there are.
 */
public final class InvalidClusterException extends ProblemsException {

    private static final long serialVersionUID = 1L;

    private final String summary;

    /**
     * An exception for {@code problems}.
     *
     * @throws IllegalArgumentException if {@code problems} holds no error
     */
    public InvalidClusterException(Problems problems) {
        super("invalid cluster objects", problems);
        List<Problem> errors = problems.errors();
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("problems must hold an error");
        }
        this.summary =
                ProblemLine.of(errors.get(0)) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    /** The first error and how many more there are, on one line. */
    @Override
    public String getMessage() {
        return summary;
    }
}
