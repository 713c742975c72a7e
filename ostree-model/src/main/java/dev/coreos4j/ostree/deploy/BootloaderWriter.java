package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the bootloader configuration of a deployment list, as libostree's {@code write_deployments} does (ostree's
 * src/libostree/ostree-sysroot-deploy.c, with the BLS writer of ostree-bootloader-*.c): BLS entries in a fresh
 * {@code boot/loader.<1-B>}, bootlinks {@code ostree/boot.<B>.<S>/<stateroot>/<bootcsum>/<bootserial>}, deployment
 * refs {@code ostree/<B>/<S>/<i>}, then the one visible change, {@code rename(boot/loader.tmp, boot/loader)}. When only
 * the bootlinks change (same entries), only the {@code ostree/boot.<B>} link is swapped to the other subbootversion.
 */
final class BootloaderWriter {

    private final SysrootLayout layout;
    private final Path root;
    private final KernelInstall kernels;

    BootloaderWriter(SysrootLayout layout, KernelInstall kernels) {
        this.layout = layout;
        this.root = layout.root();
        this.kernels = kernels;
    }

    /** Writes the bootloader configuration for {@code after} (non-staged entries), atomically. */
    void write(DeploymentList before, DeploymentList after) throws IOException {
        List<Deployment> was =
                before.deployments().stream().filter(d -> !d.staged()).toList();
        List<Deployment> now =
                after.deployments().stream().filter(d -> !d.staged()).toList();
        int b = layout.bootversion();
        boolean haveLoader = Files.isSymbolicLink(root.resolve("boot/loader"));
        if (haveLoader && was.equals(now)) {
            writeRefs(b, layout.subbootversion(b), after);
            return;
        }
        if (haveLoader && bootloaderEquivalent(was, now)) {
            int s = 1 - layout.subbootversion(b);
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
        int ns = 1 - layout.subbootversion(nb);
        Path loaderDir = root.resolve("boot/loader." + nb);
        Fs.deleteTree(loaderDir);
        Path entries = Files.createDirectories(loaderDir.resolve("entries"));
        Map<Checksum, Integer> bootserials = new HashMap<>();
        boolean manyRoots = now.stream().map(Deployment::stateroot).distinct().count() > 1;
        SystemRepository repo = layout.repository();
        for (int i = 0; i < now.size(); i++) {
            Deployment d = now.get(i);
            int bootserial = bootserials.merge(d.bootcsum(), 1, Integer::sum) - 1;
            KernelInstall.Kernel k = kernels.install(d);
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
            BootEntries.write(
                    entries.resolve("ostree-" + (now.size() - i) + "-" + d.stateroot() + ".conf"),
                    title,
                    now.size() - i,
                    d.kernelArgs().toOptions(bootlink),
                    k.linux(),
                    k.initrd());
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
        SystemRepository repo = layout.repository();
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
     * no listed commit is ever unreferenced, and leaves older refs for {@link Cleanup} to remove.
     */
    void writeRefs(int b, int s, DeploymentList list) throws IOException {
        SystemRepository repo = layout.repository();
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

    /** {@code PRETTY_NAME} (else {@code ID}) of the deployment's os-release, else {@code ostree}. */
    private String osName(Deployment d) throws IOException {
        Path dir = layout.deploymentDirectory(d);
        for (Path p : List.of(dir.resolve("etc/os-release"), dir.resolve("usr/lib/os-release"))) {
            if (Files.isRegularFile(p)) {
                Map<String, String> kv = new HashMap<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        String v = line.substring(eq + 1).strip();
                        if (v.length() >= 2
                                && ((v.startsWith("\"") && v.endsWith("\""))
                                        || (v.startsWith("'") && v.endsWith("'")))) {
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
}
