package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.ostree.Upstream.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ostree v2022.7 {@code tests/test-fsck-collections.sh} and {@code tests/test-fsck-delete.sh} on our CLI (init
 * {@code --collection-id}, commit with the implicit tree, {@code --orphan --bind-ref}, {@code refs --collections},
 * fsck {@code --verify-bindings}/{@code --verify-back-refs}/{@code --delete}); in every section the real
 * {@code ostree fsck} must give the same verdict on the same repository.
 */
class UpstreamFsckTest {

    @TempDir
    Path tmp;

    private Upstream u;
    private String repo;

    private void sameVerdict(String where, String... flags) throws Exception {
        String[] args = new String[flags.length + 2];
        args[0] = repo;
        args[1] = "fsck";
        System.arraycopy(flags, 0, args, 2, flags.length);
        int ours = u.ours(args).exit();
        int theirs = u.ostree(args).exit();
        port(
                where + " same verdict as ostree fsck " + String.join(" ", flags),
                () -> assertThat(ours).isEqualTo(theirs));
    }

    private String[] withCollectionId() throws Exception {
        reset();
        u.ours(repo, "init", "--mode=archive", "--collection-id", "org.example.Collection")
                .ok();
        Path files = Files.createDirectories(tmp.resolve("files"));
        String ref1 = u.oursIn(files, Map.of(), repo, "commit", "-s", "Commit 1", "-b", "ref1")
                .ok()
                .line();
        String ref2 = u.oursIn(
                        files,
                        Map.of(),
                        repo,
                        "commit",
                        "-s",
                        "Commit 2",
                        "--orphan",
                        "--bind-ref",
                        "ref2",
                        "--add-metadata-string=ostree.collection-binding=org.example.Collection2")
                .ok()
                .line();
        u.ours(repo, "refs", "--collections", "--create=org.example.Collection2:ref2", ref2)
                .ok();
        return new String[] {ref1, ref2};
    }

    private String withoutCollectionId() throws Exception {
        reset();
        u.ours(repo, "init", "--mode=archive").ok();
        Path files = Files.createDirectories(tmp.resolve("files"));
        String ref3 = u.oursIn(files, Map.of(), repo, "commit", "-s", "Commit 3", "-b", "ref3", "--bind-ref", "ref4")
                .ok()
                .line();
        u.ours(repo, "refs", "--create=ref4", ref3).ok();
        return ref3;
    }

    private void reset() throws Exception {
        for (String d : List.of("repo", "files")) {
            if (Files.exists(tmp.resolve(d))) {
                UpstreamRefsTest.deleteTree(tmp.resolve(d));
            }
        }
        repo = u.repo("repo");
    }

    private long deleteCommits() throws Exception {
        try (Stream<Path> s = Files.walk(tmp.resolve("repo/objects"))) {
            List<Path> commits = s.filter(p -> p.toString().endsWith(".commit")).toList();
            for (Path p : commits) {
                Files.delete(p);
            }
            return commits.size();
        }
    }

    @Test
    void testFsckCollectionsSh() throws Exception {
        u = new Upstream(tmp);
        String[] refs = withCollectionId();
        Upstream.Run r = u.ours(repo, "fsck").ok();
        port(
                "test-fsck-collections.sh:49 collections validated",
                () -> assertThat(r.lines()).contains("Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:48");
        port(
                "test-fsck-collections.sh:53 two commits",
                () -> assertThat(deleteCommits()).isEqualTo(2));
        Files.delete(tmp.resolve("repo/refs/heads/ref1"));
        Upstream.Run broken = u.ours(repo, "fsck");
        port("test-fsck-collections.sh:57 fails after deleting the commits", () -> broken.fails());
        port(
                "test-fsck-collections.sh:60 Validating refs",
                () -> assertThat(broken.lines()).contains("Validating refs..."));
        port(
                "test-fsck-collections.sh:61 Validating refs in collections",
                () -> assertThat(broken.lines()).contains("Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:57");

        withCollectionId();
        UpstreamRefsTest.deleteTree(tmp.resolve("repo/refs/mirrors"));
        Upstream.Run old = u.ours(repo, "fsck").ok();
        port(
                "test-fsck-collections.sh:70 old repository without refs/mirrors",
                () -> assertThat(old.lines()).contains("Validating refs...", "Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:69");

        refs = withCollectionId();
        u.ours(repo, "refs", "--create=new-ref", refs[0]).ok();
        port(
                "test-fsck-collections.sh:79 plain fsck passes",
                () -> u.ours(repo, "fsck").ok());
        Upstream.Run unbound = u.ours(repo, "fsck", "--verify-bindings");
        port("test-fsck-collections.sh:80 --verify-bindings fails", () -> unbound.fails());
        port(
                "test-fsck-collections.sh:83 names the unbound ref",
                () -> assertThat(unbound.err())
                        .contains(
                                "Commit has no requested ref \u2018new-ref\u2019 in ref binding metadata (\u2018ref1\u2019)"));
        port(
                "test-fsck-collections.sh:84 Validating refs",
                () -> assertThat(unbound.lines()).contains("Validating refs..."));
        sameVerdict("test-fsck-collections.sh:80", "--verify-bindings");

        refs = withCollectionId();
        u.ours(repo, "refs", "--collections", "--create=org.example.Collection2:new-ref", refs[0])
                .ok();
        Upstream.Run unboundC = u.ours(repo, "fsck", "--verify-bindings");
        port("test-fsck-collections.sh:91 fails", () -> unboundC.fails());
        port(
                "test-fsck-collections.sh:94 names the unbound collection-ref",
                () -> assertThat(unboundC.err())
                        .contains(
                                "Commit has no requested ref \u2018new-ref\u2019 in ref binding metadata (\u2018ref1\u2019)"));
        port(
                "test-fsck-collections.sh:95 phases",
                () -> assertThat(unboundC.lines()).contains("Validating refs...", "Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:91", "--verify-bindings");

        refs = withCollectionId();
        u.ours(repo, "refs", "--collections", "--create=org.example.Collection2:ref1", refs[0])
                .ok();
        Upstream.Run wrongC = u.ours(repo, "fsck", "--verify-bindings");
        port("test-fsck-collections.sh:104 fails", () -> wrongC.fails());
        port(
                "test-fsck-collections.sh:107 names both collection IDs",
                () -> assertThat(wrongC.err())
                        .contains(
                                "Commit has collection ID \u2018org.example.Collection\u2019 in collection binding metadata, while the"
                                        + " remote it came from has collection ID \u2018org.example.Collection2\u2019"));
        port(
                "test-fsck-collections.sh:108 phases",
                () -> assertThat(wrongC.lines()).contains("Validating refs...", "Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:104", "--verify-bindings");

        withCollectionId();
        u.ours(repo, "refs", "--delete", "ref1").ok();
        Upstream.Run unref = u.ours(repo, "fsck").ok();
        port(
                "test-fsck-collections.sh:117 unreferenced bindings are fine",
                () -> assertThat(unref.lines()).contains("Validating refs in collections..."));
        Upstream.Run back = u.ours(repo, "fsck", "--verify-back-refs");
        port("test-fsck-collections.sh:120 --verify-back-refs fails", () -> back.fails());
        port(
                "test-fsck-collections.sh:123 names the missing collection-ref",
                () -> assertThat(back.err())
                        .containsPattern(
                                "Collection\u2013ref \\(org\\.example\\.Collection, ref1\\) in bindings for commit .*"
                                        + " does not exist"));
        port(
                "test-fsck-collections.sh:124 phases",
                () -> assertThat(back.lines()).contains("Validating refs...", "Validating refs in collections..."));
        sameVerdict("test-fsck-collections.sh:120", "--verify-back-refs");

        withoutCollectionId();
        Upstream.Run plain = u.ours(repo, "fsck", "--verify-bindings").ok();
        port(
                "test-fsck-collections.sh:134 no collection ID",
                () -> assertThat(plain.lines()).contains("Validating refs in collections..."));
        port(
                "test-fsck-collections.sh:136 one commit",
                () -> assertThat(deleteCommits()).isEqualTo(1));
        Files.delete(tmp.resolve("repo/refs/heads/ref3"));
        Upstream.Run gone = u.ours(repo, "fsck", "--verify-bindings");
        port("test-fsck-collections.sh:139 fails", () -> gone.fails());
        port(
                "test-fsck-collections.sh:142 Validating refs",
                () -> assertThat(gone.lines()).contains("Validating refs..."));
        sameVerdict("test-fsck-collections.sh:139", "--verify-bindings");

        String ref3 = withoutCollectionId();
        u.ours(repo, "refs", "--create=new-ref", ref3).ok();
        Upstream.Run unbound3 = u.ours(repo, "fsck", "--verify-bindings");
        port("test-fsck-collections.sh:148 fails", () -> unbound3.fails());
        port(
                "test-fsck-collections.sh:151 lists both bound refs",
                () -> assertThat(unbound3.err())
                        .contains(
                                "Commit has no requested ref \u2018new-ref\u2019 in ref binding metadata (\u2018ref3\u2019, \u2018ref4\u2019)"));
        port(
                "test-fsck-collections.sh:152 Validating refs",
                () -> assertThat(unbound3.lines()).contains("Validating refs..."));
        sameVerdict("test-fsck-collections.sh:148", "--verify-bindings");

        withoutCollectionId();
        u.ours(repo, "refs", "--delete", "ref3").ok();
        Upstream.Run unref3 = u.ours(repo, "fsck").ok();
        port(
                "test-fsck-collections.sh:161 unreferenced bindings are fine",
                () -> assertThat(unref3.lines()).contains("Validating refs..."));
        sameVerdict("test-fsck-collections.sh:160");
    }

    @Test
    void testFsckDeleteSh() throws Exception {
        u = new Upstream(tmp);
        String f1 = u.repo("f1");
        u.ours(f1, "init", "--mode=archive-z2").ok();
        Upstream.write(tmp.resolve("trial/test"), "test\n");
        u.ours(f1, "commit", "--tree=dir=" + tmp.resolve("trial"), "--branch=exp1", "--subject=test Commit")
                .ok();
        repo = u.repo("f2");
        u.ours(repo, "init", "--mode=archive-z2").ok();
        u.ostree(repo, "pull-local", tmp.resolve("f1").toString()).ok();
        Path file;
        try (Stream<Path> s = Files.walk(tmp.resolve("f2/objects"))) {
            file = s.filter(p -> p.toString().endsWith(".filez"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
        Files.delete(file);
        Files.writeString(file, "whoops\n");

        Upstream.Run corrupt = u.ours(repo, "fsck");
        port("test-fsck-delete.sh:44 fsck fails on corruption", () -> corrupt.fails());
        port(
                "test-fsck-delete.sh:47 Validating refs",
                () -> assertThat(corrupt.lines()).contains("Validating refs..."));
        port(
                "test-fsck-delete.sh:48 error: In commits",
                () -> assertThat(corrupt.err()).containsPattern("(?m)^error: In commits"));

        Upstream.Run deleting = u.ours(repo, "fsck", "--delete");
        port("test-fsck-delete.sh:53 fsck --delete still fails", () -> deleting.fails());
        port(
                "test-fsck-delete.sh:56 Validating refs",
                () -> assertThat(deleting.lines()).contains("Validating refs..."));
        port(
                "test-fsck-delete.sh:57 In commits",
                () -> assertThat(deleting.err()).containsPattern("(?m)^In commits"));
        port(
                "test-fsck-delete.sh:57 the corrupt object was deleted",
                () -> assertThat(file).doesNotExist());

        Upstream.Run after = u.ours(repo, "fsck");
        port("test-fsck-delete.sh:62 still non-zero after the fix", () -> after.fails());
        port(
                "test-fsck-delete.sh:65 Validating refs",
                () -> assertThat(after.lines()).contains("Validating refs..."));
        port(
                "test-fsck-delete.sh:66 error: 1 (partial commits from fsck-detected corruption)",
                () -> assertThat(after.err()).containsPattern("(?m)^error: 1"));
        sameVerdict("test-fsck-delete.sh:62");

        u.ostree(repo, "pull-local", tmp.resolve("f1").toString()).ok();
        Upstream.Run good = u.ours(repo, "fsck");
        port("test-fsck-delete.sh:73 fsck passes after repair", () -> good.ok());
        port(
                "test-fsck-delete.sh:76 Validating refs",
                () -> assertThat(good.lines()).contains("Validating refs..."));
        port(
                "test-fsck-delete.sh:77 no error output",
                () -> assertThat(good.err()).isEmpty());
        sameVerdict("test-fsck-delete.sh:73");
    }
}
