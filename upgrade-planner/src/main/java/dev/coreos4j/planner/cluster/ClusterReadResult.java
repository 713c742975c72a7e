package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.Snapshot;
import java.util.List;

/**
 * The outcome of {@link Cluster#read}: a snapshot when no problem is an error, and every problem found.
 *
 * @param snapshot the snapshot, or {@code null} when some problem is an {@link ClusterProblem.Severity#ERROR}
 * @param problems errors and warnings, in input order (copied)
 */
public record ClusterReadResult(Snapshot snapshot, List<ClusterProblem> problems) {

    /** Copies the problems and checks that a snapshot is present exactly when there is no error. */
    public ClusterReadResult {
        problems = List.copyOf(problems);
        boolean failed = problems.stream().anyMatch(ClusterProblem::isError);
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
    public List<ClusterProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
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
