package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.OstreeTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repository locks against libostree: our exclusive and shared locks block {@code ostree}'s writers and pruners, and
 * {@code ostree}'s lock makes our writers time out with libostree's message. (Random-tree checksum agreement moved
 * to the testkit's {@code RandomTreeConformanceTest}, driven by its tree arbitrary.)
 */
class RepoLockConformanceTest {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("try") // the locks are held for their blocks
    void locks_conflictWithLibostree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path j = tmp.resolve("j");
        Repository repo = Repository.init(j);
        Files.writeString(j.resolve("config"), RepoConfig.ARCHIVE_DEFAULT + "lock-timeout-secs=1\n");
        Path tree = TestTrees.exampleA(tmp.resolve("tree"));
        try (RepoLock.Held held = repo.repoLock().exclusive()) {
            OstreeTool.Result blocked = ostree.run("--repo=" + j, "commit", "-b", "x", "--tree=dir=" + tree);
            assertThat(blocked.exit()).isNotZero();
            assertThat(blocked.err()).containsIgnoringCase("lock");
        }
        try (RepoLock.Held held = repo.repoLock().shared()) {
            ostree.run("--repo=" + j, "commit", "-b", "x", "--tree=dir=" + tree).ok();
            OstreeTool.Result prune = ostree.run("--repo=" + j, "prune", "--refs-only");
            assertThat(prune.exit()).isNotZero();
            assertThat(prune.err()).containsIgnoringCase("lock");
        }
        ostree.run("--repo=" + j, "prune", "--refs-only").ok();

        // and the other way round: while ostree holds the lock, our writers time out with libostree's message
        Repository reopened = Repository.open(j);
        Process holder = CrashSafetyTest.worker("hold", j.resolve(".lock").toString());
        try {
            assertThat(new String(holder.getInputStream().readNBytes(4), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("held");
            org.assertj.core.api.Assertions.assertThatThrownBy(reopened::begin)
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("Locking repo shared failed");
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        try (Transaction tx = reopened.begin()) {
            tx.commit();
        }
    }
}
