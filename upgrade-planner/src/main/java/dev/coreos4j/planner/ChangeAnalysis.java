package dev.coreos4j.planner;

import java.util.Objects;

/** What a change from one rendered config to another means for a node: applicable with a disruption, or refused. */
public sealed interface ChangeAnalysis {

    /** The change can be applied in place with {@code disruption}. */
    record Reconcilable(Disruption disruption) implements ChangeAnalysis {
        public Reconcilable {
            Objects.requireNonNull(disruption, "disruption");
        }
    }

    /**
     * The change cannot be applied in place (MCO RenderDegraded / Unreconcilable).
     *
     * @param path    the offending entry, e.g. {@code storage.directories./var/lib/data} or {@code passwd.users.bob}
     * @param message why, for people
     */
    record Irreconcilable(String path, String message) implements ChangeAnalysis {
        public Irreconcilable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
