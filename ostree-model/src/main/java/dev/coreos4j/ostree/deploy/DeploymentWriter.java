package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes the disk follow an applied {@link Transition}, as libostree's deploy path (ostree's
 * src/libostree/ostree-sysroot-deploy.c): a created deployment is checked out from the system repository, its /etc
 * made from /usr/etc and three-way merged from the merge deployment ({@link EtcMerge}), its origin written and
 * everything synced; a staged deployment gets its deployment ref and then the staged state file; otherwise the
 * bootloader is swapped ({@link BootloaderWriter}) and garbage removed ({@link Cleanup}). A refused checkout or merge
 * removes what it created and comes back as a {@link Transition.Refused}.
 */
final class DeploymentWriter {

    private final SysrootLayout layout;
    private final Path root;
    private final DeploymentReader reader;
    private final RunState runState;
    private final BootloaderWriter bootloader;
    private final Cleanup cleanup;

    DeploymentWriter(
            SysrootLayout layout,
            DeploymentReader reader,
            RunState runState,
            BootloaderWriter bootloader,
            Cleanup cleanup) {
        this.layout = layout;
        this.root = layout.root();
        this.reader = reader;
        this.runState = runState;
        this.bootloader = bootloader;
        this.cleanup = cleanup;
    }

    /** Makes the disk match an applied transition: prepare a created deployment, then write the list. */
    Transition apply(DeploymentList before, Transition t, boolean mergeEtc) throws IOException {
        if (!t.isApplied()) {
            return t;
        }
        Transition.Applied a = (Transition.Applied) t;
        Deployment added = a.added();
        if (added != null) {
            Deployment merge = before.mergeDeployment(added.stateroot()).orElse(null);
            try {
                prepare(added, mergeEtc ? merge : null);
            } catch (EtcMerge.MergeException e) {
                Fs.deleteTree(layout.deploymentDirectory(added));
                Files.deleteIfExists(layout.originFile(added));
                return new Transition.Refused(Refusal.ETC_MERGE_FAILED, e.getMessage());
            } catch (InvalidTreeException e) {
                Fs.deleteTree(layout.deploymentDirectory(added));
                Files.deleteIfExists(layout.originFile(added));
                return new Transition.Refused(Refusal.INVALID_TREE, e.getMessage());
            }
        }
        if (!a.changed()) {
            return t;
        }
        if (added != null && added.staged()) {
            // the staged commit gets its deployment ref before the state file makes it visible: a kill in between
            // must not leave a staged deployment that prune would remove
            int b = layout.bootversion();
            bootloader.writeRefs(b, layout.subbootversion(b), a.after());
            runState.writeStaged(
                    added, before.mergeDeployment(added.stateroot()).orElse(null));
        }
        bootloader.write(before, a.after());
        if (added == null || !added.staged()) {
            if (before.staged().isPresent() && a.after().staged().isEmpty()) {
                // only after the swap: until then a kill leaves the staged deployment staged
                runState.deleteStaged();
            }
        }
        cleanup.run(a.after());
        return t;
    }

    private static final class InvalidTreeException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTreeException(String message) {
            super(message);
        }

        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    /** Checks out {@code d}, creates /etc from /usr/etc, merges /etc from {@code merge} if given, writes the origin. */
    private void prepare(Deployment d, @Nullable Deployment merge)
            throws IOException, EtcMerge.MergeException, InvalidTreeException {
        Path dir = layout.deploymentDirectory(d);
        Fs.deleteTree(dir); // garbage of an interrupted earlier attempt with the same name
        Files.deleteIfExists(layout.originFile(d));
        Path parent = Objects.requireNonNull(dir.getParent(), "deployment directories have a parent");
        Files.createDirectories(parent);
        layout.repository().checkout(d.commit(), dir);
        Path usrEtc = dir.resolve("usr/etc");
        Path etc = dir.resolve("etc");
        boolean hasUsrEtc = Files.isDirectory(usrEtc, LinkOption.NOFOLLOW_LINKS);
        boolean hasEtc = Files.exists(etc, LinkOption.NOFOLLOW_LINKS);
        if (hasUsrEtc && hasEtc) {
            throw new InvalidTreeException("Tree contains both /etc and /usr/etc");
        }
        if (hasEtc) {
            Files.createDirectories(dir.resolve("usr"));
            Files.move(etc, usrEtc, StandardCopyOption.ATOMIC_MOVE);
            hasUsrEtc = true;
        }
        if (hasUsrEtc) {
            EtcMerge.copyTree(usrEtc, etc);
        } else {
            Files.createDirectory(etc);
        }
        if (merge != null) {
            Path m = layout.deploymentDirectory(merge);
            EtcMerge.merge(m.resolve("usr/etc"), m.resolve("etc"), etc);
        }
        Path var = root.resolve("ostree/deploy").resolve(d.stateroot()).resolve("var");
        Path stamp = var.resolve(".ostree-selabeled");
        if (Files.isDirectory(var) && !Files.exists(stamp)) {
            // libostree relabels /var once per stateroot and leaves this stamp (also without SELinux)
            Files.createFile(stamp);
            Files.setPosixFilePermissions(stamp, Fs.perms(0644));
        }
        Fs.fsync(etc);
        Fs.fsync(dir);
        OriginFile.write(layout.originFile(d), d.origin(), d.pinned());
        Fs.fsync(parent);
    }

    /** Merges /etc into the staged deployment of {@code list} and writes the bootloader with it as the default. */
    Transition finalizeStaged(DeploymentList list) throws IOException {
        Transition t = list.finalizeStaged();
        if (!t.isApplied()) {
            return t;
        }
        // The staged state stays until the bootloader names the new deployment: a kill at any instant leaves it
        // either still staged (the next finalize redoes the merge, which is idempotent: every changed path is
        // deleted and copied afresh) or fully the new default with a stale state file that cleanup removes.
        Transition.Applied a = (Transition.Applied) t;
        Deployment created = a.added();
        if (created == null) {
            throw new IllegalStateException("finalizing creates the staged deployment");
        }
        Deployment merge = list.bootedDeployment()
                .filter(b -> b.stateroot().equals(created.stateroot()))
                .orElse(list.mergeDeployment(created.stateroot()).orElse(null));
        try {
            if (merge != null && !merge.key().equals(created.key())) {
                EtcMerge.merge(
                        layout.deploymentDirectory(merge).resolve("usr/etc"),
                        layout.deploymentDirectory(merge).resolve("etc"),
                        layout.deploymentDirectory(created).resolve("etc"));
            }
        } catch (EtcMerge.MergeException | IOException e) {
            String why = "Finalizing staged deployment " + created.id() + ": " + e.getMessage();
            Files.createDirectories(root.resolve("boot/ostree"));
            Fs.writeAtomically(root.resolve("boot/ostree/finalize-failure.stamp"), why + "\n");
            runState.deleteStaged();
            cleanup.run(reader.load());
            return new Transition.Refused(Refusal.ETC_MERGE_FAILED, why);
        }
        Fs.fsync(layout.deploymentDirectory(created).resolve("etc"));
        bootloader.write(list, a.after());
        runState.deleteStaged();
        Files.deleteIfExists(root.resolve("boot/ostree/finalize-failure.stamp"));
        cleanup.run(a.after());
        return t;
    }

    /** Creates {@code ostree/deploy/<stateroot>/var} (with lib, log, tmp, lock and run) unless it exists. */
    void initStateroot(String stateroot) throws IOException {
        Path dir = root.resolve("ostree/deploy").resolve(stateroot);
        Files.createDirectories(dir);
        Path var = dir.resolve("var");
        if (!Files.isDirectory(var)) {
            Path tmp = dir.resolve("var.tmp");
            Fs.deleteTree(tmp);
            Files.createDirectories(tmp.resolve("lib"));
            Files.createDirectories(tmp.resolve("log"));
            Files.createDirectories(tmp.resolve("tmp"));
            Fs.chmod(tmp.resolve("tmp"), 01777);
            Files.createSymbolicLink(tmp.resolve("lock"), Path.of("../run/lock"));
            Files.createSymbolicLink(tmp.resolve("run"), Path.of("../run"));
            Files.move(tmp, var, StandardCopyOption.ATOMIC_MOVE);
        }
        Fs.fsync(dir);
    }
}
