package dev.coreos4j.planner.cluster;

import java.util.List;

/**
 * Cluster objects that cannot become a snapshot; carries every problem found (errors and warnings). The message is
 * the first error followed by how many more there are.
 */
public final class InvalidClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ClusterProblem> problems;

    /** An exception for {@code problems}, which must hold at least one error. */
    public InvalidClusterException(List<ClusterProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<ClusterProblem> problems) {
        List<ClusterProblem> errors =
                problems.stream().filter(ClusterProblem::isError).toList();
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("problems must hold an error");
        }
        return errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    /** Every problem found, errors and warnings, in input order. */
    public List<ClusterProblem> problems() {
        return problems;
    }
}
