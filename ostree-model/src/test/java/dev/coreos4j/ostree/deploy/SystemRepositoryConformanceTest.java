package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our bare system repository against {@code ostree}: it fscks what we write, and pull-local keeps checksums. */
class SystemRepositoryConformanceTest {

    @TempDir
    Path tmp;

    @Test
    void commit_isAcceptedByOstreeFsckAndCheckout() throws IOException {
        Path ostree = Oracles.require("ostree");
        Sysroot s = Sysroot.initFs(tmp.resolve("sr"));
        Path tree = OsTrees.tree(tmp.resolve("t"), "6.1.0", "k", Map.of("a.conf", "a\n", "sub/b.conf", "b\n"));
        Checksum c = s.repository().commit(tree, "os/stable", "subject", "1.0", Instant.ofEpochSecond(1_700_000_000L));
        String repo = "--repo=" + tmp.resolve("sr/ostree/repo");
        Sh.ok(ostree.toString(), repo, "fsck");
        assertThat(Sh.ok(ostree.toString(), repo, "rev-parse", "os/stable").strip())
                .isEqualTo(c.hex());
        assertThat(Sh.ok(ostree.toString(), repo, "show", c.hex())).contains("Version: 1.0");
        Sh.ok(ostree.toString(), repo, "checkout", c.hex(), tmp.resolve("co").toString());
        assertThat(Files.readString(tmp.resolve("co/usr/etc/sub/b.conf"))).isEqualTo("b\n");
        assertThat(Files.readSymbolicLink(tmp.resolve("co/usr/etc/localtime")).toString())
                .isEqualTo("../usr/share/zoneinfo/UTC");
    }

    @Test
    void pullLocal_fromArchiveRepository_keepsChecksumsAndDeploys() throws IOException {
        Path ostree = Oracles.require("ostree");
        Repository archive = Repository.init(tmp.resolve("archive"));
        Path tree = OsTrees.tree(tmp.resolve("t"), "6.1.0", "k", Map.of("app.conf", "v\n"));
        Checksum c = archive.commit(
                        tree,
                        CommitOptions.builder()
                                .branch("os/stable")
                                .subject("s")
                                .ownerUid(0)
                                .ownerGid(0)
                                .noXattrs(true)
                                .timestamp(1_700_000_000L)
                                .addMetadataString("version", "7.0")
                                .build())
                .checksum();
        Sysroot s = Sysroot.initFs(tmp.resolve("sr"));
        assertThat(s.repository().pullLocal(archive, "os/stable")).isEqualTo(c);
        assertThat(s.repository().resolve("os/stable")).contains(c);
        Sh.ok(ostree.toString(), "--repo=" + tmp.resolve("sr/ostree/repo"), "fsck");
        assertThat(s.osInit("os").isApplied()).isTrue();
        Transition t = s.deploy("os", "os/stable", DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).as(t.message()).isTrue();
        assertThat(s.check()).isEmpty();
        assertThat(Sh.ok(ostree.toString(), "admin", "--sysroot=" + tmp.resolve("sr"), "status"))
                .contains("Version: 7.0");
        assertThatThrownBy(() -> s.repository().pullLocal(archive, "no/such"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void bareUserRepository_madeByOstree_isDeployedWithSymlinksRestored() throws IOException {
        Path ostree = Oracles.require("ostree");
        Path probe = Files.writeString(tmp.resolve("xattr-probe"), "");
        try {
            Files.getFileAttributeView(probe, java.nio.file.attribute.UserDefinedFileAttributeView.class)
                    .write("probe", java.nio.ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException | UnsupportedOperationException | NullPointerException e) {
            org.junit.jupiter.api.Assumptions.abort(
                    "bare-user needs user xattrs, which " + tmp + " does not support: " + e);
        }
        Sysroot.initFs(tmp.resolve("sr"));
        Path repo = tmp.resolve("sr/ostree/repo");
        Fs.deleteTree(repo);
        Sh.ok(ostree.toString(), "--repo=" + repo, "init", "--mode=bare-user");
        Path tree = OsTrees.tree(tmp.resolve("t"), "6.1.0", "k", Map.of("app.conf", "v\n"));
        String c = Sh.ok(
                        ostree.toString(),
                        "--repo=" + repo,
                        "commit",
                        "-b",
                        "os/stable",
                        "--tree=dir=" + tree,
                        "--add-metadata-string=version=9.0")
                .strip();
        Sysroot s = Sysroot.open(tmp.resolve("sr"));
        assertThat(s.repository().mode()).isEqualTo("bare-user");
        assertThat(s.osInit("os").isApplied()).isTrue();
        Transition t = s.deploy("os", "os/stable", DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).as(t.message()).isTrue();
        Path dir = s.deploymentDirectory(s.load().deployments().get(0));
        assertThat(dir.getFileName().toString()).isEqualTo(c + ".0");
        assertThat(Files.readSymbolicLink(dir.resolve("etc/localtime")).toString())
                .isEqualTo("../usr/share/zoneinfo/UTC");
        assertThat(Files.readString(dir.resolve("etc/app.conf"))).isEqualTo("v\n");
        assertThat(s.check()).isEmpty();
        assertThat(Sh.ok(ostree.toString(), "admin", "--sysroot=" + tmp.resolve("sr"), "status"))
                .contains("Version: 9.0");
        assertThatThrownBy(() -> s.repository().commit(tree, "x", "s", null, Instant.EPOCH))
                .hasMessageContaining("bare-user");
    }
}
