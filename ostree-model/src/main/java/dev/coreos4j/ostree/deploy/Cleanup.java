package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Garbage removal after every write, as libostree's cleanup (ostree's src/libostree/ostree-sysroot-cleanup.c) minus
 * the repository prune: the other bootversion's loader and bootlinks, deployment directories and origins that the
 * list does not name (never the booted one), kernels no entry uses, stale deployment refs, and a staged state file
 * whose deployment is no longer staged. Everything it removes is unreachable from the bootloader, so a crash during
 * cleanup leaves garbage for the next run, never a broken sysroot.
 */
final class Cleanup {

    private final SysrootLayout layout;
    private final Path root;
    private final RunState runState;
    private final BootloaderWriter bootloader;

    Cleanup(SysrootLayout layout, RunState runState, BootloaderWriter bootloader) {
        this.layout = layout;
        this.root = layout.root();
        this.runState = runState;
        this.bootloader = bootloader;
    }

    /**
     * libostree's cleanup minus the prune: the other bootversion's loader and bootlinks, unlisted deployment
     * directories and origins (never the booted one), unreferenced kernels, stale deployment refs.
     */
    void run(DeploymentList list) throws IOException {
        if (list.staged().isEmpty()) {
            // a state file whose deployment is already in the bootloader (a kill right after the swap) or gone
            runState.deleteStaged();
        }
        int b = layout.bootversion();
        int s = layout.subbootversion(b);
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
        SystemRepository repo = layout.repository();
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
        bootloader.writeRefs(b, s, list);
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
}
