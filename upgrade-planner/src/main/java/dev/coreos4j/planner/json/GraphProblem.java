package dev.coreos4j.planner.json;

import java.util.Objects;

/**
 * Why a graph document cannot be read: where (a JSON path such as {@code $.edges[3][1]}) and what.
 *
 * @param path the JSON path of the offending value, never null ({@code $} for the document)
 * @param code a stable, dotted identifier such as {@code graph.edge.index} — match on this, not on the message
 * @param message what is wrong, for people; never null
 * @param line the 1-based line of a JSON syntax error, or 0 when the problem is about a parsed value
 * @param column the 1-based column of a JSON syntax error, or 0
 */
public record GraphProblem(String path, String code, String message, int line, int column) {

    public GraphProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with a parsed value at {@code path}. */
    public static GraphProblem at(String path, String code, String message) {
        return new GraphProblem(path, code, message, 0, 0);
    }

    /** {@code $.edges[3][1]: message} (with {@code line L, column C} for syntax errors). */
    @Override
    public String toString() {
        return line > 0 ? path + " (line " + line + ", column " + column + "): " + message : path + ": " + message;
    }
}
