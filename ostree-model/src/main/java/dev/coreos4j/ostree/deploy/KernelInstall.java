package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Kernels in {@code /boot}, as libostree installs them (ostree's src/libostree/ostree-sysroot-deploy.c, the
 * {@code install_deployment_kernel} step): the kernel of a deployment is found in {@code /usr/lib/modules/<kver>/},
 * its boot checksum is SHA-256 over {@code vmlinuz} then the initramfs, and it is copied once per stateroot and boot
 * checksum into {@code boot/ostree/<stateroot>-<bootcsum>/} (through a {@code .tmp} directory renamed into place, with
 * the FIPS {@code .vmlinuz.hmac} beside it). Devicetrees are not installed.
 */
final class KernelInstall {

    private final SysrootLayout layout;

    KernelInstall(SysrootLayout layout) {
        this.layout = layout;
    }

    /** A kernel and initramfs in /boot, as BLS paths. */
    record Kernel(String linux, @Nullable String initrd) {}

    /** Copies the deployment's kernel into {@code boot/ostree/<stateroot>-<bootcsum>/} unless it is there. */
    Kernel install(Deployment d) throws IOException {
        Path dir = layout.deploymentDirectory(d);
        KernelFiles k = findKernel(dir).orElseThrow(() -> new IOException(dir + ": no kernel in /usr/lib/modules"));
        String bootDirName = d.stateroot() + "-" + d.bootcsum().hex();
        Path bootDir = layout.root().resolve("boot/ostree").resolve(bootDirName);
        String linux = "vmlinuz-" + k.kver();
        Path initramfs = k.initramfs();
        String initrd = initramfs == null ? null : "initramfs-" + k.kver() + ".img";
        if (!Files.isDirectory(bootDir)) {
            Path tmp = layout.root().resolve("boot/ostree").resolve(bootDirName + ".tmp");
            Fs.deleteTree(tmp);
            Files.createDirectories(tmp);
            copySynced(k.vmlinuz(), tmp.resolve(linux));
            Path hmac = k.vmlinuz().resolveSibling(".vmlinuz.hmac");
            if (Files.isRegularFile(hmac, LinkOption.NOFOLLOW_LINKS)) {
                copySynced(hmac, tmp.resolve("." + linux + ".hmac")); // FIPS checks the kernel against it
            }
            if (initramfs != null && initrd != null) {
                copySynced(initramfs, tmp.resolve(initrd));
            }
            Fs.fsync(tmp);
            Files.move(tmp, bootDir, StandardCopyOption.ATOMIC_MOVE);
            Fs.fsync(layout.root().resolve("boot/ostree"));
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
    record KernelFiles(String kver, Path vmlinuz, @Nullable Path initramfs) {}

    /** The first {@code usr/lib/modules/<kver>} (in name order) of {@code tree} that holds a {@code vmlinuz}. */
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
}
