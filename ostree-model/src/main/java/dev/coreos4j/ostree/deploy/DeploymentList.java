package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The deployments of a sysroot in boot order (index 0 boots by default), the initialised stateroots and which
 * deployment is booted. A pure, immutable value: every transition returns a {@link Transition} holding a new list
 * or a typed refusal, and never touches a disk. The rules are libostree's
 * ({@code ostree_sysroot_simple_write_deployment}, {@code ostree_sysroot_write_deployments}) and rpm-ostree's
 * ({@code rollback}, {@code cleanup}).
 *
 * <p>Every instance satisfies: deployment keys are unique; each deployment's stateroot is initialised; at most one
 * deployment is staged and it is first; the booted deployment, if any, is listed and not staged. The canonical
 * constructor enforces them (so no transition can break them); which deployments a deploy or finalize keeps is the
 * package-private {@code Retention} rule, the one place that mirrors libostree's retention.
 *
 * @param stateroots the initialised stateroots (sorted, immutable)
 * @param deployments the deployments in boot order (immutable)
 * @param booted the booted deployment's key, or {@code null} when the sysroot is not booted
 */
public record DeploymentList(Set<String> stateroots, List<Deployment> deployments, Deployment.@Nullable Key booted) {

    /** An empty sysroot: no stateroots, no deployments, not booted. */
    public static final DeploymentList EMPTY = new DeploymentList(Set.of(), List.of(), null);

    /**
     * @throws IllegalArgumentException when an invariant of the class does not hold (naming it)
     */
    public DeploymentList {
        TreeSet<String> sorted = new TreeSet<>();
        for (String s : stateroots) {
            sorted.add(Deployment.checkStateroot(s));
        }
        stateroots = Collections.unmodifiableSet(sorted);
        deployments = List.copyOf(deployments);
        Set<Deployment.Key> keys = new HashSet<>();
        for (int i = 0; i < deployments.size(); i++) {
            Deployment d = deployments.get(i);
            if (!keys.add(d.key())) {
                throw new IllegalArgumentException("deployment " + d.id() + " is listed twice");
            }
            if (!sorted.contains(d.stateroot())) {
                throw new IllegalArgumentException(
                        "deployment " + d.id() + " is in uninitialised stateroot " + d.stateroot());
            }
            if (d.staged() && i != 0) {
                throw new IllegalArgumentException("staged deployment " + d.id() + " must be first, is at " + i);
            }
        }
        if (booted != null) {
            int at = indexOf(deployments, booted);
            if (at < 0) {
                throw new IllegalArgumentException("booted deployment " + booted + " is not listed");
            }
            if (deployments.get(at).staged()) {
                throw new IllegalArgumentException("booted deployment " + booted + " cannot be staged");
            }
        }
    }

    private static int indexOf(List<Deployment> list, Deployment.Key key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- views

    /** The number of deployments. */
    public int size() {
        return deployments.size();
    }

    /** The deployment at {@code index} (0 = default), if any. */
    public Optional<Deployment> get(int index) {
        return index >= 0 && index < deployments.size() ? Optional.of(deployments.get(index)) : Optional.empty();
    }

    /** The index of the deployment with {@code key}, or -1. */
    public int indexOf(Deployment.Key key) {
        return indexOf(deployments, key);
    }

    /** The booted deployment, if the sysroot is booted. */
    public Optional<Deployment> bootedDeployment() {
        return booted == null ? Optional.empty() : get(indexOf(booted));
    }

    /** The index of the booted deployment, or -1. */
    public int bootedIndex() {
        return booted == null ? -1 : indexOf(booted);
    }

    /** The staged deployment (always index 0), if any. */
    public Optional<Deployment> staged() {
        return !deployments.isEmpty() && deployments.get(0).staged()
                ? Optional.of(deployments.get(0))
                : Optional.empty();
    }

    /**
     * The pending deployment of {@code stateroot}: its first deployment before the booted one (the staged one or a
     * finalized next boot). Empty when not booted.
     */
    public Optional<Deployment> pending(String stateroot) {
        int bootedAt = bootedIndex();
        for (int i = 0; i < bootedAt; i++) {
            if (deployments.get(i).stateroot().equals(stateroot)) {
                return Optional.of(deployments.get(i));
            }
        }
        return Optional.empty();
    }

    /** The rollback deployment of {@code stateroot}: its first deployment after the booted one. Empty when not booted. */
    public Optional<Deployment> rollback(String stateroot) {
        int bootedAt = bootedIndex();
        if (bootedAt < 0) {
            return Optional.empty();
        }
        for (int i = bootedAt + 1; i < deployments.size(); i++) {
            if (deployments.get(i).stateroot().equals(stateroot)) {
                return Optional.of(deployments.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The merge deployment of {@code stateroot} (source of /etc and kernel arguments for a new deployment): the booted
     * deployment if it is in that stateroot, otherwise the first non-staged deployment of the stateroot.
     */
    public Optional<Deployment> mergeDeployment(String stateroot) {
        Optional<Deployment> b = bootedDeployment();
        if (b.isPresent() && b.get().stateroot().equals(stateroot)) {
            return b;
        }
        for (Deployment d : deployments) {
            if (d.stateroot().equals(stateroot) && !d.staged()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The serial a new deployment of {@code commit} in {@code stateroot} gets: one more than the highest serial of
     * that commit in the stateroot, else 0.
     */
    public int nextSerial(String stateroot, Checksum commit) {
        int max = -1;
        for (Deployment d : deployments) {
            if (d.stateroot().equals(stateroot) && d.commit().equals(commit)) {
                max = Math.max(max, d.serial());
            }
        }
        return max + 1;
    }

    /** Whether {@code d} is the booted deployment. */
    private boolean isBooted(Deployment d) {
        return booted != null && booted.equals(d.key());
    }

    // ---------------------------------------------------------------------------------------------- transitions

    /** {@code ostree admin os-init NAME}: initialises a stateroot (idempotent). */
    public Transition initStateroot(String stateroot) {
        Deployment.checkStateroot(stateroot);
        if (stateroots.contains(stateroot)) {
            return new Transition.Applied(
                    this, this, List.of(), null, "Stateroot " + stateroot + " already initialized");
        }
        Set<String> next = new TreeSet<>(stateroots);
        next.add(stateroot);
        DeploymentList after = new DeploymentList(next, deployments, booted);
        return new Transition.Applied(
                this, after, List.of(), null, "ostree/deploy/" + stateroot + " initialized as OSTree root");
    }

    /**
     * {@code ostree admin deploy}: a new deployment of {@code target}, written with libostree's retention rules.
     * Kernel arguments are inherited from the merge deployment (unless {@code --no-merge} or {@code --karg-none}),
     * then edited.
     */
    public Transition deploy(DeployTarget target, DeployOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (!stateroots.contains(target.stateroot())) {
            return unknownStateroot(target.stateroot());
        }
        Deployment merge =
                options.noMerge() ? null : mergeDeployment(target.stateroot()).orElse(null);
        KernelArgs kargs;
        try {
            kargs = startKargs(merge, options);
        } catch (KernelArgs.KargException e) {
            return new Transition.Refused(Refusal.INVALID_KARGS, e.getMessage());
        }
        return deployWith(target, kargs, merge, options);
    }

    /**
     * The merge deployment's arguments (bootlink position kept) edited; without a merge deployment or with
     * {@code --karg-none} the edits start empty and {@code ostree=} goes last, as libostree appends it.
     */
    private static KernelArgs startKargs(@Nullable Deployment merge, DeployOptions options)
            throws KernelArgs.KargException {
        if (merge == null || options.kargsNone()) {
            return new KernelArgs(KernelArgs.NONE.edit(options.kargEdits()).args());
        }
        return merge.kernelArgs().edit(options.kargEdits());
    }

    private Transition deployWith(
            DeployTarget target, KernelArgs kargs, @Nullable Deployment merge, DeployOptions options) {
        Deployment created = new Deployment(
                target.stateroot(),
                target.commit(),
                nextSerial(target.stateroot(), target.commit()),
                target.bootcsum(),
                target.origin(),
                kargs,
                false,
                false);
        return simpleWrite(
                deployments, created, merge == null ? null : merge.key(), options, "Deployed " + created.id());
    }

    /**
     * {@code ostree admin deploy --stage}: creates a staged deployment that is finalized at shutdown (or by
     * {@link #finalizeStaged()}). Needs a booted sysroot. A previous staged deployment is replaced, unless it is
     * identical (same commit, origin and kernel arguments), which is refused as {@link Refusal#ALREADY_STAGED}.
     * Only the kernel-argument flags of {@code options} apply.
     */
    public Transition stage(DeployTarget target, DeployOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (!stateroots.contains(target.stateroot())) {
            return unknownStateroot(target.stateroot());
        }
        if (booted == null) {
            return new Transition.Refused(
                    Refusal.NOT_BOOTED, "Cannot stage deployment: Not currently booted into an OSTree system");
        }
        Deployment merge =
                options.noMerge() ? null : mergeDeployment(target.stateroot()).orElse(null);
        KernelArgs kargs;
        try {
            kargs = startKargs(merge, options);
        } catch (KernelArgs.KargException e) {
            return new Transition.Refused(Refusal.INVALID_KARGS, e.getMessage());
        }
        return stageWith(target, kargs);
    }

    private Transition stageWith(DeployTarget target, KernelArgs kargs) {
        Optional<Deployment> previous = staged();
        List<Deployment> rest = new ArrayList<>(deployments);
        List<Removal> removed = new ArrayList<>();
        if (previous.isPresent()) {
            Deployment p = previous.get();
            if (p.stateroot().equals(target.stateroot())
                    && p.commit().equals(target.commit())
                    && p.origin().equals(target.origin())
                    && p.kernelArgs().equals(kargs)) {
                return new Transition.Refused(
                        Refusal.ALREADY_STAGED,
                        "Deployment " + p.id() + " is already staged with the same origin and kernel arguments");
            }
            rest.remove(0);
            removed.add(new Removal(p, Removal.Reason.STAGED_REPLACED));
        }
        // the serial counts the replaced staged deployment too, so a new staged deployment never reuses its name
        Deployment created = new Deployment(
                target.stateroot(),
                target.commit(),
                nextSerial(target.stateroot(), target.commit()),
                target.bootcsum(),
                target.origin(),
                kargs,
                false,
                true);
        rest.add(0, created);
        return new Transition.Applied(
                this, new DeploymentList(stateroots, rest, booted), removed, created, "Staged " + created.id());
    }

    /**
     * {@code ostree admin finalize-staged}: turns the staged deployment into the default, written like a deploy with
     * the booted deployment as merge deployment: [new, booted, pinned…, other stateroots…].
     */
    public Transition finalizeStaged() {
        Optional<Deployment> s = staged();
        if (s.isEmpty()) {
            return new Transition.Refused(Refusal.NOT_STAGED, "No staged deployment to finalize");
        }
        Deployment created = s.get().withStaged(false);
        List<Deployment> rest = deployments.subList(1, deployments.size());
        Deployment merge = mergeDeployment(created.stateroot()).orElse(null);
        Transition t = simpleWrite(
                rest, created, merge == null ? null : merge.key(), DeployOptions.DEFAULTS, "Finalized " + created.id());
        Transition.Applied a = (Transition.Applied) t;
        return new Transition.Applied(this, a.after(), a.removed(), created, a.message());
    }

    /**
     * {@code rpm-ostree rollback}: moves the rollback deployment of the booted stateroot to index 0; if there is no
     * rollback but a pending deployment, moves the booted one to index 0 (undoing an earlier rollback). Refused when
     * not booted, when there is neither, and when the pending deployment is staged.
     */
    public Transition rollback() {
        Optional<Deployment> b = bootedDeployment();
        if (b.isEmpty()) {
            return new Transition.Refused(Refusal.NOT_BOOTED, "Not currently booted into an OSTree system");
        }
        String os = b.get().stateroot();
        Optional<Deployment> pending = pending(os);
        Optional<Deployment> rollback = rollback(os);
        if (pending.isEmpty() && rollback.isEmpty()) {
            return new Transition.Refused(Refusal.NO_ROLLBACK, "No rollback deployment found");
        }
        if (pending.isPresent() && pending.get().staged()) {
            return new Transition.Refused(
                    Refusal.STAGED_PENDING,
                    "Cannot roll back: deployment " + pending.get().id() + " is staged (remove it with cleanup -p)");
        }
        Deployment target = rollback.orElse(b.get());
        return moveToFront(target, "Moving '" + target.name() + "' to be first deployment");
    }

    /** {@code ostree admin set-default INDEX}: moves the deployment at {@code index} to index 0. */
    public Transition setDefault(int index) {
        Optional<Deployment> d = get(index);
        if (d.isEmpty()) {
            return outOfRange(index);
        }
        if (index == 0) {
            return new Transition.Applied(
                    this, this, List.of(), null, "Deployment " + index + " is already the default");
        }
        return moveToFront(d.get(), "Deployment " + index + " is now the default");
    }

    private Transition moveToFront(Deployment target, String message) {
        List<Deployment> next = new ArrayList<>();
        next.add(target);
        for (Deployment d : deployments) {
            if (!d.key().equals(target.key())) {
                next.add(d);
            }
        }
        if (next.equals(deployments)) {
            return new Transition.Applied(this, this, List.of(), null, message);
        }
        List<Removal> removed = new ArrayList<>();
        List<Deployment> kept = Retention.dropStagedNotFirst(next, removed);
        return new Transition.Applied(this, new DeploymentList(stateroots, kept, booted), removed, null, message);
    }

    /** {@code ostree admin undeploy INDEX}: removes one deployment; the booted one is refused. */
    public Transition undeploy(int index) {
        Optional<Deployment> d = get(index);
        if (d.isEmpty()) {
            return outOfRange(index);
        }
        if (isBooted(d.get())) {
            return new Transition.Refused(
                    Refusal.REMOVES_BOOTED, "Cannot undeploy currently booted deployment " + index);
        }
        List<Deployment> next = new ArrayList<>(deployments);
        next.remove(index);
        return new Transition.Applied(
                this,
                new DeploymentList(stateroots, next, booted),
                List.of(new Removal(d.get(), Removal.Reason.UNDEPLOYED)),
                null,
                "Deleted deployment " + d.get().name());
    }

    /** {@code ostree admin pin INDEX} ({@code pin=true}) or {@code pin --unpin INDEX}. Staged ones are refused. */
    public Transition pin(int index, boolean pin) {
        Optional<Deployment> d = get(index);
        if (d.isEmpty()) {
            return outOfRange(index);
        }
        if (d.get().staged()) {
            return new Transition.Refused(Refusal.STAGED_PIN, "Cannot pin staged deployment");
        }
        if (d.get().pinned() == pin) {
            return new Transition.Applied(
                    this,
                    this,
                    List.of(),
                    null,
                    "Deployment " + index + " is already " + (pin ? "pinned" : "unpinned"));
        }
        List<Deployment> next = new ArrayList<>(deployments);
        next.set(index, d.get().withPinned(pin));
        return new Transition.Applied(
                this,
                new DeploymentList(stateroots, next, booted),
                List.of(),
                null,
                "Deployment " + index + " is now " + (pin ? "pinned" : "unpinned"));
    }

    /**
     * {@code rpm-ostree kargs}: a new deployment of the booted deployment's commit (or, when not booted, of the
     * default one) with edited kernel arguments. It is staged when {@code stage} is true (needs a booted sysroot),
     * otherwise deployed directly.
     */
    public Transition changeKargs(List<KargEdit> edits, boolean stage) {
        Objects.requireNonNull(edits, "edits");
        Optional<Deployment> base = bootedDeployment();
        if (base.isEmpty()) {
            base = deployments.stream().filter(d -> !d.staged()).findFirst();
        }
        if (base.isEmpty()) {
            return new Transition.Refused(Refusal.NO_DEPLOYMENTS, "No deployments to change kernel arguments of");
        }
        Deployment from = base.get();
        KernelArgs kargs;
        try {
            kargs = from.kernelArgs().edit(edits);
        } catch (KernelArgs.KargException e) {
            return new Transition.Refused(Refusal.INVALID_KARGS, e.getMessage());
        }
        if (kargs.args().equals(from.kernelArgs().args())) {
            return new Transition.Refused(Refusal.KARGS_UNCHANGED, "Kernel arguments are unchanged: " + kargs);
        }
        DeployTarget target = new DeployTarget(from.stateroot(), from.commit(), from.bootcsum(), from.origin());
        if (stage) {
            if (booted == null) {
                return new Transition.Refused(
                        Refusal.NOT_BOOTED, "Cannot stage deployment: Not currently booted into an OSTree system");
            }
            return stageWith(target, kargs);
        }
        return deployWith(target, kargs, mergeDeployment(from.stateroot()).orElse(null), DeployOptions.DEFAULTS);
    }

    /**
     * {@code ostree admin kargs edit-in-place}: applies {@code edits} to the kernel arguments of every bootloader
     * entry (not the staged deployment), without creating a deployment. Refused, with nothing changed, when an edit
     * does not apply to some entry.
     */
    public Transition editKargsInPlace(List<KargEdit> edits) {
        Objects.requireNonNull(edits, "edits");
        List<Deployment> next = new ArrayList<>();
        for (Deployment d : deployments) {
            if (d.staged()) {
                next.add(d);
                continue;
            }
            try {
                next.add(new Deployment(
                        d.stateroot(),
                        d.commit(),
                        d.serial(),
                        d.bootcsum(),
                        d.origin(),
                        d.kernelArgs().edit(edits),
                        d.pinned(),
                        false));
            } catch (KernelArgs.KargException e) {
                return new Transition.Refused(Refusal.INVALID_KARGS, d.id() + ": " + e.getMessage());
            }
        }
        return new Transition.Applied(
                this,
                new DeploymentList(stateroots, next, booted),
                List.of(),
                null,
                "Updated kernel arguments of "
                        + next.stream().filter(d -> !d.staged()).count() + " deployment(s) in place");
    }

    /**
     * {@code rpm-ostree cleanup -p/-r}: removes the pending ({@code pending}) and/or rollback ({@code rollback})
     * deployments of the booted stateroot (of every stateroot's default when not booted: before/after index 0).
     * Pinned deployments and other stateroots are never touched.
     */
    public Transition cleanup(boolean pending, boolean rollback) {
        Optional<Deployment> b = bootedDeployment();
        String os = b.map(Deployment::stateroot).orElse(null);
        int pivot = b.isPresent() ? bootedIndex() : 0;
        List<Deployment> next = new ArrayList<>();
        List<Removal> removed = new ArrayList<>();
        for (int i = 0; i < deployments.size(); i++) {
            Deployment d = deployments.get(i);
            boolean sameOs = os == null || d.stateroot().equals(os);
            boolean before = i < pivot;
            boolean after = i > pivot;
            if (sameOs && !d.pinned() && pending && before) {
                removed.add(new Removal(d, Removal.Reason.CLEANUP_PENDING));
            } else if (sameOs && !d.pinned() && rollback && after) {
                removed.add(new Removal(d, Removal.Reason.CLEANUP_ROLLBACK));
            } else {
                next.add(d);
            }
        }
        List<Deployment> kept = Retention.dropStagedNotFirst(next, removed);
        String message =
                removed.isEmpty() ? "No deployments to clean up" : "Removed " + removed.size() + " deployment(s)";
        return new Transition.Applied(this, new DeploymentList(stateroots, kept, booted), removed, null, message);
    }

    /**
     * Simulates a reboot into the bootloader entry {@code index} (0 = default). A staged deployment is finalized at
     * shutdown first, so indexes refer to the list after finalization.
     */
    public Transition boot(int index) {
        DeploymentList list = this;
        List<Removal> removed = List.of();
        if (staged().isPresent()) {
            Transition.Applied f = (Transition.Applied) finalizeStaged();
            list = f.after();
            removed = f.removed();
        }
        Optional<Deployment> d = list.get(index);
        if (d.isEmpty()) {
            return new Transition.Refused(
                    Refusal.INDEX_OUT_OF_RANGE,
                    "Out of range deployment index " + index + ", expected < " + list.size());
        }
        DeploymentList after =
                new DeploymentList(list.stateroots, list.deployments, d.get().key());
        return new Transition.Applied(
                this, after, removed, null, "Booted " + d.get().id());
    }

    /**
     * Simulates a power loss and a boot into entry {@code index}: a staged deployment is lost (its state lived on
     * tmpfs), the bootloader list is unchanged.
     */
    public Transition bootAfterPowerLoss(int index) {
        List<Deployment> next = new ArrayList<>(deployments);
        List<Removal> removed = new ArrayList<>();
        if (staged().isPresent()) {
            removed.add(new Removal(next.remove(0), Removal.Reason.STAGED_LOST));
        }
        if (index < 0 || index >= next.size()) {
            return new Transition.Refused(
                    Refusal.INDEX_OUT_OF_RANGE,
                    "Out of range deployment index " + index + ", expected < " + next.size());
        }
        DeploymentList after =
                new DeploymentList(stateroots, next, next.get(index).key());
        return new Transition.Applied(
                this, after, removed, null, "Booted " + next.get(index).id());
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** libostree's write of {@code created} into {@code old}: see {@link Retention}. */
    private Transition simpleWrite(
            List<Deployment> old,
            Deployment created,
            Deployment.@Nullable Key merge,
            DeployOptions options,
            String message) {
        return Retention.simpleWrite(this, old, created, merge, options, message);
    }

    private Transition.Refused outOfRange(int index) {
        return new Transition.Refused(
                Refusal.INDEX_OUT_OF_RANGE,
                "Out of range deployment index " + index + ", expected < " + deployments.size());
    }

    private static Transition.Refused unknownStateroot(String stateroot) {
        return new Transition.Refused(
                Refusal.UNKNOWN_STATEROOT, "Unknown stateroot '" + stateroot + "' (initialize it with os-init)");
    }
}
