package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 item 6: an unreadable file in a tree to commit is reported as "PATH: Permission denied" (root reads any
 * mode, so the child JVM runs without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH through {@code setpriv}); a FIFO in the
 * tree is refused by its type without ever being opened, so it cannot hang the commit.
 */
class CommitPermissionTest {

    @TempDir
    Path tmp;

    @Test
    void unreadableFile_saysPermissionDeniedAndThePath() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(
                Files.isExecutable(setpriv) && "root".equals(System.getProperty("user.name")),
                "needs root and setpriv to drop the capabilities that bypass file modes");
        Repository.init(tmp.resolve("repo"));
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.writeString(tree.resolve("ok"), "fine\n", StandardCharsets.UTF_8);
        Path secret = tree.resolve("secret");
        Files.writeString(secret, "no\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        List<String> cmd = List.of(
                setpriv.toString(),
                "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                dev.coreos4j.testsupport.ChildJvm.classPath(CommitPermissionTest.class),
                CommitPermissionChild.class.getName(),
                tmp.resolve("repo").toString(),
                tree.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("FAILED " + secret + ": Permission denied");
    }

    @Test
    void fifoInTree_isRefusedWithoutBlocking() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Path fifo = tree.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        assertThatThrownBy(() -> repo.commit(
                        tree, CommitOptions.builder().branch("b").noXattrs(true).build()))
                .hasMessageContaining(fifo + ": cannot commit a device node, FIFO or socket");
    }
}
