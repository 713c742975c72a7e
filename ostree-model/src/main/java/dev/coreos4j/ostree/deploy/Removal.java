package dev.coreos4j.ostree.deploy;

import java.util.Objects;

/**
 * A deployment a transition left out of the list, and why.
 *
 * @param deployment the removed deployment (as it was in the old list)
 * @param reason why it is gone
 */
public record Removal(Deployment deployment, Reason reason) {

    /** Why a deployment was removed. */
    public enum Reason {
        /** Not kept by a deploy/finalize: not booted, merge, pinned, another stateroot nor caught by {@code --retain…}. */
        NOT_RETAINED,
        /** Explicitly undeployed. */
        UNDEPLOYED,
        /** A staged deployment may only stay first; this write put something else first. */
        STAGED_NOT_FIRST,
        /** Staging again replaced the previous staged deployment. */
        STAGED_REPLACED,
        /** A power loss before finalization: the staged state under the run directory is gone. */
        STAGED_LOST,
        /** {@code cleanup -p}: a pending deployment (before the booted one). */
        CLEANUP_PENDING,
        /** {@code cleanup -r}: a rollback deployment (after the booted one). */
        CLEANUP_ROLLBACK
    }

    /** Checks for nulls. */
    public Removal {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(reason, "reason");
    }
}
