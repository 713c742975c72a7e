package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly generated trees (names with unicode and punctuation, every permission bit pattern, symlinks, empty
 * files and dirs, nesting) committed by {@code ostree} and by us with the same flags, each as a parent chain on one
 * branch: every commit checksum must agree, and {@code ostree fsck} must accept our repository.
 */
class RandomTreeConformanceTest {

    private static final int TREES = 12;

    @TempDir
    Path tmp;

    private static final String[] NAME_PARTS = {"a", "B", "_", "z", "caf\u00e9", "\uFB01", "\uD83D\uDE00", "x.y",
        "-dash", "~tilde", "sp ace", "\u65e5", "0", "9z", "\u00ff"};

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            sb.append(NAME_PARTS[r.nextInt(NAME_PARTS.length)]);
        }
        return sb.toString();
    }

    private static void fill(Path dir, Random r, int depth) throws Exception {
        int entries = r.nextInt(8);
        for (int i = 0; i < entries; i++) {
            Path p = dir.resolve(name(r));
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            int kind = r.nextInt(10);
            if (kind < 2 && depth < 5) {
                Files.createDirectory(p);
                fill(p, r, depth + 1);
                Files.setAttribute(p, "unix:mode", 0700 | r.nextInt(01000) | (r.nextBoolean() ? 01000 : 0));
            } else if (kind < 3) {
                Files.createSymbolicLink(p, Path.of(r.nextBoolean() ? "../" + name(r) : "/" + name(r)));
            } else {
                byte[] b = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextInt(10) == 0 ? 300_000 : 3000)];
                if (r.nextBoolean()) {
                    r.nextBytes(b);
                } else {
                    java.util.Arrays.fill(b, (byte) ('a' + r.nextInt(26)));
                }
                Files.write(p, b);
                Files.setAttribute(p, "unix:mode", 0400 | r.nextInt(010000));
            }
        }
    }

    @Test
    void randomTrees_commitChecksumsAgreeWithOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path o = tmp.resolve("o");
        ostree.run("--repo=" + o, "init", "--mode=archive").ok();
        Repository repo = Repository.init(tmp.resolve("j"));
        List<String> disagreements = new ArrayList<>();
        int agreed = 0;
        for (int t = 0; t < TREES; t++) {
            Random r = new Random(1000 + t);
            Path tree = tmp.resolve("tree" + t);
            Files.createDirectory(tree);
            fill(tree, r, 0);
            String ts = "2024-01-0" + (1 + t % 9) + "T12:00:00Z";
            List<String> args = new ArrayList<>(List.of("--repo=" + o, "commit", "--branch=random",
                    "--tree=dir=" + tree, "--timestamp=" + ts, "--owner-uid=0", "--owner-gid=0", "--no-xattrs",
                    "--subject=tree " + t, "--add-metadata-string=version=" + t));
            String theirs = ostree.run(args.toArray(String[]::new)).ok().lastLine();
            String ours = repo.commit(tree, CommitOptions.builder().branch("random").subject("tree " + t)
                    .timestamp(java.time.Instant.parse(ts)).ownerUid(0).ownerGid(0).noXattrs(true)
                    .addMetadataString("version", Integer.toString(t)).build()).checksum().hex();
            if (theirs.equals(ours)) {
                agreed++;
            } else {
                disagreements.add("tree " + t + ": ostree " + theirs + ", ours " + ours);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(agreed).isEqualTo(TREES);
        ostree.run("--repo=" + tmp.resolve("j"), "fsck").ok();
        assertThat(repo.log(repo.resolve("random"))).hasSize(TREES);
        assertThat(Repository.open(o).fsck(FsckOptions.defaults()).findings()).isEmpty();
    }

    @Test
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
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("Locking repo shared failed");
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        try (Transaction tx = reopened.begin()) {
            tx.commit();
        }
    }
}
