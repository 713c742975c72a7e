package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Cluster#read}: a snapshot when no problem is an error, and every problem found.
 *
 * @param snapshot the snapshot, or {@code null} when some problem is an {@link dev.coreos4j.problem.Severity#ERROR}
 * @param problems errors and warnings ({@link ClusterRule}s, each located by source, object, RFC 9535 path and line
 *     and column where known), in input order
 */
public record ClusterReadResult(@Nullable Snapshot snapshot, Problems problems) {

    /**
     * Checks that a snapshot is present exactly when there is no error.
     *
     * @throws IllegalArgumentException if not
     */
    public ClusterReadResult {
        Objects.requireNonNull(problems, "problems");
        boolean failed = !problems.isValid();
        if (failed == (snapshot != null)) {
            throw new IllegalArgumentException(
                    failed ? "a result with errors has no snapshot" : "a result without errors needs a snapshot");
        }
    }

    /** Whether a snapshot was read. */
    public boolean isValid() {
        return snapshot != null;
    }

    /** The warnings only. */
    public List<Problem> warnings() {
        return problems.warnings();
    }

    /**
     * The snapshot.
     *
     * @throws InvalidClusterException carrying every problem when some problem is an error
     */
    public Snapshot snapshotOrThrow() {
        if (snapshot == null) {
            throw new InvalidClusterException(problems);
        }
        return snapshot;
    }
}
