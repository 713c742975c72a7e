package dev.coreos4j.ostree.deploy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * libostree's retention rule for a new deployment, in one place (ostree's src/libostree/ostree-sysroot-deploy.c,
 * {@code ostree_sysroot_simple_write_deployment}, then the staged-first rule of {@code write_deployments}).
 *
 * <p>The created deployment goes first (or, with {@code --not-as-default}, right after the booted deployment, when
 * not booted right after the merge deployment, last when there is neither). Of the old deployments every pinned one, every one of another stateroot, the booted
 * and the merge deployment are kept; of the rest of the created deployment's stateroot, those before the booted
 * (else merge) deployment are kept only with {@code --retain-pending} and those after it only with
 * {@code --retain-rollback} ({@code --retain} means both). Every other one is removed as
 * {@link Removal.Reason#NOT_RETAINED}, and a staged deployment that is no longer first as
 * {@link Removal.Reason#STAGED_NOT_FIRST}. Pure; used only by {@link DeploymentList}.
 */
final class Retention {

    private Retention() {}

    /** libostree's {@code ostree_sysroot_simple_write_deployment} followed by the staged-first rule of write_deployments. */
    static Transition simpleWrite(
            DeploymentList list,
            List<Deployment> old,
            Deployment created,
            Deployment.@Nullable Key merge,
            DeployOptions o,
            String message) {
        Deployment.Key booted = list.booted();
        boolean retainPending = o.retain() || o.retainPending();
        boolean retainRollback = o.retain() || o.retainRollback();
        List<Deployment> next = new ArrayList<>();
        List<Removal> removed = new ArrayList<>();
        boolean added = false;
        if (!o.notAsDefault()) {
            next.add(created);
            added = true;
        }
        boolean beforeBooted = true;
        boolean beforeMerge = true;
        for (Deployment d : old) {
            boolean isBooted = booted != null && booted.equals(d.key());
            boolean isMerge = merge != null && merge.equals(d.key());
            if (isBooted) {
                beforeBooted = false;
            }
            if (isMerge) {
                beforeMerge = false;
            }
            boolean crossed = booted != null ? !beforeBooted : !beforeMerge;
            boolean keep = d.pinned()
                    || !d.stateroot().equals(created.stateroot())
                    || isBooted
                    || isMerge
                    || (retainPending && !crossed)
                    || (retainRollback && crossed);
            if (keep) {
                next.add(d);
            } else {
                removed.add(new Removal(d, Removal.Reason.NOT_RETAINED));
            }
            if (!added && crossed) {
                next.add(created);
                added = true;
            }
        }
        if (!added) {
            next.add(created);
        }
        List<Deployment> kept = dropStagedNotFirst(next, removed);
        return new Transition.Applied(
                list, new DeploymentList(list.stateroots(), kept, booted), removed, created, message);
    }

    /** Drops every staged deployment not at index 0, recording it as {@link Removal.Reason#STAGED_NOT_FIRST}. */
    static List<Deployment> dropStagedNotFirst(List<Deployment> list, List<Removal> removed) {
        List<Deployment> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Deployment d = list.get(i);
            if (d.staged() && i != 0) {
                removed.add(new Removal(d, Removal.Reason.STAGED_NOT_FIRST));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
