package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same init-fs / os-init / deploy / pin / undeploy / kargs sequence run by {@code ostree admin} (2022.7) on one
 * scratch sysroot and by {@link Sysroot} on another, on the same commits: the deployment directories, origin files,
 * BLS entries, loader and bootlink symlinks, kernels in /boot, deployment refs and merged /etc must be identical after
 * every step, and each side must read the other's sysroot.
 *
 * <p>Listed differences (not compared): the immutable flag libostree sets on deployment roots, and repository
 * objects/locks (both sides hold the same commits, written by {@code ostree commit}).
 */
class SysrootConformanceTest {

    @TempDir
    Path tmp;

    Path ostree;
    Path theirs;
    Path oursRoot;
    Sysroot ours;
    String c1;
    String c2;

    @BeforeEach
    void setUp() throws IOException {
        ostree = Oracles.require("ostree");
        theirs = tmp.resolve("theirs");
        oursRoot = tmp.resolve("ours");
        Files.createDirectories(theirs);
        Sh.ok(ostree.toString(), "admin", "init-fs", "--modern", theirs.toString());
        ours = Sysroot.initFs(oursRoot);
        Path t1 = OsTrees.tree(tmp.resolve("t1"), "6.1.0", "kernel-1", Map.of("app.conf", "v1\n", "hostname", "h\n"));
        Path t2 = OsTrees.tree(
                tmp.resolve("t2"),
                "6.1.0",
                "kernel-1",
                Map.of("app.conf", "v2\n", "hostname", "h2\n", "new.conf", "n\n"));
        c1 = commit(t1, "1.0", "2024-01-01T00:00:00Z");
        c2 = commit(t2, "2.0", "2024-02-01T00:00:00Z");
    }

    @AfterEach
    void unlock() throws IOException {
        Sh.unlockDeployments(theirs);
    }

    /** Commits the same tree with the same flags into both system repositories. */
    private String commit(Path tree, String version, String time) throws IOException {
        String a = null;
        for (Path sr : List.of(theirs, oursRoot)) {
            String out = Sh.ok(
                            ostree.toString(),
                            "--repo=" + sr.resolve("ostree/repo"),
                            "commit",
                            "-b",
                            "testos/stable",
                            "--tree=dir=" + tree,
                            "--owner-uid=0",
                            "--owner-gid=0",
                            "--no-xattrs",
                            "--timestamp=" + time,
                            "--add-metadata-string=version=" + version,
                            "-s",
                            "v" + version)
                    .strip();
            assertThat(a == null || a.equals(out)).isTrue();
            a = out;
        }
        return a;
    }

    private void admin(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ostree.toString(), "admin", "--sysroot=" + theirs));
        cmd.addAll(List.of(args));
        Sh.ok(cmd.toArray(new String[0]));
    }

    private static void applied(Transition t) {
        assertThat(t.isApplied()).as(t.message()).isTrue();
    }

    @Test
    void initFs_matchesOstreeLayout() throws IOException {
        assertThat(layout(oursRoot, false)).isEqualTo(layout(theirs, false));
        assertThat(Files.readString(oursRoot.resolve("ostree/repo/config")))
                .isEqualTo(Files.readString(theirs.resolve("ostree/repo/config")));
    }

    @Test
    void lifecycle_matchesOstreeAdminStepByStep() throws IOException {
        admin("os-init", "testos");
        applied(ours.osInit("testos"));
        assertSame("os-init");

        admin("deploy", "--os=testos", "--karg=root=LABEL=root", "--karg=quiet", c1);
        applied(ours.deploy(
                "testos",
                c1,
                DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("root=LABEL=root"), KargEdit.set("quiet")))));
        assertSame("first deploy");

        // the same local /etc edits on both sides, then a deploy that must carry them over
        for (Path sr : List.of(theirs, oursRoot)) {
            Path etc = sr.resolve("ostree/deploy/testos/deploy/" + c1 + ".0/etc");
            Files.writeString(etc.resolve("app.conf"), "edited\n");
            Files.writeString(etc.resolve("local.conf"), "mine\n");
            Files.delete(etc.resolve("hostname"));
        }
        admin("deploy", "--os=testos", "--karg-append=extra=1", "testos/stable");
        applied(ours.deploy(
                "testos", "testos/stable", DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.append("extra=1")))));
        assertSame("second deploy with /etc merge");

        admin("pin", "1");
        applied(ours.pin(1, true));
        assertSame("pin 1");

        admin("deploy", "--os=testos", "--karg-append=debug", "testos/stable");
        applied(ours.changeKargs(List.of(KargEdit.append("debug")), false));
        assertSame("kargs change (new deployment of the same commit)");

        admin("os-init", "other");
        applied(ours.osInit("other"));
        admin("deploy", "--os=other", "--karg=a=b", c1);
        applied(ours.deploy("other", c1, DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("a=b")))));
        assertSame("deploy into a second stateroot");

        admin("undeploy", "2");
        applied(ours.undeploy(2));
        assertSame("undeploy 2");

        admin("kargs", "edit-in-place", "--append-if-missing=foo=bar");
        applied(ours.editKargsInPlace(List.of(new KargEdit(KargEdit.Op.APPEND_IF_MISSING, "foo=bar"))));
        assertSame("kargs edit-in-place --append-if-missing");

        admin("pin", "--unpin", "2");
        applied(ours.pin(2, false));
        assertSame("unpin 2");

        admin("deploy", "--os=testos", "--not-as-default", "--retain", c1);
        applied(ours.deploy(
                "testos", c1, DeployOptions.DEFAULTS.withNotAsDefault(true).withRetain(true)));
        assertSame("deploy --not-as-default --retain");

        admin(
                "deploy",
                "--os=testos",
                "--karg-delete=quiet",
                "--karg=root=UUID=1",
                "--karg-append=console=ttyS0",
                "--karg-append=console=tty0",
                c2);
        applied(ours.deploy(
                "testos",
                c2,
                DeployOptions.DEFAULTS.withKargEdits(List.of(
                        KargEdit.set("root=UUID=1"),
                        KargEdit.append("console=ttyS0"),
                        KargEdit.append("console=tty0"),
                        KargEdit.delete("quiet")))));
        assertSame("deploy with --karg-delete/--karg/--karg-append");

        admin("deploy", "--os=testos", "--karg-none", "--karg=x=1", c1);
        applied(ours.deploy(
                "testos", c1, DeployOptions.DEFAULTS.withKargsNone(true).withKargEdits(List.of(KargEdit.set("x=1")))));
        assertSame("deploy --karg-none");

        admin("deploy", "--os=testos", "--no-merge", c2);
        applied(ours.deploy("testos", c2, DeployOptions.DEFAULTS.withNoMerge(true)));
        assertSame("deploy --no-merge");

        // each side reads the other's sysroot
        String theirStatusOfTheirs = Sh.ok(ostree.toString(), "admin", "--sysroot=" + theirs, "status");
        String theirStatusOfOurs = Sh.ok(ostree.toString(), "admin", "--sysroot=" + oursRoot, "status");
        assertThat(theirStatusOfOurs).isEqualTo(theirStatusOfTheirs);
        assertThat(Sysroot.open(theirs).load()).isEqualTo(ours.load());
        assertThat(Sysroot.open(theirs).check()).isEmpty();
        assertThat(ours.check()).isEmpty();
        // we write their sysroot (immutable deployment roots included) and ostree still reads it
        Sysroot onTheirs = Sysroot.open(theirs);
        applied(onTheirs.undeploy(onTheirs.load().size() - 1));
        applied(onTheirs.deploy("testos", c1, DeployOptions.DEFAULTS.withRetain(true)));
        applied(onTheirs.setDefault(1));
        // the undeployed root libostree made immutable (chattr +i, which Java cannot clear) stays behind, and check()
        // says so; nothing else may be wrong
        assertThat(onTheirs.check()).allSatisfy(p -> assertThat(p).contains("orphaned deployment directory"));
        String after = Sh.ok(ostree.toString(), "admin", "--sysroot=" + theirs, "status");
        assertThat(after.lines()
                        .filter(l -> l.startsWith("  testos ") || l.startsWith("  other "))
                        .count())
                .isEqualTo(onTheirs.load().size());
        // ostree's own prune keeps every deployed commit of our sysroot, and fsck passes
        Sh.ok(ostree.toString(), "--repo=" + oursRoot.resolve("ostree/repo"), "prune", "--refs-only");
        Sh.ok(ostree.toString(), "--repo=" + oursRoot.resolve("ostree/repo"), "fsck");
        assertThat(ours.check()).isEmpty();
    }

    @Test
    void setDefault_ofBootloaderEquivalentDeployments_swapsOnlyTheBootlinks() throws IOException {
        applied(ours.osInit("testos"));
        applied(ours.deploy("testos", c1, DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("quiet")))));
        applied(ours.deploy("testos", c1, DeployOptions.DEFAULTS.withRetain(true)));
        Map<String, String> entriesBefore = layout(oursRoot, false);
        String loader = Files.readSymbolicLink(oursRoot.resolve("boot/loader")).toString();
        String bootlink = Files.readSymbolicLink(oursRoot.resolve("ostree/" + loader.replace("loader", "boot")))
                .toString();
        String statusBefore = Sh.ok(ostree.toString(), "admin", "--sysroot=" + oursRoot, "status");
        assertThat(statusBefore.indexOf(c1 + ".1")).isLessThan(statusBefore.indexOf(c1 + ".0"));

        applied(ours.setDefault(1));

        // same count and bootloader-equivalent entries: /boot is untouched, only ostree/boot.B flips to the other S
        assertThat(Files.readSymbolicLink(oursRoot.resolve("boot/loader")).toString())
                .isEqualTo(loader);
        String flipped = Files.readSymbolicLink(oursRoot.resolve("ostree/" + loader.replace("loader", "boot")))
                .toString();
        assertThat(flipped).isNotEqualTo(bootlink);
        Map<String, String> entriesAfter = layout(oursRoot, false);
        for (String key : entriesBefore.keySet()) {
            if (key.startsWith("boot/loader")) {
                assertThat(entriesAfter.get(key)).as(key).isEqualTo(entriesBefore.get(key));
            }
        }
        String statusAfter = Sh.ok(ostree.toString(), "admin", "--sysroot=" + oursRoot, "status");
        assertThat(statusAfter.indexOf(c1 + ".0")).isLessThan(statusAfter.indexOf(c1 + ".1"));
        assertThat(ours.load().deployments()).extracting(Deployment::serial).containsExactly(0, 1);
        assertThat(ours.check()).isEmpty();
    }

    private void assertSame(String step) throws IOException {
        Map<String, String> expected = layout(theirs, true);
        Map<String, String> actual = layout(oursRoot, true);
        StringBuilder diff = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(expected.get(k), actual.get(k))) {
                diff.append("\n  ")
                        .append(k)
                        .append("\n    ostree: ")
                        .append(expected.get(k))
                        .append("\n    ours:   ")
                        .append(actual.get(k));
            }
        }
        assertThat(diff.toString()).as("after " + step).isEmpty();
    }

    /**
     * Everything of the sysroot except repository internals: path → content (files), → "-> target" (symlinks),
     * → "dir 0755" (directories). Deployment contents are compared for /etc only.
     */
    static Map<String, String> layout(Path sr, boolean refs) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(sr)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = sr.relativize(p).toString();
                if (rel.isEmpty() || rel.equals("ostree/lock") || rel.startsWith("run")) {
                    continue;
                }
                if (rel.startsWith("ostree/repo/")) {
                    boolean ref = rel.startsWith("ostree/repo/refs/heads/ostree");
                    if (!(refs && ref) && !rel.equals("ostree/repo/config")) {
                        continue;
                    }
                }
                String[] parts = rel.split("/");
                if (parts.length > 5
                        && parts[0].equals("ostree")
                        && parts[1].equals("deploy")
                        && parts[3].equals("deploy")
                        && !parts[5].equals("etc")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir " + Integer.toOctalString(Fs.mode(p) & 07777));
                } else {
                    out.put(
                            rel,
                            Integer.toOctalString(Fs.mode(p) & 07777) + " "
                                    + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
