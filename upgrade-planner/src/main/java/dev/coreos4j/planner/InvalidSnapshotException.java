package dev.coreos4j.planner;

import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.ProblemsException;

/**
 * A snapshot document that cannot be planned: malformed JSON, a missing or mistyped field, a negative or malformed
 * budget, an unknown pool, a duplicate name. Carries every problem found ({@link #problems()}, each with its rule's
 * code and the RFC 9535 path of the offending value). The message is one line that starts with the first problem's
 * path: {@code $.nodes[1].name: duplicate node name "w1"}, followed by how many more problems there are.
 */
public final class InvalidSnapshotException extends ProblemsException {

    private static final long serialVersionUID = 1L;

    private final String summary;

    /**
     * An exception carrying {@code problems}.
     *
     * @throws IllegalArgumentException if there is no problem
     * @throws NullPointerException if {@code problems} is null
     */
    public InvalidSnapshotException(Problems problems) {
        super("invalid snapshot", problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid snapshot has at least one problem");
        }
        int more = problems.size() - 1;
        this.summary = ProblemLine.of(first()) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** The first problem found. */
    public Problem first() {
        return problems().all().get(0);
    }

    /**
     * The JSON path of the first problem's offending value, e.g. {@code $.pools[0].maxUnavailable}; {@link
     * JsonPath#ROOT} for the document as a whole.
     */
    public JsonPath path() {
        JsonPath path = first().location().path();
        return path == null ? JsonPath.ROOT : path;
    }

    /** The first problem's path and message, then how many more problems there are, on one line. */
    @Override
    public String getMessage() {
        return summary;
    }
}
