package dev.coreos4j.ostree.deploy;

import java.util.List;

/**
 * Flags of a deploy, spelled as {@code ostree admin deploy} spells them.
 *
 * @param notAsDefault {@code --not-as-default}: insert the new deployment right after the booted (or merge) one
 * @param retain {@code --retain}: keep every existing deployment
 * @param retainPending {@code --retain-pending}: keep deployments before the booted (or merge) one
 * @param retainRollback {@code --retain-rollback}: keep deployments after the booted (or merge) one
 * @param noMerge {@code --no-merge}: no merge deployment (no /etc merge, no inherited kernel arguments)
 * @param kargsNone {@code --karg-none}: start from empty kernel arguments
 * @param kargEdits {@code --karg}, {@code --karg-append}, {@code --karg-delete} in command-line order
 */
public record DeployOptions(
        boolean notAsDefault,
        boolean retain,
        boolean retainPending,
        boolean retainRollback,
        boolean noMerge,
        boolean kargsNone,
        List<KargEdit> kargEdits) {

    /** Plain {@code ostree admin deploy}. */
    public static final DeployOptions DEFAULTS = new DeployOptions(false, false, false, false, false, false, List.of());

    /** Copies {@code kargEdits}. */
    public DeployOptions {
        kargEdits = List.copyOf(kargEdits);
    }

    /** With {@code --not-as-default}. */
    public DeployOptions withNotAsDefault(boolean value) {
        return new DeployOptions(value, retain, retainPending, retainRollback, noMerge, kargsNone, kargEdits);
    }

    /** With {@code --retain}. */
    public DeployOptions withRetain(boolean value) {
        return new DeployOptions(notAsDefault, value, retainPending, retainRollback, noMerge, kargsNone, kargEdits);
    }

    /** With {@code --retain-pending}. */
    public DeployOptions withRetainPending(boolean value) {
        return new DeployOptions(notAsDefault, retain, value, retainRollback, noMerge, kargsNone, kargEdits);
    }

    /** With {@code --retain-rollback}. */
    public DeployOptions withRetainRollback(boolean value) {
        return new DeployOptions(notAsDefault, retain, retainPending, value, noMerge, kargsNone, kargEdits);
    }

    /** With {@code --no-merge}. */
    public DeployOptions withNoMerge(boolean value) {
        return new DeployOptions(notAsDefault, retain, retainPending, retainRollback, value, kargsNone, kargEdits);
    }

    /** With {@code --karg-none}. */
    public DeployOptions withKargsNone(boolean value) {
        return new DeployOptions(notAsDefault, retain, retainPending, retainRollback, noMerge, value, kargEdits);
    }

    /** With these kernel-argument edits (replacing earlier ones). */
    public DeployOptions withKargEdits(List<KargEdit> edits) {
        return new DeployOptions(notAsDefault, retain, retainPending, retainRollback, noMerge, kargsNone, edits);
    }
}
