package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sysroot on disk, laid out as libostree writes it, and the deployment transitions applied to it atomically.
 *
 * <p>Layout: {@code ostree/repo} (bare), {@code ostree/deploy/<stateroot>/{var,deploy/<csum>.<serial>[.origin]}},
 * {@code boot/loader -> loader.<B>} with BLS entries {@code ostree-<n-i>-<stateroot>.conf},
 * {@code ostree/boot.<B> -> boot.<B>.<S>} bootlinks, kernels in {@code boot/ostree/<stateroot>-<bootcsum>/}, and
 * deployment refs {@code ostree/<B>/<S>/<i>} in the repository.
 *
 * <p>Atomicity: a deployment's content is complete and synced before the bootloader changes; the single visible
 * change is {@code rename(boot/loader.tmp, boot/loader)} (or the {@code ostree/boot.<B>} link swap when only the
 * bootlinks change). A crash at any instant leaves either the old or the new list bootable, plus garbage that the
 * next write removes. Deployment refs of both lists exist around the swap, so a prune never removes a deployed commit.
 *
 * <p>Booting is simulated: {@link #boot(int)} records the booted deployment in the run directory (default
 * {@code <sysroot>/run/ostree}), where staged state ({@code staged-deployment}, a keyfile) also lives.
 * Writers take the exclusive lock {@code ostree/lock}; a held lock is refused as {@link Refusal#LOCKED}.
 * Not thread-safe: use one instance per thread.
 *
 * <p>This class is the facade; the work is done by named parts, split as libostree splits ostree-sysroot*.c:
 * {@code DeploymentReader} (loading the list), {@code BootEntries} (BLS entries and their version order),
 * {@code RunState} (booted marker and staged state), {@code OriginFile}, {@code DeploymentWriter} (checkout, /etc
 * merge, staging and finalization), {@code BootloaderWriter} (entries, bootlinks, deployment refs, the swap),
 * {@code KernelInstall} (kernels in /boot and the boot checksum), {@code Cleanup} (garbage removal) and
 * {@code SysrootCheck} ({@link #check()}), all reading their paths from {@code SysrootLayout}.
 *
 * <p>Known gaps against libostree: the deployment root is not {@code chattr +i} (and an immutable root written by
 * libostree is left in place as garbage instead of being deleted), SELinux relabelling and
 * non-BLS bootloaders are not done, devicetrees are ignored, and the staged state is a keyfile, not libostree's a{sv}.
 */
public final class Sysroot {

    private final Path root;
    private final Path runDir;
    private final SysrootLayout layout;
    private final RunState runState;
    private final DeploymentReader reader;
    private final BootloaderWriter bootloader;
    private final Cleanup cleanup;
    private final DeploymentWriter writer;

    private Sysroot(Path root, Path runDir) {
        this.root = root;
        this.runDir = runDir;
        this.layout = new SysrootLayout(root, runDir);
        this.runState = new RunState(layout);
        this.reader = new DeploymentReader(layout, runState);
        this.bootloader = new BootloaderWriter(layout, new KernelInstall(layout));
        this.cleanup = new Cleanup(layout, runState, bootloader);
        this.writer = new DeploymentWriter(layout, reader, runState, bootloader, cleanup);
    }

    /** Opens the sysroot at {@code root} with its run directory at {@code root/run/ostree}. */
    public static Sysroot open(Path root) throws IOException {
        return open(root, root.resolve("run/ostree"));
    }

    /**
     * Opens the sysroot at {@code root}, keeping run-time state (booted marker, staged deployment) in {@code runDir}.
     *
     * @throws NoSuchFileException if {@code root/ostree/repo} is not a repository
     */
    public static Sysroot open(Path root, Path runDir) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(runDir, "runDir");
        SystemRepository.open(root.resolve("ostree/repo"));
        return new Sysroot(root.toAbsolutePath(), runDir.toAbsolutePath());
    }

    /**
     * {@code ostree admin init-fs --modern ROOT}: creates {@code boot/}, {@code ostree/deploy/} and a bare
     * {@code ostree/repo}. Idempotent.
     */
    public static Sysroot initFs(Path root) throws IOException {
        Files.createDirectories(root.resolve("boot"));
        Files.createDirectories(root.resolve("ostree/deploy"));
        SystemRepository.init(root.resolve("ostree/repo"));
        return open(root);
    }

    /** The sysroot directory. */
    public Path path() {
        return root;
    }

    /** The run directory (booted marker, staged state). */
    public Path runDirectory() {
        return runDir;
    }

    /** The system repository. */
    public SystemRepository repository() throws IOException {
        return SystemRepository.open(root.resolve("ostree/repo"));
    }

    /** {@code ostree/deploy/<stateroot>/deploy/<csum>.<serial>}. */
    public Path deploymentDirectory(Deployment d) {
        return layout.deploymentDirectory(d);
    }

    /**
     * Reads the deployment list: bootloader entries of {@code boot/loader} in version order, the staged deployment
     * from the run directory, the booted marker and the stateroots.
     *
     * @throws IOException when the sysroot is unreadable or inconsistent (naming the file)
     */
    public DeploymentList load() throws IOException {
        return reader.load();
    }

    /** The text of {@code boot/ostree/finalize-failure.stamp}, if a finalization failed. */
    public Optional<String> finalizeFailure() throws IOException {
        Path stamp = root.resolve("boot/ostree/finalize-failure.stamp");
        return Files.isRegularFile(stamp)
                ? Optional.of(Files.readString(stamp, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /** The status of every deployment, with version and timestamp read from the system repository. */
    public SysrootStatus status() throws IOException {
        DeploymentList list = load();
        SystemRepository repo = repository();
        List<SysrootStatus.Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Deployment d = list.deployments().get(i);
            String version = null;
            Instant time = Instant.EPOCH;
            if (repo.hasCommit(d.commit())) {
                CommitObject c = repo.readCommit(d.commit());
                version = c.version().orElse(null);
                time = c.time();
            }
            boolean booted = d.key().equals(list.booted());
            boolean pending = list.pending(d.stateroot())
                    .map(p -> p.key().equals(d.key()))
                    .orElse(false);
            boolean rollback = list.rollback(d.stateroot())
                    .map(p -> p.key().equals(d.key()))
                    .orElse(false);
            entries.add(new SysrootStatus.Entry(
                    d,
                    booted,
                    pending,
                    rollback,
                    version,
                    time,
                    d.origin().containerImageReference() == null
                            ? null
                            : ImageDeployment.manifestDigest(repo, d.commit()).orElse(null)));
        }
        return new SysrootStatus(entries, finalizeFailure().orElse(null));
    }

    /**
     * {@code ostree admin config-diff}: the /etc changes of the merge deployment of {@code stateroot}.
     *
     * @throws NoSuchFileException when the stateroot has no deployment
     */
    public ConfigDiff configDiff(String stateroot) throws IOException {
        DeploymentList list = load();
        Deployment merge = list.mergeDeployment(stateroot)
                .orElseThrow(() -> new NoSuchFileException(
                        root.resolve("ostree/deploy").resolve(stateroot).toString(),
                        null,
                        "no deployment in stateroot"));
        Path dir = deploymentDirectory(merge);
        return EtcMerge.diff(dir.resolve("usr/etc"), dir.resolve("etc"));
    }

    /** {@code ostree admin os-init NAME}: creates {@code ostree/deploy/NAME/var} (idempotent). */
    public Transition osInit(String stateroot) throws IOException {
        Deployment.checkStateroot(stateroot);
        return locked(list -> {
            Transition t = list.initStateroot(stateroot);
            writer.initStateroot(stateroot);
            return t;
        });
    }

    /**
     * {@code ostree admin deploy --os=STATEROOT REFSPEC}: checks out the commit, merges /etc from the merge
     * deployment, writes the origin, then swaps the bootloader to the new list and cleans up.
     *
     * @param refspec a local ref, {@code remote:ref} or commit checksum of the system repository; becomes the origin
     */
    public Transition deploy(String stateroot, String refspec, DeployOptions options) throws IOException {
        return deployOrStage(stateroot, refspec, options, false);
    }

    /**
     * {@code ostree admin deploy --stage}: checks out the commit and writes its origin now; the /etc merge and the
     * bootloader change wait for {@link #finalizeStaged()} (or {@link #boot(int)}, which finalizes first).
     */
    public Transition stage(String stateroot, String refspec, DeployOptions options) throws IOException {
        return deployOrStage(stateroot, refspec, options, true);
    }

    private Transition deployOrStage(String stateroot, String refspec, DeployOptions options, boolean stage)
            throws IOException {
        Objects.requireNonNull(refspec, "refspec");
        Objects.requireNonNull(options, "options");
        return locked(list -> {
            if (!list.stateroots().contains(stateroot)) {
                return new Transition.Refused(
                        Refusal.UNKNOWN_STATEROOT,
                        "Unknown stateroot '" + stateroot + "' (initialize it with os-init)");
            }
            SystemRepository repo = repository();
            Optional<Checksum> commit = repo.resolve(refspec);
            if (commit.isEmpty()) {
                return new Transition.Refused(
                        Refusal.MISSING_COMMIT, "Refspec '" + refspec + "' not found in " + repo.path());
            }
            Optional<Checksum> bootcsum = KernelInstall.bootcsum(repo, commit.get());
            if (bootcsum.isEmpty()) {
                return new Transition.Refused(
                        Refusal.INVALID_TREE,
                        "Commit " + commit.get().hex() + ": failed to find kernel in /usr/lib/modules/<kver>/vmlinuz");
            }
            DeployTarget target = new DeployTarget(stateroot, commit.get(), bootcsum.get(), Origin.ofRefspec(refspec));
            Transition t = stage ? list.stage(target, options) : list.deploy(target, options);
            return writer.apply(list, t, !stage && !options.noMerge());
        });
    }

    /** {@code ostree admin finalize-staged}: merges /etc into the staged deployment and makes it the default. */
    public Transition finalizeStaged() throws IOException {
        return locked(writer::finalizeStaged);
    }

    /**
     * Simulates a reboot into bootloader entry {@code index}: a staged deployment is finalized first (as
     * {@code ostree-finalize-staged.service} does at shutdown), then the booted marker is written.
     */
    public Transition boot(int index) throws IOException {
        return locked(list -> {
            Transition t = list.boot(index);
            if (!t.isApplied()) {
                return t;
            }
            DeploymentList now = list;
            if (list.staged().isPresent()) {
                Transition f = writer.finalizeStaged(list);
                now = load();
                if (!f.isApplied()) {
                    t = now.boot(index);
                    if (!t.isApplied()) {
                        return t;
                    }
                }
            }
            Deployment target = t.list().bootedDeployment().orElseThrow();
            runState.writeBooted(target);
            return new Transition.Applied(list, load(), ((Transition.Applied) t).removed(), null, t.message());
        });
    }

    /** {@code rpm-ostree rollback}. */
    public Transition rollback() throws IOException {
        return locked(list -> writer.apply(list, list.rollback(), false));
    }

    /** {@code ostree admin set-default INDEX}. */
    public Transition setDefault(int index) throws IOException {
        return locked(list -> writer.apply(list, list.setDefault(index), false));
    }

    /** {@code ostree admin undeploy INDEX}. */
    public Transition undeploy(int index) throws IOException {
        return locked(list -> writer.apply(list, list.undeploy(index), false));
    }

    /** {@code ostree admin pin INDEX} / {@code pin --unpin INDEX}: rewrites the origin file only. */
    public Transition pin(int index, boolean pin) throws IOException {
        return locked(list -> {
            Transition t = list.pin(index, pin);
            if (t.isApplied() && ((Transition.Applied) t).changed()) {
                Deployment d = t.list().deployments().get(index);
                OriginFile.rewritePinned(layout.originFile(d), d.pinned());
            }
            return t;
        });
    }

    /** {@code rpm-ostree kargs}: a new deployment of the booted (else default) commit with edited kernel arguments. */
    public Transition changeKargs(List<KargEdit> edits, boolean stage) throws IOException {
        return locked(list -> writer.apply(list, list.changeKargs(edits, stage), !stage));
    }

    /**
     * {@code ostree admin kargs edit-in-place}: rewrites the {@code options} line of every current BLS entry (each
     * file atomically, the set not: as libostree), with no new deployment and no bootloader swap.
     */
    public Transition editKargsInPlace(List<KargEdit> edits) throws IOException {
        return locked(list -> {
            Transition t = list.editKargsInPlace(edits);
            if (!t.isApplied()) {
                return t;
            }
            for (BootEntries.Entry e : BootEntries.read(layout)) {
                String options = e.options();
                KernelArgs edited;
                try {
                    edited = KernelArgs.parse(options).edit(edits);
                } catch (KernelArgs.KargException ex) {
                    return new Transition.Refused(Refusal.INVALID_KARGS, e.file() + ": " + ex.getMessage());
                }
                BootEntries.rewriteOptions(
                        e,
                        edited.toOptions(Objects.requireNonNull(
                                BootEntries.bootlink(options), "a loaded entry has an ostree= bootlink")));
            }
            return t;
        });
    }

    /** {@code rpm-ostree cleanup -p/-r}, then removal of every unlisted deployment directory and boot file. */
    public Transition cleanup(boolean pending, boolean rollback) throws IOException {
        return locked(list -> {
            Transition t = writer.apply(list, list.cleanup(pending, rollback), false);
            if (t.isApplied()) {
                cleanup.run(load());
            }
            return t;
        });
    }

    /**
     * Checks that the sysroot is consistent: the loader symlink, every entry's bootlink, deployment directory,
     * origin and kernel files, the bootlink symlink, a deployment ref for every deployed commit, and no orphaned
     * deployment directory (one that no bootloader entry, staged state or booted marker names: the garbage of an
     * interrupted deploy, or a staged deployment lost by an interrupted finalization).
     *
     * @return the problems found, empty when consistent
     */
    public List<String> check() throws IOException {
        return new SysrootCheck(layout, reader).problems();
    }

    private interface LockedStep {
        Transition run(DeploymentList list) throws IOException;
    }

    /** As libostree after writing deployments: touch {@code ostree/deploy}, so that watchers see the change. */
    private void bumpDeployMtime() throws IOException {
        Path deploy = root.resolve("ostree/deploy");
        if (Files.isDirectory(deploy, LinkOption.NOFOLLOW_LINKS)) {
            Files.setLastModifiedTime(deploy, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        }
    }

    /** Runs {@code step} on the current list under the exclusive sysroot lock ({@code ostree/lock}). */
    private Transition locked(LockedStep step) throws IOException {
        Path lockFile = root.resolve("ostree/lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return new Transition.Refused(
                        Refusal.LOCKED, "System transaction in progress (" + lockFile + " is locked)");
            }
            boolean before = Fs.setSync(repository().fsync());
            try {
                Transition t = step.run(load());
                if (t.isApplied()) {
                    bumpDeployMtime();
                }
                return t;
            } finally {
                Fs.setSync(before);
                lock.release();
            }
        }
    }

    /**
     * rpm-ostree's deploy of a container image ({@code rpm-ostree rebase ostree-unverified-registry:…}): imports
     * {@code image} (every digest and object verified; layers the sysroot already holds are not read) into the
     * sysroot's image store, pulls its commit into the system repository, and deploys it as {@link #deploy} does, with
     * the origin {@code container-image-reference=<image>}. {@link #status()} then shows the manifest digest.
     *
     * @throws dev.coreos4j.ostree.container.ImageException when the image is refused; nothing is deployed
     */
    public Transition deployImage(
            String stateroot, dev.coreos4j.ostree.container.ImageReference image, DeployOptions options)
            throws IOException {
        return deployImage(stateroot, image, options, false);
    }

    /** As {@link #deployImage}, staged like {@link #stage}: finalized at the next boot or by {@link #finalizeStaged}. */
    public Transition stageImage(
            String stateroot, dev.coreos4j.ostree.container.ImageReference image, DeployOptions options)
            throws IOException {
        return deployImage(stateroot, image, options, true);
    }

    private Transition deployImage(
            String stateroot, dev.coreos4j.ostree.container.ImageReference image, DeployOptions options, boolean stage)
            throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        Deployment.checkStateroot(stateroot);
        if (!load().stateroots().contains(stateroot)) {
            return new Transition.Refused(
                    Refusal.UNKNOWN_STATEROOT, "Unknown stateroot '" + stateroot + "' (initialize it with os-init)");
        }
        Checksum commit = ImageDeployment.pull(this, image).commit();
        Origin origin = Origin.ofContainerImage(image.toString());
        return locked(list -> {
            if (!list.stateroots().contains(stateroot)) {
                return new Transition.Refused(
                        Refusal.UNKNOWN_STATEROOT,
                        "Unknown stateroot '" + stateroot + "' (initialize it with os-init)");
            }
            SystemRepository repo = repository();
            Optional<Checksum> bootcsum = KernelInstall.bootcsum(repo, commit);
            if (bootcsum.isEmpty()) {
                return new Transition.Refused(
                        Refusal.INVALID_TREE,
                        "Commit " + commit.hex() + ": failed to find kernel in /usr/lib/modules/<kver>/vmlinuz");
            }
            DeployTarget target = new DeployTarget(stateroot, commit, bootcsum.get(), origin);
            Transition t = stage ? list.stage(target, options) : list.deploy(target, options);
            return writer.apply(list, t, !stage && !options.noMerge());
        });
    }
}
