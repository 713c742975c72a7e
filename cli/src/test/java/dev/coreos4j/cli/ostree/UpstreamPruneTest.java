package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.ostree.Upstream.count;
import static dev.coreos4j.cli.ostree.Upstream.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ostree v2022.7 {@code tests/test-prune.sh} on our CLI ({@code prune}, {@code commit --timestamp}, {@code log},
 * {@code rev-parse}); after every prune the real {@code ostree fsck} judges the repository. Where the script pulls
 * from its HTTP test server, the same history is committed locally (pull is the pull work's); the snapshot copies use
 * the real {@code ostree pull-local}. Not ported: {@code fsck --add-tombstones} and the static-delta lines.
 */
class UpstreamPruneTest {

    @TempDir
    Path tmp;

    private Upstream u;
    private Path tree;

    @BeforeEach
    void setUp() throws Exception {
        u = new Upstream(tmp);
        tree = tmp.resolve("tree");
        Upstream.write(tree.resolve("root/a"), "");
    }

    private String init(String name) {
        String repo = u.repo(name);
        u.ours(repo, "init", "--mode=archive").ok();
        return repo;
    }

    private void commit(String repo, String branch, String subject, String... extra) {
        java.util.List<String> a = new java.util.ArrayList<>(
                java.util.List.of(repo, "commit", "--branch=" + branch, "-m", "test", "-s", subject, tree.toString()));
        a.addAll(java.util.List.of(extra));
        u.ours(a.toArray(String[]::new)).ok();
    }

    private long commits(String name) throws Exception {
        return count(tmp.resolve(name).resolve("objects"), ".commit");
    }

    private long tombstones(String name) throws Exception {
        return count(tmp.resolve(name).resolve("objects"), ".tombstone-commit");
    }

    private long nonCommitObjects(String name) throws Exception {
        try (Stream<Path> s = Files.walk(tmp.resolve(name).resolve("objects"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("."))
                    .filter(n -> !n.endsWith(".commit") && !n.endsWith(".tombstone-commit"))
                    .count();
        }
    }

    private void ostreeFsck(String repo) throws Exception {
        Upstream.Run r = u.ostree(repo, "fsck");
        assertThat(r.exit()).as("ostree fsck: %s %s", r.out(), r.err()).isZero();
    }

    private String fiveCommits() throws Exception {
        String repo = init("repo");
        for (int i = 0; i < 5; i++) {
            Files.writeString(tree.resolve("root/a"), "a\n", java.nio.file.StandardOpenOption.APPEND);
            commit(repo, "origin:test", "test"); // the script pulls these from origin
        }
        return repo;
    }

    @Test
    void depthTombstonesDeleteCommitAndKeepYoungerThan() throws Exception {
        String repo = fiveCommits();
        long before;
        try (Stream<Path> s = Files.walk(tmp.resolve("repo/objects"))) {
            before = s.count();
        }
        Upstream.Run noprune =
                u.ours(repo, "prune", "--refs-only", "--depth=0", "--no-prune").ok();
        port(
                "test-prune.sh:57 --no-prune wording",
                () -> assertThat(noprune.out())
                        .containsPattern("Would delete: [1-9][0-9]* objects, freeing [1-9][0-9]*"));
        port("test-prune.sh:59 --no-prune deletes nothing", () -> {
            try (Stream<Path> s = Files.walk(tmp.resolve("repo/objects"))) {
                assertThat(s.count()).isEqualTo(before);
            }
        });
        u.ours(repo, "prune", "--refs-only", "--depth=2", "-v").ok();
        port(
                "test-prune.sh:62 depth 2 keeps 3 commits",
                () -> assertThat(commits("repo")).isEqualTo(3));
        port(
                "test-prune.sh:64 no tombstones",
                () -> assertThat(tombstones("repo")).isZero());
        ostreeFsck(repo);
        u.ours(repo, "prune", "--refs-only", "--depth=1", "-v").ok();
        port(
                "test-prune.sh:68 depth 1 keeps 2 commits",
                () -> assertThat(commits("repo")).isEqualTo(2));
        port(
                "test-prune.sh:70 no tombstones",
                () -> assertThat(tombstones("repo")).isZero());
        ostreeFsck(repo);

        // the script turns tombstones on with fsck --add-tombstones; the config key is the same
        u.ostree(repo, "config", "set", "core.tombstone-commits", "true").ok();
        u.ours(repo, "prune", "--refs-only", "--depth=0", "-v").ok();
        port(
                "test-prune.sh:90 depth 0 keeps 1 commit",
                () -> assertThat(commits("repo")).isEqualTo(1));
        port(
                "test-prune.sh:92 a tombstone per pruned commit",
                () -> assertThat(tombstones("repo")).isPositive());
        ostreeFsck(repo);

        Path fresh = tmp.resolve("repo");
        UpstreamRefsTest.deleteTree(fresh);
        repo = fiveCommits();
        String oldest = u.ours(repo, "log", "test").ok().lines().stream()
                .filter(l -> l.startsWith("commit "))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring(7);
        u.ours(repo, "prune", "--delete-commit=" + oldest).ok();
        port(
                "test-prune.sh:103 --delete-commit leaves one tombstone",
                () -> assertThat(tombstones("repo")).isEqualTo(1));
        port(
                "test-prune.sh:103 --delete-commit turns tombstones on",
                () -> assertThat(Files.readString(tmp.resolve("repo/config"))).contains("tombstone-commits=true"));
        ostreeFsck(repo);
        String head = u.ours(repo, "rev-parse", "test").ok().line();
        Upstream.Run referenced = u.ours(repo, "prune", "--delete-commit=" + head);
        port("ot-builtin-prune.c delete_commit: a referenced commit is refused", () -> {
            referenced.fails();
            assertThat(referenced.err()).contains("Commit '" + head + "' is referenced by 'origin:test'");
        });

        u.ours(repo, "prune", "--refs-only", "--depth=0", "-v").ok();
        port("test-prune.sh:107 one commit", () -> assertThat(commits("repo")).isEqualTo(1));
        commit(repo, "test", "test", "--timestamp=2005-10-29 12:43:29 +0000");
        commit(repo, "test", "test", "--timestamp=2010-10-29 12:43:29 +0000");
        port(
                "test-prune.sh:110 three commits",
                () -> assertThat(commits("repo")).isEqualTo(3));
        u.ours(repo, "prune", "--keep-younger-than=2015-10-29 12:43:29 +0000").ok();
        port(
                "test-prune.sh:112 keep-younger-than keeps the head and the young",
                () -> assertThat(commits("repo")).isEqualTo(2));
        ostreeFsck(repo);

        u.ours(repo, "prune", "--refs-only", "--depth=0", "-v").ok();
        port("test-prune.sh:117 two commits", () -> assertThat(commits("repo")).isEqualTo(2));
        commit(repo, "test", "test", "--timestamp=October 25 1985");
        commit(repo, "test", "test", "--timestamp=October 21 2015");
        port("test-prune.sh:120 four commits", () -> assertThat(commits("repo")).isEqualTo(4));
        u.ours(repo, "prune", "--keep-younger-than=1 week ago").ok();
        port("test-prune.sh:122 1 week ago", () -> assertThat(commits("repo")).isEqualTo(2));

        u.ours(repo, "commit", "--branch=oldcommit", tree.toString(), "--timestamp=2005-10-29 12:43:29 +0000")
                .ok();
        String oldcommit = u.ostree(repo, "rev-parse", "oldcommit").ok().line();
        u.ostree(repo, "ls", oldcommit).ok();
        u.ours(repo, "prune", "--keep-younger-than=1 week ago").ok();
        port(
                "test-prune.sh:128 a ref's head is never pruned by age",
                () -> u.ostree(repo(), "ls", oldcommit).ok());
        ostreeFsck(repo);

        Upstream.Run deltas = u.ours(repo, "prune", "--static-deltas-only", "--keep-younger-than=October 20 2015");
        port("test-prune.sh:151 --static-deltas-only needs --delete-commit", () -> {
            deltas.fails();
            assertThat(deltas.err()).contains("--static-deltas-only requires --delete-commit");
        });
    }

    private String repo() {
        return u.repo("repo");
    }

    private void datesnapSnapshot() throws Exception {
        String snap = init("datetest-snapshot-repo");
        for (int day = 1; day <= 5; day++) {
            commit(snap, "stable", "old stable build " + day, "--timestamp=October " + day + " 1985");
            commit(snap, "dev", "old dev build " + day, "--timestamp=October " + day + " 1985");
        }
        for (int x = 1; x <= 3; x++) {
            commit(snap, "stable", "new stable build " + x);
            commit(snap, "dev", "new dev build " + x);
        }
        port("test-prune.sh:195 16 commits", () -> {
            try {
                assertThat(commits("datetest-snapshot-repo")).isEqualTo(16);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private String reinitialize(String snapshot) throws Exception {
        Path r = tmp.resolve("repo");
        if (Files.exists(r)) {
            UpstreamRefsTest.deleteTree(r);
        }
        String repo = init("repo");
        u.ostree(repo, "pull-local", "--depth=-1", tmp.resolve(snapshot).toString())
                .ok();
        return repo;
    }

    private void expectCommits(String where, long n, String... pruneArgs) throws Exception {
        String repo = reinitialize("datetest-snapshot-repo");
        String[] args = new String[pruneArgs.length + 2];
        args[0] = repo;
        args[1] = "prune";
        System.arraycopy(pruneArgs, 0, args, 2, pruneArgs.length);
        u.ours(args).ok();
        port(where, () -> {
            try {
                assertThat(commits("repo")).isEqualTo(n);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        ostreeFsck(repo);
    }

    @Test
    void retainBranchDepthOnlyBranchAndKeepYoungerThan() throws Exception {
        datesnapSnapshot();
        String repo = reinitialize("datetest-snapshot-repo");
        Upstream.Run r = u.ours(repo, "prune", "--keep-younger-than=1 week ago", "--retain-branch-depth=stable=BACON");
        port("test-prune.sh:208 BACON is not a number", () -> {
            r.fails();
            assertThat(r.err()).contains("Invalid depth BACON");
        });
        expectCommits(
                "test-prune.sh:212 keep-younger-than + stable=-1",
                11,
                "--keep-younger-than=1 week ago",
                "--retain-branch-depth=stable=-1");
        port("test-prune.sh:214 the snapshot is untouched", () -> {
            try {
                assertThat(commits("datetest-snapshot-repo")).isEqualTo(16);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String again = reinitialize("datetest-snapshot-repo");
        u.ours(again, "prune", "--keep-younger-than=1 week ago", "--retain-branch-depth=stable=-1")
                .ok();
        u.ours(again, "prune", "--keep-younger-than=1 week ago", "--retain-branch-depth=stable=5")
                .ok();
        port("test-prune.sh:221 stable=5 after", () -> {
            try {
                assertThat(commits("repo")).isEqualTo(9);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        ostreeFsck(again);
        expectCommits("test-prune.sh:229 retain-branch-depth alone", 9, "--depth=0", "--retain-branch-depth=stable=-1");
        expectCommits("test-prune.sh:238 --only-branch --depth=0", 9, "--only-branch=dev", "--depth=0");
        expectCommits("test-prune.sh:245 --only-branch --depth=1", 10, "--only-branch=dev", "--depth=1");
        expectCommits(
                "test-prune.sh:251 --only-branch all --depth=0",
                2,
                "--only-branch=dev",
                "--only-branch=stable",
                "--depth=0");
        expectCommits(
                "test-prune.sh:254 --only-branch all --depth=1",
                4,
                "--only-branch=dev",
                "--only-branch=stable",
                "--depth=1");
        expectCommits(
                "test-prune.sh:261 --only-branch and --retain-branch-depth overlap",
                4,
                "--only-branch=dev",
                "--only-branch=stable",
                "--depth=0",
                "--retain-branch-depth=stable=2");
        expectCommits(
                "test-prune.sh:267 --only-branch and --retain-branch-depth together",
                4,
                "--only-branch=dev",
                "--depth=0",
                "--retain-branch-depth=stable=2");
        expectCommits(
                "test-prune.sh:274 --only-branch --keep-younger-than",
                11,
                "--only-branch=stable",
                "--keep-younger-than=1 week ago");
        String b = reinitialize("datetest-snapshot-repo");
        Upstream.Run missing = u.ours(b, "prune", "--only-branch=BACON");
        port("test-prune.sh:279 --only-branch=BACON fails", () -> missing.fails());
        port(
                "test-prune.sh:282 Refspec BACON not found",
                () -> assertThat(missing.err()).containsPattern("Refspec.*BACON.*not found"));
    }

    private void commitOnlySnapshot() throws Exception {
        String snap = init("commit-only-test-repo");
        Upstream.write(tree.resolve("file.txt"), "message\n");
        commit(snap, "stable", "new stable build 1", "--timestamp=October 15 1985");
        commit(snap, "dev", "new dev build 1", "--timestamp=October 15 1985");
        commit(snap, "stable", "new stable build 2");
        commit(snap, "dev", "new dev build 2");
        Upstream.write(tree.resolve("file2.txt"), "message2\n");
        commit(snap, "stable", "new stable build 2");
        commit(snap, "dev", "new dev build 2");
        port("test-prune.sh:306 six commits", () -> {
            try {
                assertThat(commits("commit-only-test-repo")).isEqualTo(6);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private void expectCommitOnly(String where, long n, String... pruneArgs) throws Exception {
        long orig = nonCommitObjects("commit-only-test-repo");
        String repo = reinitialize("commit-only-test-repo");
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(repo, "prune"));
        if (pruneArgs.length > 0 && pruneArgs[0].startsWith("DELETE:")) {
            String which = pruneArgs[0].substring(7);
            java.util.List<String> log = u.ours(repo, "log", "dev").ok().lines().stream()
                    .filter(l -> l.startsWith("commit "))
                    .map(l -> l.substring(7))
                    .toList();
            a.add("--delete-commit=" + (which.equals("last") ? log.get(log.size() - 1) : log.get(1)));
            a.addAll(java.util.List.of(pruneArgs).subList(1, pruneArgs.length));
        } else {
            a.addAll(java.util.List.of(pruneArgs));
        }
        u.ours(a.toArray(String[]::new)).ok();
        port(where + " commits", () -> {
            try {
                assertThat(commits("repo")).isEqualTo(n);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        port(where + " non-commit objects kept", () -> {
            try {
                assertThat(nonCommitObjects("repo")).isEqualTo(orig);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void commitOnly() throws Exception {
        commitOnlySnapshot();
        expectCommitOnly(
                "test-prune.sh:320 --commit-only --only-branch", 4, "--commit-only", "--only-branch=dev", "--depth=0");
        expectCommitOnly(
                "test-prune.sh:327 --commit-only multiple branches depth=1",
                4,
                "--commit-only",
                "--refs-only",
                "--depth=1");
        expectCommitOnly("test-prune.sh:336 --commit-only --delete-commit", 5, "DELETE:last", "--commit-only");
        expectCommitOnly(
                "test-prune.sh:347 --commit-only --delete-commit orphaning",
                4,
                "DELETE:second",
                "--commit-only",
                "--refs-only");
        expectCommitOnly(
                "test-prune.sh:355 --commit-only --keep-younger-than",
                4,
                "--commit-only",
                "--keep-younger-than=1 week ago");
        Upstream.Run r = u.ours(repo(), "prune", "--commit-only", "--refs-only", "--depth=0");
        port(
                "ot-builtin-prune.c: --commit-only counts commits only",
                () -> assertThat(r.ok().out()).startsWith("Total (commit only) objects: "));
    }
}
