package dev.coreos4j.planner.cluster;

import java.util.Objects;

/**
 * One problem found while reading cluster objects.
 *
 * @param severity {@link Severity#ERROR}: the objects cannot become a snapshot; {@link Severity#WARNING}: an object
 *                 or node is left out or outside every pool, and the snapshot says so through the planner's reasons
 * @param source   the {@link ClusterInput#source()} the object came from
 * @param kind     the object kind ({@code Node}, {@code MachineConfigPool}, …), or {@code null} for a document-level
 *                 problem
 * @param name     the object name ({@code namespace/name} for namespaced objects), or {@code null}
 * @param path     the JSON path of the offending value in its document, e.g.
 *                 {@code $.items[3].metadata.annotations['machineconfiguration.openshift.io/state']}
 * @param line     1-based line of that value in the document, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong, one line
 */
public record ClusterProblem(
        Severity severity, String source, String kind, String name, String path, int line, int column, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** The objects cannot be read into a snapshot. */
        ERROR,
        /** Something is left out (a Windows node, a node no pool can own, an unknown kind). */
        WARNING
    }

    /** Checks the required components. */
    public ClusterProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Whether this is an {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * One line: {@code SOURCE: KIND NAME: PATH (line L, column C): MESSAGE}, e.g.
     * {@code nodes.json: Node w1: $.items[0].metadata.creationTimestamp (line 9, column 32): expected an RFC 3339
     * time such as 2026-01-01T00:00:00Z, got "yesterday"}.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source).append(": ");
        if (kind != null) {
            b.append(kind).append(' ').append(name == null ? "(unnamed)" : name).append(": ");
        }
        b.append(path);
        if (line > 0) {
            b.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return b.append(": ").append(message).toString();
    }
}
