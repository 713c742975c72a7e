package dev.coreos4j.cli.container;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coreos4j container …} and {@code admin deploy|stage --image}, end to end through {@code Main}. */
class ContainerCommandTest {

    @TempDir
    Path tmp;

    Path repo;

    private static Path tree(Path dir, String kernel, String conf) throws IOException {
        Files.createDirectories(dir.resolve("usr/lib/modules/6.1.0"));
        Files.writeString(dir.resolve("usr/lib/modules/6.1.0/vmlinuz"), kernel);
        Files.writeString(dir.resolve("usr/lib/modules/6.1.0/initramfs.img"), "initrd " + kernel);
        Files.createDirectories(dir.resolve("usr/etc"));
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.writeString(dir.resolve("usr/bin/tool"), "tool " + conf);
        Files.writeString(dir.resolve("usr/etc/os-release"), "PRETTY_NAME=\"Test OS\"\n");
        Files.writeString(dir.resolve("usr/etc/app.conf"), conf);
        return dir;
    }

    private String commit(String name, String kernel, String version) throws IOException {
        CliRun c = run(
                "ostree",
                "--repo=" + repo,
                "commit",
                "--branch=os/stable",
                "--tree=dir=" + tree(tmp.resolve(name), kernel, name + "\n"),
                "--owner-uid=0",
                "--owner-gid=0",
                "--no-xattrs",
                "--subject=" + name,
                "--add-metadata-string=version=" + version,
                "--timestamp=2024-01-0" + version.charAt(0) + "T00:00:00Z");
        assertThat(c.exit()).as(c.err()).isZero();
        return c.out().strip();
    }

    private static String last(CliRun r) {
        List<String> lines = r.out().strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @BeforeEach
    void setUp() {
        repo = tmp.resolve("repo");
        assertThat(run("ostree", "--repo=" + repo, "init", "--mode=archive").exit())
                .isZero();
    }

    @Test
    void encapsulate_unencapsulate_diff_deploy() throws IOException {
        String c1 = commit("one", "k1", "1.0");
        Path oci = tmp.resolve("oci");
        CliRun e = run(
                "container",
                "encapsulate",
                "--repo=" + repo,
                "--label=com.example=yes",
                "--max-layers=4",
                "os/stable",
                "oci:" + oci + ":1.0");
        assertThat(e.exit()).as(e.err()).isZero();
        String digest1 = last(e);
        assertThat(digest1).matches("sha256:[0-9a-f]{64}");

        Path dst = tmp.resolve("dst");
        assertThat(run("ostree", "--repo=" + dst, "init", "--mode=archive").exit())
                .isZero();
        CliRun u = run(
                "container",
                "unencapsulate",
                "--repo=" + dst,
                "--write-ref=imported",
                "ostree-unverified-image:oci:" + oci + ":1.0");
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(last(u)).isEqualTo(c1);
        assertThat(u.out()).contains("Digest: " + digest1);
        assertThat(run("ostree", "--repo=" + dst, "rev-parse", "imported").out().strip())
                .isEqualTo(c1);

        String c2 = commit("two", "k1", "2.0");
        CliRun e2 = run(
                "container",
                "encapsulate",
                "--repo=" + repo,
                "--max-layers=4",
                "--compression=zstd",
                c2,
                "oci:" + oci + ":2.0");
        assertThat(e2.exit()).as(e2.err()).isZero();
        CliRun d = run(
                "container",
                "image",
                "diff",
                "ostree-unverified-image:oci:" + oci + ":1.0",
                "ostree-unverified-image:oci:" + oci + ":2.0");
        assertThat(d.exit()).as(d.err()).isZero();
        assertThat(d.out()).contains("Total new layers:", "Removed layers:", "Added layers:", "Shared layers:");

        Path sr = tmp.resolve("sr");
        assertThat(run("admin", "init-fs", "--modern", sr.toString()).exit()).isZero();
        assertThat(run("admin", "--sysroot=" + sr, "os-init", "os").exit()).isZero();
        CliRun dep = run(
                "admin", "--sysroot=" + sr, "deploy", "--os=os", "--image=ostree-unverified-image:oci:" + oci + ":1.0");
        assertThat(dep.exit()).as(dep.err()).isZero();
        assertThat(run("admin", "--sysroot=" + sr, "boot", "0").exit()).isZero();
        CliRun st = run("admin", "--sysroot=" + sr, "stage", "--image=ostree-unverified-image:oci:" + oci + ":2.0");
        assertThat(st.exit()).as(st.err()).isZero();
        CliRun status = run("admin", "--sysroot=" + sr, "status");
        assertThat(status.out())
                .contains("● ostree-unverified-image:oci:" + oci + ":1.0", "Digest: " + digest1, "Staged: yes");
    }

    @Test
    void refusals_exitOne_usageTwo() throws IOException {
        commit("one", "k1", "1.0");
        Path oci = tmp.resolve("oci");
        assertThat(run("container", "encapsulate", "--repo=" + repo, "os/stable", "oci:" + oci)
                        .exit())
                .isZero();
        Path dst = tmp.resolve("dst");
        run("ostree", "--repo=" + dst, "init", "--mode=archive");
        Path blobs = oci.resolve("blobs/sha256");
        try (var s = Files.list(blobs)) {
            for (Path b : s.toList()) {
                if (Files.size(b) > 2000) {
                    byte[] bytes = Files.readAllBytes(b);
                    bytes[100] ^= 1;
                    Files.write(b, bytes);
                }
            }
        }
        CliRun u = run("container", "unencapsulate", "--repo=" + dst, "ostree-unverified-image:oci:" + oci);
        assertThat(u.exit()).isEqualTo(1);
        assertThat(u.err()).contains("DIGEST_MISMATCH");
        assertThat(run("container", "unencapsulate", "--repo=" + dst, "nonsense:x")
                        .exit())
                .isEqualTo(2);
        assertThat(run("container", "encapsulate", "--repo=" + repo, "--compression=lzma", "os/stable", "oci:" + oci)
                        .exit())
                .isEqualTo(2);
        assertThat(run("container", "encapsulate", "--repo=" + repo, "no/such", "oci:" + oci)
                        .exit())
                .isEqualTo(1);
    }
}
