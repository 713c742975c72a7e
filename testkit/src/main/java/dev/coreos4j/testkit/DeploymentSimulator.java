package dev.coreos4j.testkit;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.DeployTarget;
import dev.coreos4j.ostree.deploy.Deployment;
import dev.coreos4j.ostree.deploy.DeploymentList;
import dev.coreos4j.ostree.deploy.KargEdit;
import dev.coreos4j.ostree.deploy.Origin;
import dev.coreos4j.ostree.deploy.Removal;
import dev.coreos4j.ostree.deploy.Sysroot;
import dev.coreos4j.ostree.deploy.SystemRepository;
import dev.coreos4j.ostree.deploy.Transition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import org.jspecify.annotations.Nullable;

/**
 * One machine's deployment list stepped through deploy, stage, finalize, reboot, rollback, set-default, undeploy,
 * pin/unpin, kernel-argument changes, cleanup and power loss at any point, with libostree's semantics
 * ({@link DeploymentList}). After every applied step the simulator checks {@link DeploymentInvariants} (and throws
 * {@link InvariantViolation}); refused steps change nothing and are counted.
 *
 * <p>Power loss: the staged deployment lives on tmpfs and is always lost. A power loss <em>during</em> a write
 * (deploy, finalize, rollback) boots either the old bootloader list or the new one: the single atomic commit point
 * is the rename of {@code /boot/loader}. Which one is chosen by the caller ({@code landed}) or, in the overloads
 * without it, by the simulator's seeded random source. Finalization unlinks its state file first, so a finalization
 * interrupted before the commit point loses the staged deployment. An out-of-range boot index refuses the whole step.
 *
 * <p>Model mode ({@link #DeploymentSimulator(long)}) uses four synthetic commits; disk mode ({@link #onDisk}) runs
 * every step on a real {@link Sysroot} in a directory as well and checks, after each step, that the disk loads as
 * exactly the model's list and passes {@link Sysroot#check()} (invariant {@code disk-matches-model}).
 *
 * <p>Deterministic for a seed. Not thread-safe. Use it step by step from JUnit, or from jqwik through
 * {@link #actionChains(Supplier, int)} and the single actions ({@link #deployAction()}, ...).
 */
public final class DeploymentSimulator {

    /** The stateroots the actions use. */
    public static final List<String> STATEROOTS = List.of("fedora", "rhcos");

    private static final List<Checksum> MODEL_COMMITS = Stream.of("commit-1", "commit-2", "commit-3", "commit-4")
            .map(s -> Checksum.sha256(s.getBytes(StandardCharsets.UTF_8)))
            .toList();
    private static final Checksum BOOT_A = Checksum.sha256("kernel-a".getBytes(StandardCharsets.UTF_8));
    private static final Checksum BOOT_B = Checksum.sha256("kernel-b".getBytes(StandardCharsets.UTF_8));

    private final Random random;
    private final @Nullable Sysroot sysroot;
    private final List<Checksum> commits;
    private final List<Checksum> diskBootcsums;
    private DeploymentList list = DeploymentList.EMPTY;
    private boolean everBooted;
    private int applied;
    private int refused;
    private final List<String> history = new ArrayList<>();

    /** A model-only simulator of an empty sysroot, with four synthetic commits (two kernels). */
    public DeploymentSimulator(long seed) {
        this(seed, null, MODEL_COMMITS);
    }

    private DeploymentSimulator(long seed, @Nullable Sysroot sysroot, List<Checksum> commits) {
        this.random = new Random(seed);
        this.sysroot = sysroot;
        this.commits = List.copyOf(commits);
        this.diskBootcsums = new ArrayList<>();
    }

    /**
     * A simulator backed by a real sysroot initialised in {@code dir/sysroot} (created; fsync disabled to keep tests
     * fast) whose repository holds three bootable commits on {@code os/stable} (the first two with kernel
     * {@code 6.1.0}, the third with {@code 6.2.0}, each with a different {@code /usr/etc/app.conf}).
     *
     * @throws IOException if the sysroot cannot be created
     */
    public static DeploymentSimulator onDisk(long seed, Path dir) throws IOException {
        Path root = dir.resolve("sysroot");
        Sysroot.initFs(root);
        Files.writeString(root.resolve("ostree/repo/config"), "fsync=false\n", java.nio.file.StandardOpenOption.APPEND);
        Sysroot s = Sysroot.open(root);
        SystemRepository repo = s.repository();
        List<Checksum> cs = new ArrayList<>();
        List<Checksum> boots = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String kernel = i == 3 ? "k2" : "k1";
            Path tree = FileTreeSpec.osTree(i == 3 ? "6.2.0" : "6.1.0", kernel, Map.of("app.conf", "v" + i + "\n"))
                    .writeTo(dir.resolve("tree" + i));
            cs.add(repo.commit(tree, "os/stable", "c" + i, i + ".0", Instant.ofEpochSecond(1_700_000_000L + i)));
            // libostree's boot checksum: SHA-256 of the kernel followed by the initramfs
            boots.add(Checksum.sha256((kernel + "initrd for " + kernel).getBytes(StandardCharsets.UTF_8)));
        }
        DeploymentSimulator sim = new DeploymentSimulator(seed, s, cs);
        sim.diskBootcsums.addAll(boots);
        return sim;
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The current deployment list. */
    public DeploymentList list() {
        return list;
    }

    /** The commits deploy and stage can use (by index). */
    public List<Checksum> commits() {
        return commits;
    }

    /** The real sysroot in disk mode. */
    public Optional<Sysroot> sysroot() {
        return Optional.ofNullable(sysroot);
    }

    /** Whether the machine has booted at least once (from then on exactly one deployment is booted). */
    public boolean everBooted() {
        return everBooted;
    }

    /** How many steps were applied. */
    public int applied() {
        return applied;
    }

    /** How many steps were refused (and changed nothing). */
    public int refused() {
        return refused;
    }

    /** Every step so far, one line each ({@code deploy fedora c1 -> applied: ...}). */
    public List<String> history() {
        return Collections.unmodifiableList(history);
    }

    /** The target a model-mode deploy of {@code commits().get(commit)} to {@code stateroot} uses. */
    public DeployTarget target(String stateroot, int commit) {
        Checksum c = commits.get(commit);
        if (sysroot != null) {
            return new DeployTarget(stateroot, c, diskBootcsums.get(commit), Origin.ofRefspec(c.hex()));
        }
        return new DeployTarget(
                stateroot, c, commit % 2 == 0 ? BOOT_A : BOOT_B, Origin.ofRefspec(stateroot + "/stable"));
    }

    @Override
    public String toString() {
        return "DeploymentSimulator" + DeploymentInvariants.ids(list)
                + (sysroot == null ? "" : " on " + sysroot.path());
    }

    // ------------------------------------------------------------------------------------------------ steps

    private interface DiskStep {
        Transition apply(Sysroot s) throws IOException;
    }

    /** {@code ostree admin os-init}. */
    public Transition osInit(String stateroot) {
        return step(
                DeploymentInvariants.Step.OS_INIT,
                "os-init " + stateroot,
                l -> l.initStateroot(stateroot),
                s -> s.osInit(stateroot));
    }

    /** {@code ostree admin deploy} of commit number {@code commit} to {@code stateroot}. */
    public Transition deploy(String stateroot, int commit, DeployOptions options) {
        return deployOrStage(stateroot, commit, options, false);
    }

    /** {@code ostree admin deploy --stage} of commit number {@code commit}. */
    public Transition stage(String stateroot, int commit, DeployOptions options) {
        return deployOrStage(stateroot, commit, options, true);
    }

    private Transition deployOrStage(String os, int commit, DeployOptions options, boolean stage) {
        Objects.checkIndex(commit, commits.size());
        Objects.requireNonNull(options, "options");
        String what = (stage ? "stage " : "deploy ") + os + " c" + commit + " " + options;
        DeploymentInvariants.Step kind = stage ? DeploymentInvariants.Step.STAGE : DeploymentInvariants.Step.DEPLOY;
        return step(
                kind,
                what,
                l -> stage ? l.stage(target(os, commit), options) : l.deploy(target(os, commit), options),
                s -> stage
                        ? s.stage(os, commits.get(commit).hex(), options)
                        : s.deploy(os, commits.get(commit).hex(), options));
    }

    /** {@code ostree admin finalize-staged} (without a reboot). */
    public Transition finalizeStaged() {
        return step(
                DeploymentInvariants.Step.FINALIZE,
                "finalize",
                DeploymentList::finalizeStaged,
                Sysroot::finalizeStaged);
    }

    /** A clean reboot into bootloader entry {@code index}; a staged deployment is finalized at shutdown first. */
    public Transition reboot(int index) {
        return step(DeploymentInvariants.Step.REBOOT, "reboot " + index, l -> l.boot(index), s -> s.boot(index));
    }

    /** {@code rpm-ostree rollback}. */
    public Transition rollback() {
        return step(DeploymentInvariants.Step.ROLLBACK, "rollback", DeploymentList::rollback, Sysroot::rollback);
    }

    /** {@code ostree admin set-default index}. */
    public Transition setDefault(int index) {
        return step(
                DeploymentInvariants.Step.SET_DEFAULT,
                "set-default " + index,
                l -> l.setDefault(index),
                s -> s.setDefault(index));
    }

    /** {@code ostree admin undeploy index}. */
    public Transition undeploy(int index) {
        return step(
                DeploymentInvariants.Step.UNDEPLOY,
                "undeploy " + index,
                l -> l.undeploy(index),
                s -> s.undeploy(index));
    }

    /** {@code ostree admin pin index} ({@code pin}) or {@code --unpin}. */
    public Transition pin(int index, boolean pin) {
        return step(
                DeploymentInvariants.Step.PIN,
                (pin ? "pin " : "unpin ") + index,
                l -> l.pin(index, pin),
                s -> s.pin(index, pin));
    }

    /** {@code rpm-ostree kargs}: a new deployment with edited kernel arguments (staged when {@code stage}). */
    public Transition changeKargs(List<KargEdit> edits, boolean stage) {
        List<KargEdit> copy = List.copyOf(edits);
        return step(
                DeploymentInvariants.Step.KARGS,
                "kargs " + copy + (stage ? " staged" : ""),
                l -> l.changeKargs(copy, stage),
                s -> s.changeKargs(copy, stage));
    }

    /** {@code rpm-ostree cleanup} with {@code -p} ({@code pending}) and/or {@code -r} ({@code rollback}). */
    public Transition cleanup(boolean pending, boolean rollback) {
        return step(
                DeploymentInvariants.Step.CLEANUP,
                "cleanup" + (pending ? " -p" : "") + (rollback ? " -r" : ""),
                l -> l.cleanup(pending, rollback),
                s -> s.cleanup(pending, rollback));
    }

    /** Power loss while idle, then a boot into entry {@code index}: a staged deployment is lost. */
    public Transition powerLoss(int index) {
        return interrupted("power loss, boot " + index, null, true, index);
    }

    /** A power loss during a deploy; the seeded random source decides whether the bootloader swap landed. */
    public Transition powerLossDuringDeploy(String stateroot, int commit, DeployOptions options, int index) {
        return powerLossDuringDeploy(stateroot, commit, options, random.nextBoolean(), index);
    }

    /**
     * A power loss during a deploy: when {@code landed}, after the bootloader swap (the new list boots), otherwise
     * before it (the old list boots). A staged deployment is lost either way.
     */
    public Transition powerLossDuringDeploy(
            String stateroot, int commit, DeployOptions options, boolean landed, int index) {
        Objects.checkIndex(commit, commits.size());
        return interrupted(
                "power loss during deploy " + stateroot + " c" + commit + (landed ? " (landed)" : ""),
                new Write(
                        l -> l.deploy(target(stateroot, commit), options),
                        s -> s.deploy(stateroot, commits.get(commit).hex(), options)),
                landed,
                index);
    }

    /** A power loss during staging: the staged state lives on tmpfs, so the old list boots. */
    public Transition powerLossDuringStage(String stateroot, int commit, DeployOptions options, int index) {
        Objects.checkIndex(commit, commits.size());
        return interrupted(
                "power loss during stage " + stateroot + " c" + commit,
                new Write(
                        l -> l.stage(target(stateroot, commit), options),
                        s -> s.stage(stateroot, commits.get(commit).hex(), options)),
                random.nextBoolean(),
                index);
    }

    /** A power loss during finalization; the seeded random source decides whether the swap landed. */
    public Transition powerLossDuringFinalize(int index) {
        return powerLossDuringFinalize(random.nextBoolean(), index);
    }

    /**
     * A power loss during {@code finalize-staged}: when {@code landed}, the finalized list boots; otherwise the old
     * bootloader list boots and the staged deployment is lost (its state file is unlinked first).
     */
    public Transition powerLossDuringFinalize(boolean landed, int index) {
        return interrupted(
                "power loss during finalize" + (landed ? " (landed)" : ""),
                new Write(DeploymentList::finalizeStaged, Sysroot::finalizeStaged),
                landed,
                index);
    }

    /** A power loss during a rollback; the seeded random source decides whether the swap landed. */
    public Transition powerLossDuringRollback(int index) {
        return powerLossDuringRollback(random.nextBoolean(), index);
    }

    /** A power loss during {@code rpm-ostree rollback}: the new order boots when {@code landed}, else the old. */
    public Transition powerLossDuringRollback(boolean landed, int index) {
        return interrupted(
                "power loss during rollback" + (landed ? " (landed)" : ""),
                new Write(DeploymentList::rollback, Sysroot::rollback),
                landed,
                index);
    }

    private record Write(Function<DeploymentList, Transition> model, DiskStep disk) {}

    private Transition interrupted(String what, @Nullable Write write, boolean landed, int index) {
        DeploymentList before = list;
        DeploymentList written = before;
        List<Removal> removed = new ArrayList<>();
        boolean stageWrite = write != null && what.contains("during stage");
        Transition w = write == null ? null : write.model().apply(before);
        Deployment added = null;
        if (w != null && w.isApplied() && landed && !stageWrite) {
            written = w.list();
            removed.addAll(((Transition.Applied) w).removed());
            added = ((Transition.Applied) w).added();
        }
        Transition boot = written.bootAfterPowerLoss(index);
        if (!boot.isApplied()) {
            return record(DeploymentInvariants.Step.POWER_LOSS, what, boot, null);
        }
        removed.addAll(((Transition.Applied) boot).removed());
        DeploymentList after = boot.list();
        if (w != null && w.isApplied()) {
            DeploymentInvariants.checkOldOrNew(before, w.list(), after);
        } else {
            DeploymentInvariants.checkOldOrNew(before, before, after);
        }
        Transition t = new Transition.Applied(before, after, removed, added, boot.message());
        Transition disk = null;
        if (sysroot != null) {
            DeploymentList writtenFinal = written;
            disk = io(() -> {
                if (write != null && (written(writtenFinal, before) || stageWrite)) {
                    write.disk().apply(sysroot);
                }
                deleteTree(sysroot.runDirectory());
                return sysroot.boot(index);
            });
        }
        return record(DeploymentInvariants.Step.POWER_LOSS, what, t, disk);
    }

    @SuppressWarnings("ReferenceEquality") // identity: whether the write replaced the list
    private static boolean written(DeploymentList written, DeploymentList before) {
        return written != before;
    }

    private Transition step(
            DeploymentInvariants.Step kind, String what, Function<DeploymentList, Transition> model, DiskStep disk) {
        Transition t = model.apply(list);
        Transition d = disk == null || sysroot == null ? null : io(() -> disk.apply(sysroot));
        return record(kind, what, t, d);
    }

    private Transition record(DeploymentInvariants.Step kind, String what, Transition t, @Nullable Transition disk) {
        history.add(what + " -> "
                + (t.isApplied() ? "applied" : "refused " + t.refusal().reason()) + ": " + t.message());
        if (disk != null && disk.isApplied() != t.isApplied()) {
            throw new InvariantViolation(
                    "disk-matches-model",
                    what,
                    "model " + (t.isApplied() ? "applied" : "refused") + " (" + t.message() + "), disk "
                            + (disk.isApplied() ? "applied" : "refused") + " (" + disk.message() + ")");
        }
        if (!t.isApplied()) {
            if (disk != null && disk.refusal().reason() != t.refusal().reason()) {
                throw new InvariantViolation(
                        "disk-matches-model",
                        what,
                        "model refused " + t.refusal().reason() + ", disk refused "
                                + disk.refusal().reason());
            }
            refused++;
            return t;
        }
        DeploymentInvariants.checkTransition(kind, (Transition.Applied) t);
        list = t.list();
        everBooted |= list.booted() != null;
        if (everBooted) {
            DeploymentInvariants.checkBooted(list);
        }
        applied++;
        if (sysroot != null) {
            DeploymentList loaded = io(sysroot::load);
            if (!loaded.equals(list)) {
                throw new InvariantViolation(
                        "disk-matches-model",
                        what,
                        "disk loads as " + DeploymentInvariants.ids(loaded) + ", model is "
                                + DeploymentInvariants.ids(list));
            }
            // a power loss drops /run and with it the staged state: the staged deployment's directory is then
            // garbage that the next write removes, which check() rightly reports as orphaned
            List<String> problems = io(sysroot::check).stream()
                    .filter(p -> kind != DeploymentInvariants.Step.POWER_LOSS
                            || !p.contains("orphaned deployment directory"))
                    .toList();
            if (!problems.isEmpty()) {
                throw new InvariantViolation("disk-matches-model", what, "sysroot check: " + problems);
            }
        }
        return t;
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        dev.coreos4j.ostree.repo.FileTrees.deleteTree(dir);
    }

    // ------------------------------------------------------------------------------------------------ jqwik

    /** {@code os-init} of one of {@link #STATEROOTS}. */
    public static Action.Independent<DeploymentSimulator> osInitAction() {
        return DeploymentActions.osInitAction();
    }

    /** A direct deploy of commit 0..2 with random retain/not-as-default/no-merge options. */
    public static Action.Independent<DeploymentSimulator> deployAction() {
        return DeploymentActions.deployAction();
    }

    /** A staged deploy of commit 0..2. */
    public static Action.Independent<DeploymentSimulator> stageAction() {
        return DeploymentActions.stageAction();
    }

    /** {@code finalize-staged}. */
    public static Action.Independent<DeploymentSimulator> finalizeAction() {
        return DeploymentActions.finalizeAction();
    }

    /** A clean reboot into entry -1..4 (out-of-range indexes are refused). */
    public static Action.Independent<DeploymentSimulator> rebootAction() {
        return DeploymentActions.rebootAction();
    }

    /** {@code rollback}. */
    public static Action.Independent<DeploymentSimulator> rollbackAction() {
        return DeploymentActions.rollbackAction();
    }

    /** {@code set-default} of -1..4. */
    public static Action.Independent<DeploymentSimulator> setDefaultAction() {
        return DeploymentActions.setDefaultAction();
    }

    /** {@code undeploy} of -1..4. */
    public static Action.Independent<DeploymentSimulator> undeployAction() {
        return DeploymentActions.undeployAction();
    }

    /** {@code pin} or {@code unpin} of -1..4. */
    public static Action.Independent<DeploymentSimulator> pinAction() {
        return DeploymentActions.pinAction();
    }

    /** A kernel-argument change (append/replace/delete of {@code quiet}, {@code debug}, {@code a=1}, {@code a=2}). */
    public static Action.Independent<DeploymentSimulator> kargsAction() {
        return DeploymentActions.kargsAction();
    }

    /** {@code cleanup} with any combination of {@code -p} and {@code -r}. */
    public static Action.Independent<DeploymentSimulator> cleanupAction() {
        return DeploymentActions.cleanupAction();
    }

    /**
     * A power loss at any point: while idle, or during a deploy, stage, finalize or rollback, landing before or after
     * the commit point (chosen by the generator, so jqwik shrinks it), then a boot into entry 0..3.
     */
    public static Action.Independent<DeploymentSimulator> powerLossAction() {
        return DeploymentActions.powerLossAction();
    }

    /**
     * Chains of every action above (weighted towards deploys, stages and reboots), starting from {@code start}.
     * Each step checks the invariants itself; add your own with {@link ActionChain#withInvariant}.
     *
     * @param start    makes a fresh simulator for each chain (e.g. {@code () -> new DeploymentSimulator(42)})
     * @param maxSteps the chain length limit
     */
    public static Arbitrary<ActionChain<DeploymentSimulator>> actionChains(
            Supplier<DeploymentSimulator> start, int maxSteps) {
        return ActionChain.startWith(start)
                .withAction(3, osInitAction())
                .withAction(6, deployAction())
                .withAction(3, stageAction())
                .withAction(2, finalizeAction())
                .withAction(4, rebootAction())
                .withAction(2, powerLossAction())
                .withAction(3, rollbackAction())
                .withAction(2, setDefaultAction())
                .withAction(2, undeployAction())
                .withAction(2, pinAction())
                .withAction(2, kargsAction())
                .withAction(2, cleanupAction())
                .withMaxTransformations(maxSteps);
    }

    /** Model-mode chains of up to 40 steps from an empty sysroot. */
    public static Arbitrary<ActionChain<DeploymentSimulator>> actionChains() {
        return actionChains(() -> new DeploymentSimulator(0), 40);
    }
}
