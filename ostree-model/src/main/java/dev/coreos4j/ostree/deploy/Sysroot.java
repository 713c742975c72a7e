package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
 * <p>Known gaps against libostree: the deployment root is not {@code chattr +i} (and an immutable root written by
 * libostree is left in place as garbage instead of being deleted), SELinux relabelling and
 * non-BLS bootloaders are not done, devicetrees are ignored, and the staged state is a keyfile, not libostree's a{sv}.
 */
public final class Sysroot {

    private final Path root;
    private final Path runDir;

    private Sysroot(Path root, Path runDir) {
        this.root = root;
        this.runDir = runDir;
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
        return deployDir(d.stateroot(), d.name());
    }

    private Path deployDir(String stateroot, String name) {
        return root.resolve("ostree/deploy")
                .resolve(stateroot)
                .resolve("deploy")
                .resolve(name);
    }

    private Path originFile(Deployment d) {
        return deployDir(d.stateroot(), d.name() + ".origin");
    }

    // ============================================================================================== reading

    /**
     * Reads the deployment list: bootloader entries of {@code boot/loader} in version order, the staged deployment
     * from the run directory, the booted marker and the stateroots.
     *
     * @throws IOException when the sysroot is unreadable or inconsistent (naming the file)
     */
    public DeploymentList load() throws IOException {
        Set<String> stateroots = new TreeSet<>();
        Path deployRoot = root.resolve("ostree/deploy");
        if (Files.isDirectory(deployRoot)) {
            try (Stream<Path> s = Files.list(deployRoot)) {
                s.filter(Files::isDirectory)
                        .forEach(p -> stateroots.add(p.getFileName().toString()));
            }
        }
        List<Deployment> list = new ArrayList<>();
        for (BlsEntry e : readEntries()) {
            list.add(deploymentOf(e));
        }
        Optional<Deployment> staged = readStaged();
        if (staged.isPresent()
                && list.stream().noneMatch(d -> d.key().equals(staged.get().key()))) {
            list.add(0, staged.get());
        }
        Deployment.Key booted = readBooted()
                .filter(k -> list.stream().anyMatch(d -> d.key().equals(k) && !d.staged()))
                .orElse(null);
        try {
            return new DeploymentList(stateroots, list, booted);
        } catch (IllegalArgumentException e) {
            throw new IOException(root + ": inconsistent sysroot: " + e.getMessage());
        }
    }

    /** The current bootversion: the {@code N} of {@code boot/loader -> loader.N}, 0 when absent. */
    int bootversion() throws IOException {
        Path loader = root.resolve("boot/loader");
        if (!Files.isSymbolicLink(loader)) {
            return 0;
        }
        String target = Files.readSymbolicLink(loader).toString();
        if (target.equals("loader.0")) {
            return 0;
        }
        if (target.equals("loader.1")) {
            return 1;
        }
        throw new IOException(loader + ": unexpected target '" + target + "'");
    }

    /** The subbootversion of {@code bootversion}: the {@code S} of {@code ostree/boot.B -> boot.B.S}, 0 when absent. */
    int subbootversion(int bootversion) throws IOException {
        Path link = root.resolve("ostree/boot." + bootversion);
        if (!Files.isSymbolicLink(link)) {
            return 0;
        }
        String target = Files.readSymbolicLink(link).toString();
        if (target.equals("boot." + bootversion + ".0")) {
            return 0;
        }
        if (target.equals("boot." + bootversion + ".1")) {
            return 1;
        }
        throw new IOException(link + ": unexpected target '" + target + "'");
    }

    /** One parsed BLS entry file. */
    record BlsEntry(Path file, Map<String, String> keys) {
        String get(String key) {
            return keys.get(key);
        }
    }

    List<BlsEntry> readEntries() throws IOException {
        Path loader = root.resolve("boot/loader");
        if (!Files.isSymbolicLink(loader)) {
            return List.of();
        }
        Path entries = root.resolve("boot/loader." + bootversion()).resolve("entries");
        if (!Files.isDirectory(entries)) {
            return List.of();
        }
        List<BlsEntry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(entries)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!p.getFileName().toString().endsWith(".conf")) {
                    continue;
                }
                Map<String, String> keys = new LinkedHashMap<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    int sp = t.indexOf(' ');
                    keys.put(
                            sp < 0 ? t : t.substring(0, sp),
                            sp < 0 ? "" : t.substring(sp + 1).strip());
                }
                if (keys.get("options") == null || keys.get("version") == null) {
                    throw new IOException(p + ": BLS entry without 'version' or 'options'");
                }
                out.add(new BlsEntry(p, keys));
            }
        }
        out.sort((a, b) -> compareVersions(b.get("version"), a.get("version")));
        return out;
    }

    /** strverscmp-like: digit runs compare numerically. */
    static int compareVersions(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private Deployment deploymentOf(BlsEntry e) throws IOException {
        KernelArgs kargs = KernelArgs.parse(e.get("options"));
        String bootlink = null;
        for (String word : e.get("options").split("\\s+")) {
            if (word.startsWith("ostree=")) {
                bootlink = word.substring("ostree=".length());
            }
        }
        if (bootlink == null || !bootlink.startsWith("/ostree/boot.")) {
            throw new IOException(e.file() + ": no ostree= bootlink in options");
        }
        String[] parts = bootlink.substring(1).split("/");
        if (parts.length != 5 || !Checksum.isValid(parts[3])) {
            throw new IOException(e.file() + ": malformed bootlink '" + bootlink + "'");
        }
        Path link = root.resolve(bootlink.substring(1));
        Path dir;
        try {
            dir = link.toRealPath();
        } catch (NoSuchFileException ex) {
            throw new IOException(e.file() + ": bootlink " + bootlink + " does not resolve to a deployment");
        }
        String name = dir.getFileName().toString();
        String stateroot = dir.getParent().getParent().getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot != 64 || !Checksum.isValid(name.substring(0, 64))) {
            throw new IOException(e.file() + ": bootlink target " + dir + " is not a deployment directory");
        }
        Checksum commit = Checksum.of(name.substring(0, 64));
        int serial = Integer.parseInt(name.substring(65));
        OriginFile origin = OriginFile.read(deployDir(stateroot, name + ".origin"));
        return new Deployment(
                stateroot, commit, serial, Checksum.of(parts[3]), origin.origin(), kargs, origin.pinned(), false);
    }

    private Optional<Deployment> readStaged() throws IOException {
        Path state = runDir.resolve("staged-deployment");
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        Map<String, String> kv = OriginFile.keys(Files.readString(state, StandardCharsets.UTF_8), "staged");
        String os = kv.get("osname");
        String target = kv.get("target");
        String bootcsum = kv.get("bootcsum");
        String kargs = kv.getOrDefault("kargs", "");
        if (os == null || target == null || bootcsum == null || target.length() < 66) {
            throw new IOException(state + ": incomplete staged deployment state");
        }
        Path dir = deployDir(os, target);
        Path origin = deployDir(os, target + ".origin");
        if (!Files.isDirectory(dir) || !Files.isRegularFile(origin)) {
            return Optional.empty();
        }
        OriginFile o = OriginFile.read(origin);
        return Optional.of(new Deployment(
                os,
                Checksum.of(target.substring(0, 64)),
                Integer.parseInt(target.substring(65)),
                Checksum.of(bootcsum),
                o.origin(),
                KernelArgs.parse(kargs),
                false,
                true));
    }

    private Optional<Deployment.Key> readBooted() throws IOException {
        Path marker = runDir.resolve("booted-deployment");
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        String[] parts =
                Files.readString(marker, StandardCharsets.UTF_8).strip().split(" ");
        if (parts.length != 2 || parts[1].length() < 66 || !Checksum.isValid(parts[1].substring(0, 64))) {
            throw new IOException(marker + ": malformed booted marker");
        }
        return Optional.of(new Deployment.Key(
                parts[0], Checksum.of(parts[1].substring(0, 64)), Integer.parseInt(parts[1].substring(65))));
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
                            : imageDigest(repo, d.commit()).orElse(null)));
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

    // ============================================================================================== transitions

    /** {@code ostree admin os-init NAME}: creates {@code ostree/deploy/NAME/var} (idempotent). */
    public Transition osInit(String stateroot) throws IOException {
        Deployment.checkStateroot(stateroot);
        return locked(list -> {
            Transition t = list.initStateroot(stateroot);
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
            Optional<Checksum> bootcsum = bootcsum(repo, commit.get());
            if (bootcsum.isEmpty()) {
                return new Transition.Refused(
                        Refusal.INVALID_TREE,
                        "Commit " + commit.get().hex() + ": failed to find kernel in /usr/lib/modules/<kver>/vmlinuz");
            }
            DeployTarget target = new DeployTarget(stateroot, commit.get(), bootcsum.get(), Origin.ofRefspec(refspec));
            Transition t = stage ? list.stage(target, options) : list.deploy(target, options);
            return apply(list, t, !stage && !options.noMerge());
        });
    }

    /** {@code ostree admin finalize-staged}: merges /etc into the staged deployment and makes it the default. */
    public Transition finalizeStaged() throws IOException {
        return locked(this::finalizeLocked);
    }

    private Transition finalizeLocked(DeploymentList list) throws IOException {
        Transition t = list.finalizeStaged();
        if (!t.isApplied()) {
            return t;
        }
        // The staged state stays until the bootloader names the new deployment: a kill at any instant leaves it
        // either still staged (the next finalize redoes the merge, which is idempotent: every changed path is
        // deleted and copied afresh) or fully the new default with a stale state file that cleanup removes.
        Transition.Applied a = (Transition.Applied) t;
        Deployment created = a.added();
        Deployment merge = list.bootedDeployment()
                .filter(b -> b.stateroot().equals(created.stateroot()))
                .orElse(list.mergeDeployment(created.stateroot()).orElse(null));
        try {
            if (merge != null && !merge.key().equals(created.key())) {
                EtcMerge.merge(
                        deploymentDirectory(merge).resolve("usr/etc"),
                        deploymentDirectory(merge).resolve("etc"),
                        deploymentDirectory(created).resolve("etc"));
            }
        } catch (EtcMerge.MergeException | IOException e) {
            String why = "Finalizing staged deployment " + created.id() + ": " + e.getMessage();
            Files.createDirectories(root.resolve("boot/ostree"));
            Fs.writeAtomically(root.resolve("boot/ostree/finalize-failure.stamp"), why + "\n");
            Files.deleteIfExists(runDir.resolve("staged-deployment"));
            cleanupDisk(load());
            return new Transition.Refused(Refusal.ETC_MERGE_FAILED, why);
        }
        Fs.fsync(deploymentDirectory(created).resolve("etc"));
        writeBootloader(list, a.after());
        Files.deleteIfExists(runDir.resolve("staged-deployment"));
        Files.deleteIfExists(root.resolve("boot/ostree/finalize-failure.stamp"));
        cleanupDisk(a.after());
        return t;
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
                Transition f = finalizeLocked(list);
                now = load();
                if (!f.isApplied()) {
                    t = now.boot(index);
                    if (!t.isApplied()) {
                        return t;
                    }
                }
            }
            Deployment target = t.list().bootedDeployment().orElseThrow();
            Files.createDirectories(runDir);
            Fs.writeAtomically(runDir.resolve("booted-deployment"), target.stateroot() + " " + target.name() + "\n");
            return new Transition.Applied(list, load(), ((Transition.Applied) t).removed(), null, t.message());
        });
    }

    /** {@code rpm-ostree rollback}. */
    public Transition rollback() throws IOException {
        return locked(list -> apply(list, list.rollback(), false));
    }

    /** {@code ostree admin set-default INDEX}. */
    public Transition setDefault(int index) throws IOException {
        return locked(list -> apply(list, list.setDefault(index), false));
    }

    /** {@code ostree admin undeploy INDEX}. */
    public Transition undeploy(int index) throws IOException {
        return locked(list -> apply(list, list.undeploy(index), false));
    }

    /** {@code ostree admin pin INDEX} / {@code pin --unpin INDEX}: rewrites the origin file only. */
    public Transition pin(int index, boolean pin) throws IOException {
        return locked(list -> {
            Transition t = list.pin(index, pin);
            if (t.isApplied() && ((Transition.Applied) t).changed()) {
                Deployment d = t.list().deployments().get(index);
                OriginFile.rewritePinned(originFile(d), d.pinned());
            }
            return t;
        });
    }

    /** {@code rpm-ostree kargs}: a new deployment of the booted (else default) commit with edited kernel arguments. */
    public Transition changeKargs(List<KargEdit> edits, boolean stage) throws IOException {
        return locked(list -> apply(list, list.changeKargs(edits, stage), !stage));
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
            for (BlsEntry e : readEntries()) {
                String options = e.get("options");
                KernelArgs edited;
                try {
                    edited = KernelArgs.parse(options).edit(edits);
                } catch (KernelArgs.KargException ex) {
                    return new Transition.Refused(Refusal.INVALID_KARGS, e.file() + ": " + ex.getMessage());
                }
                String bootlink = null;
                for (String word : options.split("\\s+")) {
                    if (word.startsWith("ostree=")) {
                        bootlink = word.substring("ostree=".length());
                    }
                }
                List<String> lines = Files.readAllLines(e.file(), StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder();
                for (String line : lines) {
                    sb.append(line.startsWith("options ") ? "options " + edited.toOptions(bootlink) : line)
                            .append('\n');
                }
                Fs.writeAtomically(e.file(), sb.toString());
            }
            return t;
        });
    }

    /** {@code rpm-ostree cleanup -p/-r}, then removal of every unlisted deployment directory and boot file. */
    public Transition cleanup(boolean pending, boolean rollback) throws IOException {
        return locked(list -> {
            Transition t = apply(list, list.cleanup(pending, rollback), false);
            if (t.isApplied()) {
                cleanupDisk(load());
            }
            return t;
        });
    }

    // ============================================================================================== writing

    /** Makes the disk match an applied transition: prepare a created deployment, then write the list. */
    private Transition apply(DeploymentList before, Transition t, boolean mergeEtc) throws IOException {
        if (!t.isApplied()) {
            return t;
        }
        Transition.Applied a = (Transition.Applied) t;
        if (a.added() != null) {
            Deployment merge = before.mergeDeployment(a.added().stateroot()).orElse(null);
            try {
                prepare(a.added(), mergeEtc ? merge : null);
            } catch (EtcMerge.MergeException e) {
                Fs.deleteTree(deploymentDirectory(a.added()));
                Files.deleteIfExists(originFile(a.added()));
                return new Transition.Refused(Refusal.ETC_MERGE_FAILED, e.getMessage());
            } catch (InvalidTreeException e) {
                Fs.deleteTree(deploymentDirectory(a.added()));
                Files.deleteIfExists(originFile(a.added()));
                return new Transition.Refused(Refusal.INVALID_TREE, e.getMessage());
            }
        }
        if (!a.changed()) {
            return t;
        }
        if (a.added() != null && a.added().staged()) {
            // the staged commit gets its deployment ref before the state file makes it visible: a kill in between
            // must not leave a staged deployment that prune would remove
            int b = bootversion();
            writeRefs(b, subbootversion(b), a.after());
            Files.createDirectories(runDir);
            Deployment s = a.added();
            Deployment merge = before.mergeDeployment(s.stateroot()).orElse(null);
            Fs.writeAtomically(
                    runDir.resolve("staged-deployment"),
                    "[staged]\nosname=" + s.stateroot() + "\ntarget="
                            + s.name() + "\nbootcsum=" + s.bootcsum().hex() + "\nkargs="
                            + s.kernelArgs().toOptions("")
                            + "\n" + (merge == null ? "" : "merge-deployment=" + merge.name() + "\n"));
        }
        writeBootloader(before, a.after());
        if (a.added() == null || !a.added().staged()) {
            if (before.staged().isPresent() && a.after().staged().isEmpty()) {
                // only after the swap: until then a kill leaves the staged deployment staged
                Files.deleteIfExists(runDir.resolve("staged-deployment"));
            }
        }
        cleanupDisk(a.after());
        return t;
    }

    private static final class InvalidTreeException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTreeException(String message) {
            super(message);
        }
    }

    /** Checks out {@code d}, creates /etc from /usr/etc, merges /etc from {@code merge} if given, writes the origin. */
    private void prepare(Deployment d, Deployment merge)
            throws IOException, EtcMerge.MergeException, InvalidTreeException {
        Path dir = deploymentDirectory(d);
        Fs.deleteTree(dir); // garbage of an interrupted earlier attempt with the same name
        Files.deleteIfExists(originFile(d));
        Files.createDirectories(dir.getParent());
        repository().checkout(d.commit(), dir);
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
            Path m = deploymentDirectory(merge);
            EtcMerge.merge(m.resolve("usr/etc"), m.resolve("etc"), etc);
        }
        Path stamp = root.resolve("ostree/deploy").resolve(d.stateroot()).resolve("var/.ostree-selabeled");
        if (Files.isDirectory(stamp.getParent()) && !Files.exists(stamp)) {
            // libostree relabels /var once per stateroot and leaves this stamp (also without SELinux)
            Files.createFile(stamp);
            Files.setPosixFilePermissions(stamp, Fs.perms(0644));
        }
        Fs.fsync(etc);
        Fs.fsync(dir);
        OriginFile.write(originFile(d), d.origin(), d.pinned());
        Fs.fsync(dir.getParent());
    }

    /** Writes the bootloader configuration for {@code after} (non-staged entries), atomically. */
    private void writeBootloader(DeploymentList before, DeploymentList after) throws IOException {
        List<Deployment> was =
                before.deployments().stream().filter(d -> !d.staged()).toList();
        List<Deployment> now =
                after.deployments().stream().filter(d -> !d.staged()).toList();
        int b = bootversion();
        boolean haveLoader = Files.isSymbolicLink(root.resolve("boot/loader"));
        if (haveLoader && was.equals(now)) {
            writeRefs(b, subbootversion(b), after);
            return;
        }
        if (haveLoader && bootloaderEquivalent(was, now)) {
            int s = 1 - subbootversion(b);
            Fs.deleteTree(root.resolve("ostree/boot." + b + "." + s));
            writeBootlinks(b, s, now);
            writeRefs(b, s, after);
            Fs.fsync(root.resolve("ostree"));
            Fs.symlinkAtomically(root.resolve("ostree/boot." + b), "boot." + b + "." + s);
            Fs.fsync(root.resolve("ostree"));
            return;
        }
        int nb = haveLoader ? 1 - b : 1;
        Path bootBoot = root.resolve("boot/boot");
        if (!Files.exists(bootBoot, LinkOption.NOFOLLOW_LINKS)) {
            // lets /boot/... paths work whether /boot is a separate file system or not
            Files.createSymbolicLink(bootBoot, Path.of("."));
        }
        int ns = 1 - subbootversion(nb);
        Path loaderDir = root.resolve("boot/loader." + nb);
        Fs.deleteTree(loaderDir);
        Path entries = Files.createDirectories(loaderDir.resolve("entries"));
        Map<Checksum, Integer> bootserials = new HashMap<>();
        boolean manyRoots = now.stream().map(Deployment::stateroot).distinct().count() > 1;
        SystemRepository repo = repository();
        for (int i = 0; i < now.size(); i++) {
            Deployment d = now.get(i);
            int bootserial = bootserials.merge(d.bootcsum(), 1, Integer::sum) - 1;
            Kernel k = installKernel(d);
            String version = repo.hasCommit(d.commit())
                    ? repo.readCommit(d.commit()).version().orElse(null)
                    : null;
            String name = osName(d);
            // as libostree: the version only when PRETTY_NAME does not already carry it
            String title = name + (version == null || version.isEmpty() || name.contains(version) ? "" : " " + version)
                    + " (ostree:"
                    + (manyRoots ? d.stateroot() + ":" : "") + i + ")";
            String bootlink = "/ostree/boot." + nb + "/" + d.stateroot() + "/"
                    + d.bootcsum().hex() + "/" + bootserial;
            StringBuilder sb = new StringBuilder();
            sb.append("title ").append(title).append('\n');
            sb.append("version ").append(now.size() - i).append('\n');
            sb.append("options ").append(d.kernelArgs().toOptions(bootlink)).append('\n');
            sb.append("linux ").append(k.linux()).append('\n');
            if (k.initrd() != null) {
                sb.append("initrd ").append(k.initrd()).append('\n');
            }
            Path file = entries.resolve("ostree-" + (now.size() - i) + "-" + d.stateroot() + ".conf");
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            Fs.fsync(file);
        }
        Fs.fsync(entries);
        Fs.fsync(loaderDir);
        Fs.deleteTree(root.resolve("ostree/boot." + nb + "." + ns));
        writeBootlinks(nb, ns, now);
        Fs.symlinkAtomically(root.resolve("ostree/boot." + nb), "boot." + nb + "." + ns);
        writeRefs(nb, ns, after);
        Fs.fsync(root.resolve("ostree"));
        Path tmp = root.resolve("boot/loader.tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of("loader." + nb));
        Fs.fsync(root.resolve("boot"));
        Files.move(
                tmp, root.resolve("boot/loader"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fs.fsync(root.resolve("boot"));
    }

    /** Same count, and per index the same stateroot, bootcsum, kernel arguments and version. */
    private boolean bootloaderEquivalent(List<Deployment> a, List<Deployment> b) throws IOException {
        if (a.size() != b.size()) {
            return false;
        }
        SystemRepository repo = repository();
        for (int i = 0; i < a.size(); i++) {
            Deployment x = a.get(i);
            Deployment y = b.get(i);
            if (!x.stateroot().equals(y.stateroot())
                    || !x.bootcsum().equals(y.bootcsum())
                    || !x.kernelArgs().equals(y.kernelArgs())) {
                return false;
            }
            Optional<String> vx =
                    repo.hasCommit(x.commit()) ? repo.readCommit(x.commit()).version() : Optional.empty();
            Optional<String> vy =
                    repo.hasCommit(y.commit()) ? repo.readCommit(y.commit()).version() : Optional.empty();
            if (!vx.equals(vy)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ostree/boot.B.S/<stateroot>/<bootcsum>/<bootserial> -> ../../../deploy/<stateroot>/deploy/<name>}. */
    private void writeBootlinks(int b, int s, List<Deployment> now) throws IOException {
        Path base = root.resolve("ostree/boot." + b + "." + s);
        Files.createDirectories(base);
        Map<Checksum, Integer> bootserials = new HashMap<>();
        for (Deployment d : now) {
            int bootserial = bootserials.merge(d.bootcsum(), 1, Integer::sum) - 1;
            Path dir = Files.createDirectories(
                    base.resolve(d.stateroot()).resolve(d.bootcsum().hex()));
            Files.createSymbolicLink(
                    dir.resolve(Integer.toString(bootserial)),
                    Path.of("../../../deploy/" + d.stateroot() + "/deploy/" + d.name()));
        }
        try (Stream<Path> st = Files.walk(base)) {
            for (Path p : (Iterable<Path>) st::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Fs.fsync(p);
                }
            }
        }
    }

    /**
     * Writes refs {@code ostree/B/S/i} for every deployment of {@code list} (staged included), back to front so that
     * no listed commit is ever unreferenced, and leaves older refs for {@link #cleanupDisk} to remove.
     */
    private void writeRefs(int b, int s, DeploymentList list) throws IOException {
        SystemRepository repo = repository();
        List<Deployment> ds = list.deployments();
        for (int i = ds.size() - 1; i >= 0; i--) {
            repo.setRef("ostree/" + b + "/" + s + "/" + i, ds.get(i).commit());
        }
        Map<String, Checksum> existing = repo.refs("ostree/" + b + "/" + s + "/");
        for (String ref : existing.keySet()) {
            String idx = ref.substring(ref.lastIndexOf('/') + 1);
            if (!idx.matches("\\d+") || Integer.parseInt(idx) >= ds.size()) {
                repo.deleteRef(ref);
            }
        }
    }

    /** A kernel and initramfs in /boot, as BLS paths. */
    record Kernel(String linux, String initrd) {}

    /** Copies the deployment's kernel into {@code boot/ostree/<stateroot>-<bootcsum>/} unless it is there. */
    private Kernel installKernel(Deployment d) throws IOException {
        Path dir = deploymentDirectory(d);
        KernelFiles k = findKernel(dir).orElseThrow(() -> new IOException(dir + ": no kernel in /usr/lib/modules"));
        String bootDirName = d.stateroot() + "-" + d.bootcsum().hex();
        Path bootDir = root.resolve("boot/ostree").resolve(bootDirName);
        String linux = "vmlinuz-" + k.kver();
        String initrd = k.initramfs() == null ? null : "initramfs-" + k.kver() + ".img";
        if (!Files.isDirectory(bootDir)) {
            Path tmp = root.resolve("boot/ostree").resolve(bootDirName + ".tmp");
            Fs.deleteTree(tmp);
            Files.createDirectories(tmp);
            copySynced(k.vmlinuz(), tmp.resolve(linux));
            Path hmac = k.vmlinuz().resolveSibling(".vmlinuz.hmac");
            if (Files.isRegularFile(hmac, LinkOption.NOFOLLOW_LINKS)) {
                copySynced(hmac, tmp.resolve("." + linux + ".hmac")); // FIPS checks the kernel against it
            }
            if (initrd != null) {
                copySynced(k.initramfs(), tmp.resolve(initrd));
            }
            Fs.fsync(tmp);
            Files.move(tmp, bootDir, StandardCopyOption.ATOMIC_MOVE);
            Fs.fsync(bootDir.getParent());
        }
        return new Kernel(
                "/ostree/" + bootDirName + "/" + linux,
                initrd == null ? null : "/ostree/" + bootDirName + "/" + initrd);
    }

    private static void copySynced(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            Files.copy(in, to);
        }
        Files.setPosixFilePermissions(to, Fs.perms(0644));
        Fs.fsync(to);
    }

    /** The kernel files of a checked-out tree. */
    record KernelFiles(String kver, Path vmlinuz, Path initramfs) {}

    static Optional<KernelFiles> findKernel(Path tree) throws IOException {
        Path modules = tree.resolve("usr/lib/modules");
        if (!Files.isDirectory(modules)) {
            return Optional.empty();
        }
        List<Path> kvers;
        try (Stream<Path> s = Files.list(modules)) {
            kvers = s.sorted().toList();
        }
        for (Path kdir : kvers) {
            Path vmlinuz = kdir.resolve("vmlinuz");
            if (Files.isRegularFile(vmlinuz)) {
                Path initramfs = Files.isRegularFile(kdir.resolve("initramfs.img"))
                        ? kdir.resolve("initramfs.img")
                        : Files.isRegularFile(kdir.resolve("initramfs")) ? kdir.resolve("initramfs") : null;
                return Optional.of(new KernelFiles(kdir.getFileName().toString(), vmlinuz, initramfs));
            }
        }
        return Optional.empty();
    }

    /** The boot checksum of a commit in the repository: SHA-256 of vmlinuz followed by the initramfs. */
    static Optional<Checksum> bootcsum(SystemRepository repo, Checksum commit) throws IOException {
        for (String kver : new TreeSet<>(repo.listDirs(commit, "usr/lib/modules"))) {
            String base = "usr/lib/modules/" + kver + "/";
            Optional<Path> vmlinuz = repo.fileObject(commit, base + "vmlinuz");
            if (vmlinuz.isEmpty()) {
                continue;
            }
            Optional<Path> initramfs = repo.fileObject(commit, base + "initramfs.img");
            if (initramfs.isEmpty()) {
                initramfs = repo.fileObject(commit, base + "initramfs");
            }
            MessageDigest md = sha256();
            md.update(Files.readAllBytes(vmlinuz.get()));
            if (initramfs.isPresent()) {
                md.update(Files.readAllBytes(initramfs.get()));
            }
            return Optional.of(Checksum.fromBytes(md.digest()));
        }
        return Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** {@code PRETTY_NAME} (else {@code ID}) of the deployment's os-release, else {@code ostree}. */
    private String osName(Deployment d) throws IOException {
        Path dir = deploymentDirectory(d);
        for (Path p : List.of(dir.resolve("etc/os-release"), dir.resolve("usr/lib/os-release"))) {
            if (Files.isRegularFile(p)) {
                Map<String, String> kv = new HashMap<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        String v = line.substring(eq + 1).strip();
                        if (v.length() >= 2
                                && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                            v = v.substring(1, v.length() - 1);
                        }
                        kv.put(line.substring(0, eq).strip(), v);
                    }
                }
                if (kv.containsKey("PRETTY_NAME")) {
                    return kv.get("PRETTY_NAME");
                }
                if (kv.containsKey("ID")) {
                    return kv.get("ID");
                }
            }
        }
        return "ostree";
    }

    /**
     * libostree's cleanup minus the prune: the other bootversion's loader and bootlinks, unlisted deployment
     * directories and origins (never the booted one), unreferenced kernels, stale deployment refs.
     */
    void cleanupDisk(DeploymentList list) throws IOException {
        if (list.staged().isEmpty()) {
            // a state file whose deployment is already in the bootloader (a kill right after the swap) or gone
            Files.deleteIfExists(runDir.resolve("staged-deployment"));
        }
        int b = bootversion();
        int s = subbootversion(b);
        Files.deleteIfExists(root.resolve("boot/loader.tmp"));
        Fs.deleteTree(root.resolve("boot/loader." + (1 - b)));
        Files.deleteIfExists(root.resolve("ostree/boot." + (1 - b)));
        Files.deleteIfExists(root.resolve("ostree/boot." + (1 - b) + ".tmp"));
        Files.deleteIfExists(root.resolve("ostree/boot." + b + ".tmp"));
        Fs.deleteTree(root.resolve("ostree/boot." + (1 - b) + ".0"));
        Fs.deleteTree(root.resolve("ostree/boot." + (1 - b) + ".1"));
        Fs.deleteTree(root.resolve("ostree/boot." + b + "." + (1 - s)));
        Set<String> keep = new HashSet<>();
        Set<String> bootDirs = new HashSet<>();
        for (Deployment d : list.deployments()) {
            keep.add(d.stateroot() + "/" + d.name());
            if (!d.staged()) {
                bootDirs.add(d.stateroot() + "-" + d.bootcsum().hex());
            }
        }
        if (list.booted() != null) {
            keep.add(list.booted().stateroot() + "/" + list.booted().commit().hex() + "."
                    + list.booted().serial());
        }
        for (String os : list.stateroots()) {
            Path dir = root.resolve("ostree/deploy").resolve(os).resolve("deploy");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> children;
            try (Stream<Path> st = Files.list(dir)) {
                children = st.toList();
            }
            for (Path p : children) {
                String n = p.getFileName().toString();
                String name = n.endsWith(".origin") ? n.substring(0, n.length() - ".origin".length()) : n;
                if (!keep.contains(os + "/" + name)) {
                    removeGarbage(p);
                }
            }
        }
        Path bootOstree = root.resolve("boot/ostree");
        if (Files.isDirectory(bootOstree)) {
            List<Path> children;
            try (Stream<Path> st = Files.list(bootOstree)) {
                children = st.toList();
            }
            for (Path p : children) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !bootDirs.contains(p.getFileName().toString())) {
                    Fs.deleteTree(p);
                }
            }
        }
        SystemRepository repo = repository();
        String current = "ostree/" + b + "/" + s + "/";
        for (String ref : repo.refs("ostree/").keySet()) {
            if (!ref.matches("ostree/\\d+/\\d+/\\d+")) {
                continue; // libostree only collects deployment refs (ostree-ext keeps ostree/container/… here)
            }
            if (!ref.startsWith(current)
                    || !ref.substring(current.length()).matches("\\d+")
                    || Integer.parseInt(ref.substring(current.length())) >= list.size()) {
                repo.deleteRef(ref);
            }
        }
        writeRefs(b, s, list);
    }

    /**
     * Deletes an unlisted deployment directory or origin. It is renamed away first: a deployment root that libostree
     * made immutable ({@code chattr +i}, which Java cannot clear) refuses the rename and is left whole instead of
     * half-deleted; it stays garbage until {@code ostree admin cleanup} removes it.
     */
    private static void removeGarbage(Path p) throws IOException {
        Path trash = p.resolveSibling(".coreos4j-delete-" + p.getFileName());
        Fs.deleteTree(trash);
        try {
            Files.move(p, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileSystemException e) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            throw e;
        }
        Fs.deleteTree(trash);
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
        List<String> problems = new ArrayList<>();
        DeploymentList list;
        try {
            list = load();
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Path loader = root.resolve("boot/loader");
        if (Files.isSymbolicLink(loader) && !Files.isDirectory(loader)) {
            problems.add(loader + ": dangling");
        }
        int b = bootversion();
        if (Files.isSymbolicLink(loader)
                && !list.deployments().stream().allMatch(Deployment::staged)
                && !Files.isDirectory(root.resolve("ostree/boot." + b))) {
            problems.add(root.resolve("ostree/boot." + b) + ": missing bootlink directory");
        }
        for (BlsEntry e : readEntries()) {
            for (String key : List.of("linux", "initrd")) {
                String v = e.get(key);
                if (v != null && !Files.isRegularFile(root.resolve("boot").resolve(v.substring(1)))) {
                    problems.add(e.file() + ": " + key + " " + v + " is missing");
                }
            }
        }
        Set<String> listed = new HashSet<>();
        list.deployments().forEach(d -> listed.add(d.stateroot() + "/" + d.name()));
        if (list.booted() != null) {
            listed.add(list.booted().stateroot() + "/" + list.booted().commit().hex() + "."
                    + list.booted().serial());
        }
        for (String os : list.stateroots()) {
            Path dir = root.resolve("ostree/deploy").resolve(os).resolve("deploy");
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> children;
            try (Stream<Path> st = Files.list(dir)) {
                children = st.sorted().toList();
            }
            for (Path p : children) {
                String n = p.getFileName().toString();
                int dot = n.indexOf('.');
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && dot == 64
                        && Checksum.isValid(n.substring(0, 64))
                        && n.substring(65).matches("\\d+")
                        && !listed.contains(os + "/" + n)) {
                    problems.add(
                            p + ": orphaned deployment directory (in no bootloader entry, not staged, not booted)");
                }
            }
        }
        SystemRepository repo = repository();
        Set<Checksum> referenced = new HashSet<>(repo.refs("ostree/").values());
        for (Deployment d : list.deployments()) {
            if (!Files.isDirectory(deploymentDirectory(d))) {
                problems.add(deploymentDirectory(d) + ": missing deployment directory");
            }
            if (!Files.isRegularFile(originFile(d))) {
                problems.add(originFile(d) + ": missing origin");
            }
            if (!referenced.contains(d.commit())) {
                problems.add(
                        "commit " + d.commit().hex() + " of " + d.id() + " has no ostree/ ref (prune would remove it)");
            }
            if (!repo.hasCommit(d.commit())) {
                problems.add("commit " + d.commit().hex() + " of " + d.id() + " is missing from the repository");
            }
        }
        return problems;
    }

    // ============================================================================================== locking

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

    // ============================================================================================== container images

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
            Optional<Checksum> bootcsum = bootcsum(repo, commit);
            if (bootcsum.isEmpty()) {
                return new Transition.Refused(
                        Refusal.INVALID_TREE,
                        "Commit " + commit.hex() + ": failed to find kernel in /usr/lib/modules/<kver>/vmlinuz");
            }
            DeployTarget target = new DeployTarget(stateroot, commit, bootcsum.get(), origin);
            Transition t = stage ? list.stage(target, options) : list.deploy(target, options);
            return apply(list, t, !stage && !options.noMerge());
        });
    }

    /** The manifest digest a commit was deployed from, when it came from a container image. */
    Optional<String> imageDigest(SystemRepository repo, Checksum commit) throws IOException {
        return ImageDeployment.manifestDigest(repo, commit);
    }

    // ============================================================================================== origin files

    /** The {@code .origin} keyfile. */
    record OriginFile(Origin origin, boolean pinned) {

        static OriginFile read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "missing origin file");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> origin = keys(text, "origin");
            Map<String, String> transient_ = keys(text, "libostree-transient");
            String refspec = origin.get("refspec");
            String image = origin.get("container-image-reference");
            Origin o;
            if (refspec != null) {
                o = Origin.ofRefspec(refspec);
            } else if (image != null) {
                o = Origin.ofContainerImage(image);
            } else {
                throw new IOException(file + ": [origin] has neither refspec nor container-image-reference");
            }
            return new OriginFile(o, "true".equals(transient_.get("pinned")));
        }

        static void write(Path file, Origin origin, boolean pinned) throws IOException {
            StringBuilder sb = new StringBuilder("[origin]\n");
            if (origin.refspec() != null) {
                sb.append("refspec=").append(origin.refspec()).append('\n');
            } else {
                sb.append("container-image-reference=")
                        .append(origin.containerImageReference())
                        .append('\n');
            }
            if (pinned) {
                sb.append("\n[libostree-transient]\npinned=true\n");
            }
            Fs.writeAtomically(file, sb.toString());
        }

        /**
         * Sets or removes {@code [libostree-transient] pinned=true} keeping the rest of the file, as GLib's keyfile
         * does for libostree: unpinning leaves the (then empty) group behind.
         */
        static void rewritePinned(Path file, boolean pinned) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            int header = lines.indexOf("[libostree-transient]");
            if (header >= 0) {
                int end = header + 1;
                while (end < lines.size() && !lines.get(end).startsWith("[")) {
                    end++;
                }
                for (int i = end - 1; i > header; i--) {
                    if (lines.get(i).strip().startsWith("pinned=")) {
                        lines.remove(i);
                    }
                }
                if (pinned) {
                    lines.add(header + 1, "pinned=true");
                }
            } else if (pinned) {
                lines.add("");
                lines.add("[libostree-transient]");
                lines.add("pinned=true");
            }
            Fs.writeAtomically(file, String.join("\n", lines) + "\n");
        }

        /** The keys of {@code [group]} in a GLib keyfile. */
        static Map<String, String> keys(String text, String group) {
            Map<String, String> out = new LinkedHashMap<>();
            boolean in = false;
            for (String line : text.split("\n")) {
                String t = line.strip();
                if (t.startsWith("[") && t.endsWith("]")) {
                    in = t.substring(1, t.length() - 1).equals(group);
                } else if (in && !t.startsWith("#")) {
                    int eq = t.indexOf('=');
                    if (eq > 0) {
                        out.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
                    }
                }
            }
            return out;
        }
    }
}
