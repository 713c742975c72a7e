package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The consistency check behind {@link Sysroot#check()}: the loader symlink, every entry's bootlink, deployment
 * directory, origin and kernel files, the bootlink directory, a deployment ref for every deployed commit, and no
 * orphaned deployment directory. Read-only.
 */
final class SysrootCheck {

    private final SysrootLayout layout;
    private final Path root;
    private final DeploymentReader reader;

    SysrootCheck(SysrootLayout layout, DeploymentReader reader) {
        this.layout = layout;
        this.root = layout.root();
        this.reader = reader;
    }

    /** The problems found, empty when consistent; an unreadable list is the one problem. */
    List<String> problems() throws IOException {
        List<String> problems = new ArrayList<>();
        DeploymentList list;
        try {
            list = reader.load();
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Path loader = root.resolve("boot/loader");
        if (Files.isSymbolicLink(loader) && !Files.isDirectory(loader)) {
            problems.add(loader + ": dangling");
        }
        int b = layout.bootversion();
        if (Files.isSymbolicLink(loader)
                && !list.deployments().stream().allMatch(Deployment::staged)
                && !Files.isDirectory(root.resolve("ostree/boot." + b))) {
            problems.add(root.resolve("ostree/boot." + b) + ": missing bootlink directory");
        }
        for (BootEntries.Entry e : BootEntries.read(layout)) {
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
        SystemRepository repo = layout.repository();
        Set<Checksum> referenced = new HashSet<>(repo.refs("ostree/").values());
        for (Deployment d : list.deployments()) {
            if (!Files.isDirectory(layout.deploymentDirectory(d))) {
                problems.add(layout.deploymentDirectory(d) + ": missing deployment directory");
            }
            if (!Files.isRegularFile(layout.originFile(d))) {
                problems.add(layout.originFile(d) + ": missing origin");
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
}
