package dev.coreos4j.ostree.deploy;

/** Why a transition was refused. Stable codes; the message of {@link Transition.Refused} says the details. */
public enum Refusal {
    /** The stateroot was never initialised ({@code os-init}). */
    UNKNOWN_STATEROOT,
    /** The commit (or ref) to deploy is not in the system repository. */
    MISSING_COMMIT,
    /** A deployment index is not in {@code [0, size)}. */
    INDEX_OUT_OF_RANGE,
    /** The transition would remove the booted deployment. */
    REMOVES_BOOTED,
    /** The same deployment is already staged. */
    ALREADY_STAGED,
    /** {@code finalize} without a staged deployment. */
    NOT_STAGED,
    /** Staging and rollback need a booted system. */
    NOT_BOOTED,
    /** {@code rollback} with neither a rollback nor a pending deployment. */
    NO_ROLLBACK,
    /** {@code rollback} while the pending deployment is staged (remove it with {@code cleanup -p}). */
    STAGED_PENDING,
    /** A staged deployment cannot be pinned. */
    STAGED_PIN,
    /** A kernel-argument edit does not apply (missing or ambiguous key). */
    INVALID_KARGS,
    /** The edit leaves the kernel arguments unchanged. */
    KARGS_UNCHANGED,
    /** The sysroot has no deployments to act on. */
    NO_DEPLOYMENTS,
    /** The commit's tree cannot be deployed (no kernel, both /etc and /usr/etc, ...). */
    INVALID_TREE,
    /** The /etc three-way merge cannot be applied (a type change, an unreadable file). */
    ETC_MERGE_FAILED,
    /** Another process holds the sysroot lock. */
    LOCKED
}
