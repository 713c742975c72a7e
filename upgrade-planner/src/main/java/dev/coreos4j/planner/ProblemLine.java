package dev.coreos4j.planner;

import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;

/**
 * The planner's one-line text of a problem, the form its readers have always printed:
 * {@code [source: ][Kind name: ]path[ (line L, column C)]: message}, such as {@code nodes.json: Node w1:
 * $.items[0].metadata.creationTimestamp (line 9, column 32): expected an RFC 3339 time}, or
 * {@code $.nodes[1].name: duplicate node name "w1"} for a snapshot. The messages of {@link InvalidSnapshotException},
 * the graph and cluster readers' exceptions and the CLI's problem lines all use it. Stateless and thread-safe.
 */
public final class ProblemLine {
    private ProblemLine() {}

    /** The line for {@code problem}; the path is {@code $} when the problem has none. */
    public static String of(Problem problem) {
        Location where = problem.location();
        StringBuilder b = new StringBuilder();
        if (where.source() != null) {
            b.append(where.source()).append(": ");
        }
        if (where.object() != null) {
            b.append(where.object().kind())
                    .append(' ')
                    .append(where.object().name())
                    .append(": ");
        }
        b.append(where.path() == null ? "$" : where.path().toString());
        if (where.position() != null) {
            b.append(" (line ")
                    .append(where.position().line())
                    .append(", column ")
                    .append(where.position().column())
                    .append(')');
        }
        return b.append(": ").append(problem.message()).toString();
    }
}
