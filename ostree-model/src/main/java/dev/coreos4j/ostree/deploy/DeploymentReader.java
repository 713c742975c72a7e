package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the deployment list from disk, as libostree's {@code ostree_sysroot_load} (ostree's
 * src/libostree/ostree-sysroot.c): the current bootloader entries in version order, each resolved through its
 * {@code ostree=} bootlink to a deployment directory and origin, the staged deployment first, the booted marker, and
 * the stateroots under {@code ostree/deploy}.
 */
final class DeploymentReader {

    private final SysrootLayout layout;
    private final RunState runState;

    DeploymentReader(SysrootLayout layout, RunState runState) {
        this.layout = layout;
        this.runState = runState;
    }

    /**
     * The deployment list on disk.
     *
     * @throws IOException when the sysroot is unreadable or inconsistent (naming the file)
     */
    DeploymentList load() throws IOException {
        Set<String> stateroots = new TreeSet<>();
        Path deployRoot = layout.root().resolve("ostree/deploy");
        if (Files.isDirectory(deployRoot)) {
            try (Stream<Path> s = Files.list(deployRoot)) {
                s.filter(Files::isDirectory)
                        .forEach(p -> stateroots.add(p.getFileName().toString()));
            }
        }
        List<Deployment> list = new ArrayList<>();
        for (BootEntries.Entry e : BootEntries.read(layout)) {
            list.add(deploymentOf(e));
        }
        Optional<Deployment> staged = runState.readStaged();
        if (staged.isPresent()
                && list.stream().noneMatch(d -> d.key().equals(staged.get().key()))) {
            list.add(0, staged.get());
        }
        Deployment.Key booted = runState.readBooted()
                .filter(k -> list.stream().anyMatch(d -> d.key().equals(k) && !d.staged()))
                .orElse(null);
        try {
            return new DeploymentList(stateroots, list, booted);
        } catch (IllegalArgumentException e) {
            throw new IOException(layout.root() + ": inconsistent sysroot: " + e.getMessage());
        }
    }

    // split("/") drops trailing empty strings on purpose: a bootlink with a trailing slash is accepted, as before
    @SuppressWarnings("StringSplitter")
    private Deployment deploymentOf(BootEntries.Entry e) throws IOException {
        KernelArgs kargs = KernelArgs.parse(e.options());
        String bootlink = BootEntries.bootlink(e.options());
        if (bootlink == null || !bootlink.startsWith("/ostree/boot.")) {
            throw new IOException(e.file() + ": no ostree= bootlink in options");
        }
        String[] parts = bootlink.substring(1).split("/");
        if (parts.length != 5 || !Checksum.isValid(parts[3])) {
            throw new IOException(e.file() + ": malformed bootlink '" + bootlink + "'");
        }
        Path link = layout.root().resolve(bootlink.substring(1));
        Path dir;
        try {
            dir = link.toRealPath();
        } catch (NoSuchFileException ex) {
            throw new IOException(e.file() + ": bootlink " + bootlink + " does not resolve to a deployment");
        }
        String name = dir.getFileName().toString();
        Path deployDir = dir.getParent();
        Path stateDir = deployDir == null ? null : deployDir.getParent();
        Path stateName = stateDir == null ? null : stateDir.getFileName();
        if (stateName == null) {
            throw new IOException(e.file() + ": bootlink target " + dir + " is not a deployment directory");
        }
        String stateroot = stateName.toString();
        int dot = name.lastIndexOf('.');
        if (dot != 64 || !Checksum.isValid(name.substring(0, 64))) {
            throw new IOException(e.file() + ": bootlink target " + dir + " is not a deployment directory");
        }
        Checksum commit = Checksum.of(name.substring(0, 64));
        int serial = Integer.parseInt(name.substring(65));
        OriginFile origin = OriginFile.read(layout.deployDir(stateroot, name + ".origin"));
        return new Deployment(
                stateroot, commit, serial, Checksum.of(parts[3]), origin.origin(), kargs, origin.pinned(), false);
    }
}
