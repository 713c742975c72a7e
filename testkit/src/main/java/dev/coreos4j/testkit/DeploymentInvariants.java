package dev.coreos4j.testkit;

import dev.coreos4j.ostree.deploy.Deployment;
import dev.coreos4j.ostree.deploy.DeploymentList;
import dev.coreos4j.ostree.deploy.Refusal;
import dev.coreos4j.ostree.deploy.Removal;
import dev.coreos4j.ostree.deploy.Transition;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What libostree and rpm-ostree promise about a machine's deployment list, as assertions. Every check throws
 * {@link InvariantViolation} naming the invariant, the deployment (index and id) and what was seen; it returns
 * normally when the invariant holds. Stateless and thread-safe.
 *
 * <p>Invariant names: {@code unique-keys}, {@code one-booted}, {@code staged-first}, {@code staged-needs-booted},
 * {@code booted-kept}, {@code pinned-kept}, {@code removed-gone}, {@code no-phantoms}, {@code other-stateroot-kept},
 * {@code rollback-involution}, {@code old-or-new}.
 */
public final class DeploymentInvariants {

    private DeploymentInvariants() {}

    /** Which kind of step a transition was; reboots may change the booted deployment. */
    public enum Step {
        /** {@code ostree admin os-init}. */
        OS_INIT,
        /** A direct (non-staged) deploy. */
        DEPLOY,
        /** A staged deploy. */
        STAGE,
        /** {@code ostree admin finalize-staged}. */
        FINALIZE,
        /** A clean reboot (a staged deployment is finalized first). */
        REBOOT,
        /** A power loss followed by a boot. */
        POWER_LOSS,
        /** {@code rpm-ostree rollback}. */
        ROLLBACK,
        /** {@code ostree admin set-default}. */
        SET_DEFAULT,
        /** {@code ostree admin undeploy}. */
        UNDEPLOY,
        /** {@code ostree admin pin} / {@code --unpin}. */
        PIN,
        /** A kernel-argument change (a new deployment). */
        KARGS,
        /** {@code rpm-ostree cleanup -p/-r}. */
        CLEANUP;

        /** Whether this step boots the machine (the booted deployment may change). */
        public boolean boots() {
            return this == REBOOT || this == POWER_LOSS;
        }
    }

    /**
     * The shape every list has: unique keys; at most one staged deployment and it is first; the booted deployment,
     * if any, is listed once and not staged; a staged deployment only on a booted system.
     */
    public static void checkList(DeploymentList list) {
        Objects.requireNonNull(list, "list");
        Set<Deployment.Key> keys = new HashSet<>();
        List<Deployment> ds = list.deployments();
        int booted = 0;
        for (int i = 0; i < ds.size(); i++) {
            Deployment d = ds.get(i);
            if (!keys.add(d.key())) {
                throw new InvariantViolation("unique-keys", where(i, d), "listed twice");
            }
            if (d.staged() && i != 0) {
                throw new InvariantViolation("staged-first", where(i, d), "staged deployment is not first");
            }
            if (d.key().equals(list.booted())) {
                booted++;
                if (d.staged()) {
                    throw new InvariantViolation("one-booted", where(i, d), "the booted deployment is staged");
                }
            }
        }
        if (list.booted() != null && booted != 1) {
            throw new InvariantViolation(
                    "one-booted", "booted " + list.booted(), "listed " + booted + " times in " + ids(list));
        }
        if (list.staged().isPresent() && list.booted() == null) {
            throw new InvariantViolation(
                    "staged-needs-booted", where(0, ds.get(0)), "a staged deployment on a system that is not booted");
        }
    }

    /** {@link #checkList} plus: exactly one deployment is booted (use once the machine has booted). */
    public static void checkBooted(DeploymentList list) {
        checkList(list);
        if (list.booted() == null) {
            throw new InvariantViolation("one-booted", "list " + ids(list), "no deployment is booted");
        }
    }

    /**
     * What must hold for every applied transition of kind {@code step}:
     * <ul>
     *   <li>{@code booted-kept}: the deployment booted before is still listed (a reboot may boot another one), and
     *       outside reboots it stays the booted one;</li>
     *   <li>{@code pinned-kept}: a pinned deployment is only removed by an explicit undeploy;</li>
     *   <li>{@code removed-gone}: every reported removal is absent from the new list;</li>
     *   <li>{@code no-phantoms}: every deployment of the new list was in the old list or is the one the transition
     *       created;</li>
     *   <li>{@code other-stateroot-kept}: a deploy never garbage-collects deployments of another stateroot;</li>
     *   <li>and {@link #checkList} of the new list.</li>
     * </ul>
     */
    public static void checkTransition(Step step, Transition.Applied applied) {
        Objects.requireNonNull(step, "step");
        DeploymentList before = applied.before();
        DeploymentList after = applied.after();
        checkList(after);
        if (before.booted() != null) {
            if (after.indexOf(before.booted()) < 0) {
                throw new InvariantViolation(
                        "booted-kept", step + ", booted " + before.booted(), "missing from " + ids(after));
            }
            if (!step.boots() && !before.booted().equals(after.booted())) {
                throw new InvariantViolation(
                        "booted-kept",
                        step + ", booted " + before.booted(),
                        "the booted deployment changed to " + after.booted() + " without a reboot");
            }
        }
        for (Removal r : applied.removed()) {
            Deployment d = r.deployment();
            if (d.pinned() && r.reason() != Removal.Reason.UNDEPLOYED) {
                throw new InvariantViolation(
                        "pinned-kept", step + ", " + d.id(), "pinned deployment removed (" + r.reason() + ")");
            }
            if (after.indexOf(d.key()) >= 0) {
                throw new InvariantViolation(
                        "removed-gone",
                        step + ", " + d.id(),
                        "reported removed (" + r.reason() + ") but still at index " + after.indexOf(d.key()));
            }
            if (r.reason() == Removal.Reason.NOT_RETAINED
                    && applied.added() != null
                    && step != Step.KARGS
                    && !d.stateroot().equals(applied.added().stateroot())) {
                throw new InvariantViolation(
                        "other-stateroot-kept",
                        step + ", " + d.id(),
                        "a deploy to " + applied.added().stateroot() + " collected a deployment of " + d.stateroot());
            }
        }
        for (Deployment d : before.deployments()) {
            if (d.pinned() && step != Step.UNDEPLOY && after.indexOf(d.key()) < 0) {
                throw new InvariantViolation(
                        "pinned-kept", step + ", " + d.id(), "pinned deployment missing from " + ids(after));
            }
        }
        for (int i = 0; i < after.size(); i++) {
            Deployment d = after.deployments().get(i);
            boolean created =
                    applied.added() != null && d.key().equals(applied.added().key());
            if (!created && before.indexOf(d.key()) < 0) {
                throw new InvariantViolation(
                        "no-phantoms",
                        step + ", " + where(i, d),
                        "appeared from nowhere (was not in " + ids(before) + ")");
            }
        }
    }

    /**
     * {@code rollback-involution}: on a booted {@code list} whose booted stateroot has exactly two deployments and is
     * first, rolling back twice restores the first deployment and the stateroot's order (and the whole list when it
     * has only those two). A first rollback that is refused must be for a documented reason ({@code NOT_BOOTED},
     * {@code NO_ROLLBACK}, {@code STAGED_PENDING}); the first rollback always puts the rollback deployment (or, when
     * there is none, the booted one) first.
     */
    public static void checkRollbackInvolution(DeploymentList list) {
        checkList(list);
        Transition first = list.rollback();
        if (!first.isApplied()) {
            Refusal why = first.refusal().reason();
            if (why != Refusal.NOT_BOOTED && why != Refusal.NO_ROLLBACK && why != Refusal.STAGED_PENDING) {
                throw new InvariantViolation(
                        "rollback-involution",
                        "list " + ids(list),
                        "rollback refused for an undocumented reason: " + first.message());
            }
            return;
        }
        Deployment booted = list.bootedDeployment().orElseThrow();
        String os = booted.stateroot();
        DeploymentList once = first.list();
        Deployment expectedFirst = list.rollback(os).orElse(booted);
        if (!once.deployments().get(0).key().equals(expectedFirst.key())) {
            throw new InvariantViolation(
                    "rollback-involution",
                    "rollback of " + ids(list),
                    "first is " + once.deployments().get(0).id() + ", expected " + expectedFirst.id());
        }
        List<Deployment.Key> osOrder = keysOf(list, os);
        if (osOrder.size() == 2 && list.deployments().get(0).stateroot().equals(os)) {
            Transition second = once.rollback();
            if (!second.isApplied()) {
                throw new InvariantViolation(
                        "rollback-involution", "second rollback of " + ids(list), "refused: " + second.message());
            }
            DeploymentList twice = second.list();
            if (!twice.deployments().get(0).equals(list.deployments().get(0))) {
                throw new InvariantViolation(
                        "rollback-involution",
                        "rollback twice of " + ids(list),
                        "first is " + twice.deployments().get(0).id() + ", was "
                                + list.deployments().get(0).id());
            }
            if (!keysOf(twice, os).equals(osOrder)) {
                throw new InvariantViolation(
                        "rollback-involution",
                        "rollback twice of " + ids(list),
                        "stateroot " + os + " order is " + keysOf(twice, os) + ", was " + osOrder);
            }
            if (list.size() == 2 && !twice.equals(list)) {
                throw new InvariantViolation(
                        "rollback-involution", "rollback twice of " + ids(list), "gave " + ids(twice));
            }
        }
    }

    /**
     * {@code old-or-new}: after a power loss during a write from {@code oldList} to {@code newList}, the machine
     * boots either list's bootloader entries (the non-staged deployments, in order); a staged deployment is lost.
     *
     * @param oldList   the list before the interrupted write
     * @param newList   the list the write would have produced
     * @param afterBoot the list after the power loss and the next boot
     */
    public static void checkOldOrNew(DeploymentList oldList, DeploymentList newList, DeploymentList afterBoot) {
        checkList(afterBoot);
        List<Deployment.Key> got = bootable(afterBoot);
        if (!got.equals(bootable(oldList)) && !got.equals(bootable(newList))) {
            throw new InvariantViolation(
                    "old-or-new",
                    "boot after power loss",
                    "entries " + got + " are neither the old " + bootable(oldList) + " nor the new "
                            + bootable(newList));
        }
        if (afterBoot.staged().isPresent()) {
            throw new InvariantViolation(
                    "old-or-new",
                    where(0, afterBoot.deployments().get(0)),
                    "a staged deployment survived a power loss");
        }
    }

    private static List<Deployment.Key> bootable(DeploymentList l) {
        return l.deployments().stream()
                .filter(d -> !d.staged())
                .map(Deployment::key)
                .toList();
    }

    private static List<Deployment.Key> keysOf(DeploymentList l, String os) {
        return l.deployments().stream()
                .filter(d -> d.stateroot().equals(os))
                .map(Deployment::key)
                .toList();
    }

    private static String where(int index, Deployment d) {
        return "deployment " + index + " (" + d.id() + ")";
    }

    static String ids(DeploymentList l) {
        StringBuilder sb = new StringBuilder("[");
        for (Deployment d : l.deployments()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(d.stateroot())
                    .append(':')
                    .append(d.commit().hex(), 0, 8)
                    .append('.')
                    .append(d.serial());
            if (d.key().equals(l.booted())) {
                sb.append('*');
            }
            if (d.staged()) {
                sb.append("(staged)");
            }
            if (d.pinned()) {
                sb.append("(pinned)");
            }
        }
        return sb.append(']').toString();
    }
}
