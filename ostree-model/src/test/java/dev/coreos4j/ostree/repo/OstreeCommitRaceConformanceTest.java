package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.OstreeTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 item 3: our commits and a real {@code ostree commit -b} on the same branch at the same time. libostree
 * sets the ref without compare-and-set, so it can overwrite ours; we then must not report our update as landed.
 * Every commit we report as {@link RefUpdate.Updated} is in the branch history, except in the one window the README
 * names (ostree read the branch head before our rename and took its lock after our check: its commit then has our
 * parent as its own); every other one was reported as a {@link RefUpdate.Conflict}.
 */
class OstreeCommitRaceConformanceTest {

    @TempDir
    Path tmp;

    @Test
    void oursAndOstreeCommit_neverReportALostUpdateAsLanded() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Repository repo = Repository.init(tmp.resolve("repo"));
        int landed = 0;
        int conflicts = 0;
        int window = 0;
        for (int round = 0; round < 12; round++) {
            Path ours = Files.createDirectories(tmp.resolve("ours" + round));
            Files.writeString(ours.resolve("f"), "ours " + round + "\n", StandardCharsets.UTF_8);
            Path theirs = Files.createDirectories(tmp.resolve("theirs" + round));
            Files.writeString(theirs.resolve("f"), "theirs " + round + "\n", StandardCharsets.UTF_8);
            CompletableFuture<OstreeTool.Result> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return ostree.run(
                            "--repo=" + repo.path(), "commit", "-b", "race", "--tree=dir=" + theirs, "-s", "theirs");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(round % 4 * 3);
            CommitResult r = repo.commit(
                    ours,
                    CommitOptions.builder()
                            .branch("race")
                            .subject("ours")
                            .noXattrs(true)
                            .build());
            other.get().ok();
            Set<Checksum> history = new HashSet<>();
            repo.log(repo.resolve("race")).forEach(e -> history.add(e.checksum()));
            RefUpdate u = java.util.Objects.requireNonNull(r.refUpdate());
            if (u instanceof RefUpdate.Updated) {
                if (history.contains(r.checksum())) {
                    landed++;
                } else {
                    Checksum theirsCommit = repo.resolve("race");
                    assertThat(repo.readCommit(theirsCommit).parent())
                            .as("round %d: reported landed, not in history, and not the documented window", round)
                            .isEqualTo(r.commit().parent());
                    window++;
                }
            } else {
                conflicts++;
            }
        }
        System.out.println("ours vs ostree commit: 12 rounds, " + landed + " landed and in history, " + conflicts
                + " reported as conflicts, " + window + " in the documented window");
        assertThat(landed + conflicts + window).isEqualTo(12);
        ostree.run("--repo=" + repo.path(), "fsck").ok();
    }
}
