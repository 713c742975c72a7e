package dev.coreos4j.cli.demo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.Deployment;
import dev.coreos4j.ostree.deploy.KargEdit;
import dev.coreos4j.ostree.deploy.Sysroot;
import dev.coreos4j.ostree.deploy.SystemRepository;
import dev.coreos4j.ostree.deploy.Transition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The demo chapter for issue #5: a sysroot deployed, staged, finalized and rolled back, with status after each step. */
final class DeploymentDemo implements DemoStep {

    @Override
    public String title() {
        return "Deployments: deploy, stage, finalize, roll back";
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws IOException {
        Path root = workdir.resolve("sysroot");
        Sysroot sysroot = Sysroot.initFs(root);
        SystemRepository repo = sysroot.repository();
        Checksum v1 = repo.commit(
                tree(workdir.resolve("tree-40.1"), "40.1"),
                "fedora/stable",
                "Fedora CoreOS 40.1",
                "40.1",
                Instant.parse("2024-05-01T00:00:00Z"));
        Checksum v2 = repo.commit(
                tree(workdir.resolve("tree-40.2"), "40.2"),
                "fedora/stable",
                "Fedora CoreOS 40.2",
                "40.2",
                Instant.parse("2024-05-15T00:00:00Z"));
        Checksum v3 = repo.commit(
                tree(workdir.resolve("tree-40.3"), "40.3"),
                "fedora/stable",
                "Fedora CoreOS 40.3",
                "40.3",
                Instant.parse("2024-06-01T00:00:00Z"));
        out.printf("Sysroot %s with a bare system repository; committed 40.1, 40.2 and 40.3 to fedora/stable.%n", root);

        step(out, "os-init fedora", sysroot.osInit("fedora"));
        step(
                out,
                "deploy 40.1 --karg=root=LABEL=root",
                sysroot.deploy(
                        "fedora",
                        v1.hex(),
                        DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("root=LABEL=root")))));
        step(out, "boot 0 (simulated reboot)", sysroot.boot(0));
        Path etc = sysroot.deploymentDirectory(sysroot.load().bootedDeployment().orElseThrow())
                .resolve("etc");
        Files.writeString(etc.resolve("motd"), "edited on the machine\n", StandardCharsets.UTF_8);
        out.println("   edited /etc/motd on the booted 40.1");
        step(out, "deploy 40.2", sysroot.deploy("fedora", v2.hex(), DeployOptions.DEFAULTS));
        out.println("   " + sysroot.configDiff("fedora").summary() + " (the merge carried the /etc/motd edit)");
        step(out, "boot 0", sysroot.boot(0));
        status(sysroot, out);

        step(out, "stage 40.3 (finalized at shutdown)", sysroot.stage("fedora", v3.hex(), DeployOptions.DEFAULTS));
        status(sysroot, out);
        step(out, "finalize", sysroot.finalizeStaged());
        status(sysroot, out);
        step(out, "rollback", sysroot.rollback());
        status(sysroot, out);
        Deployment first = sysroot.load().deployments().get(0);
        out.printf(
                "Next boot: %s (version %s); bootloader entries in %s, consistency check: %s%n",
                first.id().substring(0, 20) + "…",
                repo.readCommit(first.commit()).version().orElse("?"),
                root.resolve("boot/loader/entries"),
                sysroot.check().isEmpty() ? "ok" : sysroot.check());
    }

    /** Prints an applied transition as the admin command would; a refused one is a bug of the demo. */
    static void step(PrintWriter out, String what, Transition t) {
        if (!t.isApplied()) {
            throw new IllegalStateException(what + " was refused: " + t.message());
        }
        out.printf("$ coreos4j admin %s%n   %s%n", what, t.message());
    }

    /** Prints {@code admin status} without the state lines, indented. */
    @SuppressWarnings("StringSplitter") // blank lines are skipped below anyway
    static void status(Sysroot sysroot, PrintWriter out) throws IOException {
        out.println("$ coreos4j admin status");
        for (String line : sysroot.status().toText().split("\n")) {
            if (!line.isBlank() && !line.startsWith("State:")) {
                out.println("   " + line);
            }
        }
    }

    /** A tiny OS tree: /usr/etc (os-release, motd), a kernel and initramfs under /usr/lib/modules/6.8.0. */
    private static Path tree(Path dir, String version) throws IOException {
        Path modules = Files.createDirectories(dir.resolve("usr/lib/modules/6.8.0"));
        Files.writeString(modules.resolve("vmlinuz"), "kernel 6.8.0\n", StandardCharsets.UTF_8);
        Files.writeString(modules.resolve("initramfs.img"), "initramfs 6.8.0\n", StandardCharsets.UTF_8);
        Path etc = Files.createDirectories(dir.resolve("usr/etc"));
        Files.writeString(
                etc.resolve("os-release"),
                "ID=fedora\nPRETTY_NAME=\"Fedora CoreOS\"\nVERSION=\"" + version + "\"\n",
                StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("motd"), "Welcome to Fedora CoreOS " + version + "\n", StandardCharsets.UTF_8);
        return dir;
    }
}
