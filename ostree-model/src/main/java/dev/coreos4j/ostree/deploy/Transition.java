package dev.coreos4j.ostree.deploy;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a deployment-list transition: either the new list or a typed refusal (nothing changed).
 * Dispatch with {@link #isApplied()} / {@link #list()} / {@link #refusal()}; {@link Applied} and {@link Refused}
 * are the only implementations.
 */
public sealed interface Transition permits Transition.Applied, Transition.Refused {

    /** Whether the transition was applied. */
    boolean isApplied();

    /**
     * The new list.
     *
     * @throws IllegalStateException if the transition was refused (naming the refusal)
     */
    DeploymentList list();

    /**
     * The refusal.
     *
     * @throws IllegalStateException if the transition was applied
     */
    Refused refusal();

    /** A one-line human description: what happened, or why not. */
    String message();

    /**
     * An applied transition.
     *
     * @param before the list before
     * @param after the list after (may equal {@code before}: nothing to write)
     * @param removed the deployments left out, with reasons, in old-list order
     * @param added the deployment this transition created, or {@code null}
     * @param message what happened, e.g. {@code Deployment 1 is now pinned}
     */
    record Applied(
            DeploymentList before,
            DeploymentList after,
            List<Removal> removed,
            @Nullable Deployment added,
            String message)
            implements Transition {

        /** Copies {@code removed}. */
        public Applied {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            removed = List.copyOf(removed);
            Objects.requireNonNull(message, "message");
        }

        /** Whether the list changed (and so must be written). */
        public boolean changed() {
            return !before.equals(after);
        }

        @Override
        public boolean isApplied() {
            return true;
        }

        @Override
        public DeploymentList list() {
            return after;
        }

        @Override
        public Refused refusal() {
            throw new IllegalStateException("the transition was applied: " + message);
        }
    }

    /**
     * A refused transition: nothing changed.
     *
     * @param reason the stable reason code
     * @param message the details, e.g. {@code Cannot undeploy currently booted deployment 1}
     */
    record Refused(Refusal reason, String message) implements Transition {

        /** Checks for nulls. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isApplied() {
            return false;
        }

        @Override
        public DeploymentList list() {
            throw new IllegalStateException("the transition was refused (" + reason + "): " + message);
        }

        @Override
        public Refused refusal() {
            return this;
        }
    }
}
