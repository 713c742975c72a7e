package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitOptions;
import dev.coreos4j.ostree.Repository;
import dev.coreos4j.testsupport.Oracles;
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
        assertThat(Sh.ok(ostree.toString(), repo, "rev-parse", "os/stable").strip()).isEqualTo(c.hex());
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
        Checksum c = archive.commit(tree, CommitOptions.builder().branch("os/stable").subject("s").ownerUid(0).ownerGid(0)
                .noXattrs(true).timestamp(1_700_000_000L).addMetadataString("version", "7.0").build()).checksum();
        Sysroot s = Sysroot.initFs(tmp.resolve("sr"));
        assertThat(s.repository().pullLocal(archive, "os/stable")).isEqualTo(c);
        assertThat(s.repository().resolve("os/stable")).contains(c);
        Sh.ok(ostree.toString(), "--repo=" + tmp.resolve("sr/ostree/repo"), "fsck");
        assertThat(s.osInit("os").isApplied()).isTrue();
        Transition t = s.deploy("os", "os/stable", DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).as(t.message()).isTrue();
        assertThat(s.check()).isEmpty();
        assertThat(Sh.ok(ostree.toString(), "admin", "--sysroot=" + tmp.resolve("sr"), "status")).contains("Version: 7.0");
        assertThatThrownBy(() -> s.repository().pullLocal(archive, "no/such"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
