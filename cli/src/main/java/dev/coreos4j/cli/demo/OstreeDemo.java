package dev.coreos4j.cli.demo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.CommitResult;
import dev.coreos4j.ostree.repo.Ed25519;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.FsckReport;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.TreeDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The OSTree chapter: commit a small OS tree (with {@code /usr/etc} and a kernel + initramfs under
 * {@code /usr/lib/modules/<kver>/}) to an archive repository, commit an update on the same branch, verify the
 * repository, sign the head and show the log and the diff.
 */
final class OstreeDemo implements DemoStep {

    private static final String KVER = "6.5.6-300.fc39.x86_64";
    private static final String BRANCH = "fedora/x86_64/coreos/stable";

    @Override
    public String title() {
        return "OSTree: commit an OS tree and verify it";
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws IOException {
        Path tree = workdir.resolve("rootfs");
        writeTree(tree, "39.20231101.3.0", "kernel image v1\n");
        Repository repo = Repository.init(workdir.resolve("repo"));
        out.println("Initialized archive repository " + repo.path().getFileName() + " (mode="
                + repo.config().mode() + ")");

        CommitResult v1 = repo.commit(tree, options("39.20231101.3.0", 1698796800L));
        out.println("Committed " + tree.getFileName() + " to " + BRANCH + ": " + v1.checksum());

        Files.writeString(tree.resolve("usr/etc/motd"), "Welcome to the updated image\n");
        writeTree(tree, "39.20231119.3.0", "kernel image v2\n");
        CommitResult v2 = repo.commit(tree, options("39.20231119.3.0", 1700352000L));
        out.println("Committed an update:  " + v2.checksum() + " (parent " + abbrev(v1.checksum()) + ")");

        FsckReport fsck = repo.fsck(FsckOptions.defaults());
        out.printf(
                "fsck: %d commits, %d objects re-hashed, %s%n",
                fsck.commits(),
                fsck.objects(),
                fsck.ok() ? "no errors" : fsck.findings().size() + " problems");
        if (!fsck.ok()) {
            throw new IllegalStateException("the demo repository failed fsck: " + fsck.findings());
        }

        byte[] seed = new byte[32];
        seed[0] = 42;
        Ed25519.signCommit(repo, v2.checksum(), Base64.getEncoder().encodeToString(seed));
        String pub = Base64.getEncoder().encodeToString(Ed25519.publicKeyOf(seed));
        out.println("Signed the head with ed25519; verify: "
                + (Ed25519.verifyCommit(repo, v2.checksum(), java.util.List.of(pub))
                                .valid()
                        ? "valid"
                        : "INVALID"));

        out.println();
        out.println("$ coreos4j ostree --repo=repo log " + BRANCH);
        for (Repository.LogEntry e : repo.log(repo.resolve(BRANCH))) {
            CommitObject c = java.util.Objects.requireNonNull(e.commit(), "a demo commit is missing");
            out.printf(
                    "  commit %s  %s  Version: %s  %s%n",
                    abbrev(e.checksum()), c.time(), c.version().orElse("-"), c.subject());
        }
        out.println("$ coreos4j ostree --repo=repo diff " + BRANCH + "^ " + BRANCH);
        TreeDiff diff = repo.diff(v1.checksum(), v2.checksum());
        diff.lines().forEach(l -> out.println("  " + l));
    }

    private static CommitOptions options(String version, long timestamp) {
        return CommitOptions.builder()
                .branch(BRANCH)
                .subject("Fedora CoreOS " + version)
                .timestamp(timestamp)
                .ownerUid(0)
                .ownerGid(0)
                .noXattrs(true)
                .addMetadataString("version", version)
                .build();
    }

    private static String abbrev(Checksum c) {
        return c.hex().substring(0, 12);
    }

    private static void writeTree(Path root, String version, String kernel) throws IOException {
        Path modules = root.resolve("usr/lib/modules").resolve(KVER);
        Files.createDirectories(modules);
        Files.createDirectories(root.resolve("usr/etc"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("var"));
        Files.writeString(
                root.resolve("usr/lib/os-release"),
                "NAME=\"Fedora Linux\"\nVERSION_ID=39\nID=fedora\n" + "VARIANT_ID=coreos\nOSTREE_VERSION='" + version
                        + "'\n");
        Path osRelease = root.resolve("usr/etc/os-release");
        if (!Files.exists(osRelease, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(osRelease, Path.of("../lib/os-release"));
        }
        Files.writeString(root.resolve("usr/etc/hostname"), "localhost\n");
        Files.writeString(root.resolve("usr/etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(root.resolve("usr/bin/hello"), "#!/bin/sh\necho hello\n");
        Files.setAttribute(root.resolve("usr/bin/hello"), "unix:mode", 0755);
        Files.write(modules.resolve("vmlinuz"), kernel.repeat(2048).getBytes(StandardCharsets.UTF_8));
        Files.write(
                modules.resolve("initramfs.img"),
                ("initramfs for " + KVER + "\n").repeat(1024).getBytes(StandardCharsets.UTF_8));
    }
}
