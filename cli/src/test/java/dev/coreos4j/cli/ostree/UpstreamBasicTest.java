package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.ostree.Upstream.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ostree v2022.7 {@code tests/basic-test.sh} (with libtest.sh's {@code setup_test_repository}) on our CLI: the
 * sections about rev-parse, commit options, diff, refs, cat, ls, show, log and metadata; the checkout sections belong
 * to the checkout work. The real {@code ostree fsck} judges the repository at the end, and {@code ostree show} prints
 * the same metadata values as ours. Also ostree v2022.7 {@code tests/test-commit-timestamp.sh}.
 */
class UpstreamBasicTest {

    @TempDir
    Path tmp;

    private Upstream u;
    private String repo;

    private String cat(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CatCommand.rawOut = bytes;
        try {
            String[] all = new String[args.length + 2];
            all[0] = repo;
            all[1] = "cat";
            System.arraycopy(args, 0, all, 2, args.length);
            Upstream.Run r = u.ours(all);
            return r.exit() == 0 ? bytes.toString(StandardCharsets.UTF_8) : "EXIT " + r.exit() + ": " + r.err();
        } finally {
            CatCommand.rawOut = System.out;
        }
    }

    /** libtest.sh setup_test_repository: test2 with two commits made in files/ (the implicit tree). */
    private Path setupTestRepository() throws Exception {
        repo = u.repo("repo");
        u.ours(repo, "init").ok();
        Path files = Files.createDirectories(tmp.resolve("files"));
        Files.createSymbolicLink(files.resolve("somelink"), Path.of("nosuchfile"));
        Files.writeString(files.resolve("firstfile"), "first\n");
        u.oursIn(files, Map.of(), repo, "commit", "-b", "test2", "-s", "Test Commit 1", "-m", "Commit body first")
                .ok();
        Upstream.write(files.resolve("baz/cow"), "moo\n");
        Upstream.write(files.resolve("baz/cowro"), "mooro\n");
        Upstream.write(files.resolve("baz/saucer"), "alien\n");
        Upstream.write(files.resolve("baz/deeper/ohyeah"), "hi\n");
        Upstream.write(files.resolve("baz/deeper/ohyeahx"), "hix\n");
        Files.createSymbolicLink(files.resolve("baz/alink"), Path.of("nonexistent"));
        Upstream.write(files.resolve("baz/another/y"), "x\n");
        u.oursIn(files, Map.of(), repo, "commit", "-b", "test2", "-s", "Test Commit 2", "-m", "Commit body second")
                .ok();
        u.ours(repo, "fsck", "-q").ok();
        return files;
    }

    private long commits(String branch) {
        return u.ours(repo, "log", branch).ok().lines().stream()
                .filter(l -> l.startsWith("commit "))
                .count();
    }

    @Test
    void basicTestSh() throws Exception {
        u = new Upstream(tmp);
        Path files = setupTestRepository();

        port(
                "basic-test.sh:95 rev-parse test2",
                () -> u.ours(repo, "rev-parse", "test2").ok());
        port(
                "basic-test.sh:96 rev-parse test2^",
                () -> u.ours(repo, "rev-parse", "test2^").ok());
        port(
                "basic-test.sh:97 rev-parse test2^^ fails",
                () -> u.ours(repo, "rev-parse", "test2^^").fails());
        Upstream.Run multiple = u.ours(repo, "rev-parse", "-S");
        port("basic-test.sh:101 -S with several commits", () -> {
            multiple.fails();
            assertThat(multiple.err()).contains("Multiple commit objects found");
        });
        String copy = u.repo("repo-copy");
        u.ours(copy, "init", "--mode=archive").ok();
        Upstream.Run none = u.ours(copy, "rev-parse", "-S");
        port("basic-test.sh:107 -S with none", () -> {
            none.fails();
            assertThat(none.err()).contains("No commit objects found");
        });
        String rev = u.ours(repo, "rev-parse", "test2").ok().line();
        u.ostree(copy, "pull-local", tmp.resolve("repo").toString(), "test2").ok();
        port(
                "basic-test.sh:112 -S with one",
                () -> assertThat(u.ours(copy, "rev-parse", "-S").ok().line()).isEqualTo(rev));
        port(
                "basic-test.sh:122 shortened checksum",
                () -> assertThat(u.ours(repo, "rev-parse", rev.substring(0, 6))
                                .ok()
                                .line())
                        .isEqualTo(rev));
        port(
                "basic-test.sh:125 repo in cwd",
                () -> assertThat(u.oursIn(tmp.resolve("repo"), Map.of(), "rev-parse", "test2")
                                .ok()
                                .line())
                        .isEqualTo(rev));

        Path tree4 = tmp.resolve("checkout-test2-4");
        u.ostree(repo, "checkout", "test2", tree4.toString()).ok();
        Upstream.write(tree4.resolve("four"), "4\n");
        Upstream.write(tree4.resolve("yet/another/tree/green"), "leaf\n");
        Upstream.write(tree4.resolve("yet/message"), "helloworld\n");
        Files.delete(tree4.resolve("baz/saucer"));
        u.oursIn(tree4, Map.of(), repo, "commit", "-b", "test2", "-s", "Current directory")
                .ok();

        u.ours(repo, "commit", "-b", "test2-no-parent", "-s", "", tree4.toString())
                .ok();
        port(
                "basic-test.sh:235 one commit",
                () -> assertThat(commits("test2-no-parent")).isEqualTo(1));
        u.ours(repo, "commit", "-b", "test2-no-parent", "-s", "", "--parent=none", tree4.toString())
                .ok();
        port(
                "basic-test.sh:237 --parent=none",
                () -> assertThat(commits("test2-no-parent")).isEqualTo(1));

        Upstream.Run bootable = u.ours(repo, "commit", "-b", "test-bootable", "--bootable", tree4.toString());
        port("basic-test.sh:242 --bootable without a kernel fails", () -> bootable.fails());
        port(
                "basic-test.sh:245 error: …No such file or directory",
                () -> assertThat(bootable.err()).containsPattern("error: .*No such file or directory"));

        String empty = u.ours(
                        repo,
                        "commit",
                        "-b",
                        "test2-no-subject",
                        "--bind-ref=test2-no-subject-2",
                        "-s",
                        "",
                        "--timestamp=2005-10-29 12:43:29 +0000",
                        tree4.toString())
                .ok()
                .line();
        String omitted = u.ours(
                        repo,
                        "commit",
                        "-b",
                        "test2-no-subject-2",
                        "--bind-ref=test2-no-subject",
                        "--timestamp=2005-10-29 12:43:29 +0000",
                        tree4.toString())
                .ok()
                .line();
        port(
                "basic-test.sh:253 empty and omitted subject give one checksum",
                () -> assertThat(empty).isEqualTo(omitted));
        String theirsEmpty = u.ostree(
                        repo,
                        "commit",
                        "-b",
                        "test2-no-subject-3",
                        "--bind-ref=test2-no-subject",
                        "--bind-ref=test2-no-subject-2",
                        "--no-bindings",
                        "-s",
                        "",
                        "--timestamp=2005-10-29 12:43:29 +0000",
                        tree4.toString())
                .ok()
                .line();
        String oursEmpty = u.ours(
                        repo,
                        "commit",
                        "-b",
                        "test2-no-subject-4",
                        "--no-bindings",
                        "-s",
                        "",
                        "--timestamp=2005-10-29 12:43:29 +0000",
                        tree4.toString())
                .ok()
                .line();
        port(
                "basic-test.sh:253 and the same checksum as ostree's",
                () -> assertThat(oursEmpty).isEqualTo(theirsEmpty));

        Path msg = Upstream.write(
                tmp.resolve("commitmsg.txt"),
                "This is a long\ncommit message.\n\nBuild-Host: foo.example.com\nCrunchy-With-Extra-Ketchup: true\n");
        u.ours(repo, "commit", "-b", "branch-with-commitmsg", "-F", msg.toString(), "-s", "a message", tree4.toString())
                .ok();
        String log = u.ours(repo, "log", "branch-with-commitmsg").ok().out();
        port("basic-test.sh:265 body line 1", () -> assertThat(log).containsPattern("(?m)^ *This is a long$"));
        port(
                "basic-test.sh:266 body Build-Host",
                () -> assertThat(log).containsPattern("(?m)^ *Build-Host:.*example\\.com$"));
        port("basic-test.sh:267 body Crunchy", () -> assertThat(log).containsPattern("(?m)^ *Crunchy-With.*true$"));
        port(
                "basic-test.sh:265 log as ostree log prints it",
                () -> assertThat(log)
                        .isEqualTo(u.ostree(repo, "log", "branch-with-commitmsg")
                                .ok()
                                .out()));
        u.ours(repo, "refs", "--delete", "branch-with-commitmsg").ok();

        for (int i = 0; i < 3; i++) {
            u.ours(repo, "commit", "-b", "test2-custom-parent", "-s", "", tree4.toString())
                    .ok();
        }
        port(
                "basic-test.sh:276 three commits",
                () -> assertThat(commits("test2-custom-parent")).isEqualTo(3));
        String prevparent =
                u.ours(repo, "rev-parse", "test2-custom-parent^").ok().line();
        u.ours(repo, "commit", "-b", "test2-custom-parent", "-s", "", "--parent=" + prevparent, tree4.toString())
                .ok();
        port(
                "basic-test.sh:279 --parent=CSUM",
                () -> assertThat(commits("test2-custom-parent")).isEqualTo(3));

        String orphan = u.ours(repo, "commit", "--orphan", "-s", "orphan", tree4.toString())
                .ok()
                .line();
        u.ours(repo, "ls", orphan).ok();
        u.ours(repo, "prune", "--refs-only").ok();
        Upstream.Run gone = u.ours(repo, "ls", orphan);
        port("basic-test.sh:285 orphan pruned", () -> gone.fails());
        port(
                "basic-test.sh:288 No such metadata object",
                () -> assertThat(gone.err()).contains("No such metadata object"));

        String diff = u.ours(repo, "diff", "test2^", "test2").ok().out();
        port("basic-test.sh:321 D a removed file", () -> assertThat(diff).containsPattern("(?m)D */baz/saucer"));
        port("basic-test.sh:322 A a new dir", () -> assertThat(diff).containsPattern("(?m)A */yet$"));
        port("basic-test.sh:323 A a new file", () -> assertThat(diff).containsPattern("(?m)A */yet/message$"));
        port(
                "basic-test.sh:324 A a deep file",
                () -> assertThat(diff).containsPattern("(?m)A */yet/another/tree/green$"));
        port(
                "basic-test.sh:321 diff as ostree diff",
                () -> assertThat(diff)
                        .isEqualTo(
                                u.ostree(repo, "diff", "test2^", "test2").ok().out()));
        Files.delete(tree4.resolve("four"));
        Upstream.write(tree4.resolve("four/other"), "");
        u.ours(repo, "commit", "-b", "typechange", "--tree=dir=" + tree4).ok();
        u.ours(repo, "commit", "-b", "typechange", "--tree=dir=" + tree4).ok();
        String typeDiff = u.ours(repo, "diff", "test2", "typechange").ok().out();
        port(
                "basic-test.sh:356 a file that became a directory is M",
                () -> assertThat(typeDiff).containsPattern("(?m)M */four$"));
        port(
                "basic-test.sh:356 as ostree diff",
                () -> assertThat(typeDiff)
                        .isEqualTo(u.ostree(repo, "diff", "test2", "typechange")
                                .ok()
                                .out()));

        u.ours(repo, "prune").ok();
        Path remotes = tmp.resolve("repo/refs/remotes");
        Files.move(remotes, tmp.resolve("remotes.orig"));
        Upstream.Run enoent = u.ours(repo, "refs", "--list");
        port("basic-test.sh:606 refs without refs/remotes fails", () -> enoent.fails());
        port(
                "basic-test.sh:609 Listing refs…opendir…No such file",
                () -> assertThat(enoent.err()).containsPattern("Listing refs.*opendir.*No such file or directory"));
        Files.move(tmp.resolve("remotes.orig"), remotes);
        u.ours(repo, "refs", "--list").ok();

        for (String p : List.of("/", "/baz")) {
            String r = cat("test2", p);
            port(
                    "basic-test.sh:619 cat of a directory " + p,
                    () -> assertThat(r).startsWith("EXIT").contains("open directory"));
        }
        port(
                "basic-test.sh:623 cat a file",
                () -> assertThat(cat("test2", "/yet/another/tree/green")).contains("leaf"));
        Path co = tmp.resolve("checkout-test2");
        u.ostree(repo, "checkout", "test2", co.toString()).ok();
        Files.createSymbolicLink(co.resolve("four-link"), Path.of("baz")); // a directory, as /four is upstream by then
        Files.createSymbolicLink(co.resolve("cow-link"), Path.of("baz/cow"));
        Files.createSymbolicLink(co.resolve("cow-link-link"), Path.of("cow-link"));
        u.ours(repo, "commit", "-b", "test2-withlink", "--tree=dir=" + co).ok();
        port(
                "basic-test.sh:632 cat a link to a directory",
                () -> assertThat(cat("test2-withlink", "/four-link"))
                        .startsWith("EXIT")
                        .contains("open directory"));
        for (String p : List.of("/cow-link", "/cow-link-link")) {
            port(
                    "basic-test.sh:637 cat follows " + p,
                    () -> assertThat(cat("test2-withlink", p)).contains("moo"));
        }
        port(
                "basic-test.sh:920 ls with no argument",
                () -> u.ours(repo, "ls", "test2").ok());
        Upstream.Run notadir = u.ours(repo, "ls", "test2", "/baz/cow/notadir");
        port("basic-test.sh:925 ls of not a directory", () -> {
            notadir.fails();
            assertThat(notadir.err()).contains("Not a directory");
        });
        port(
                "basic-test.sh:931 show with non-checksum",
                () -> u.ours(repo, "show", "test2").ok());
        String checksum = u.oursIn(co, Map.of(), repo, "commit", "-b", "test4", "-s", "Third commit")
                .ok()
                .line();
        String show = u.ours(repo, "show", "test4").ok().out();
        port("basic-test.sh:938 show subject", () -> assertThat(show).contains("Third commit"));
        port("basic-test.sh:939 show commit line", () -> assertThat(show).contains("commit " + checksum));
        port(
                "basic-test.sh:938 show as ostree show",
                () -> assertThat(show)
                        .isEqualTo(u.ostree(repo, "show", "test4").ok().out()));
        String cc = show.lines()
                .filter(l -> l.startsWith("ContentChecksum"))
                .findFirst()
                .orElseThrow();
        u.oursIn(co, Map.of(), repo, "commit", "-b", "test4", "-s", "Another commit with different subject")
                .ok();
        port(
                "basic-test.sh:947 content checksum unchanged",
                () -> assertThat(u.ours(repo, "show", "test4").ok().out()).contains(cc));
        String c1 = u.oursIn(co, Map.of(), repo, "commit", "-b", "test5", "-s", "First commit")
                .ok()
                .line();
        String c2 = u.oursIn(co, Map.of(), repo, "commit", "-b", "test5", "-s", "Second commit")
                .ok()
                .line();
        String log5 = u.ours(repo, "log", "test5").ok().out();
        port("basic-test.sh:958 log First commit", () -> assertThat(log5).contains("First commit"));
        port("basic-test.sh:959 log commit 1", () -> assertThat(log5).contains("commit " + c1));
        port("basic-test.sh:960 log Second commit", () -> assertThat(log5).contains("Second commit"));
        port("basic-test.sh:961 log commit 2", () -> assertThat(log5).contains("commit " + c2));

        u.oursIn(
                        co,
                        Map.of(),
                        repo,
                        "commit",
                        "-b",
                        "test2",
                        "-s",
                        "Metadata string",
                        "--add-metadata-string=FOO=BAR",
                        "--add-metadata-string=KITTENS=CUTE",
                        "--add-detached-metadata-string=SIGNATURE=HANCOCK",
                        "--add-metadata=SOMENUM=uint64 42",
                        "--tree=ref=test2")
                .ok();
        port(
                "basic-test.sh:988 FOO",
                () -> assertThat(u.ours(repo, "show", "--print-metadata-key=FOO", "test2")
                                .ok()
                                .out())
                        .contains("BAR"));
        port(
                "basic-test.sh:990 KITTENS",
                () -> assertThat(u.ours(repo, "show", "--print-metadata-key=KITTENS", "test2")
                                .ok()
                                .out())
                        .contains("CUTE"));
        port(
                "basic-test.sh:998 SOMENUM byte-swapped on little-endian",
                () -> assertThat(u.ours(repo, "show", "--print-metadata-key=SOMENUM", "test2")
                                .ok()
                                .out())
                        .contains("uint64 3026418949592973312"));
        port(
                "basic-test.sh:1005 SOMENUM with -B",
                () -> assertThat(u.ours(repo, "show", "-B", "--print-metadata-key=SOMENUM", "test2")
                                .ok()
                                .out())
                        .contains("uint64 42"));
        port(
                "basic-test.sh:1007 detached SIGNATURE",
                () -> assertThat(u.ours(repo, "show", "--print-detached-metadata-key=SIGNATURE", "test2")
                                .ok()
                                .out())
                        .contains("HANCOCK"));
        for (String key : List.of("FOO", "KITTENS", "SOMENUM")) {
            port(
                    "basic-test.sh:988 ostree show prints " + key + " as we do",
                    () -> assertThat(u.ours(repo, "show", "--print-metadata-key=" + key, "test2")
                                    .ok()
                                    .out())
                            .isEqualTo(u.ostree(repo, "show", "--print-metadata-key=" + key, "test2")
                                    .ok()
                                    .out()));
        }
        u.ours(
                        repo,
                        "commit",
                        "-b",
                        "test2",
                        "--tree=ref=test2",
                        "--add-detached-metadata-string=SIGNATURE=HANCOCK",
                        "--keep-metadata=KITTENS",
                        "--keep-metadata=SOMENUM")
                .ok();
        port(
                "basic-test.sh:1013 FOO not kept",
                () -> u.ours(repo, "show", "--print-metadata-key=FOO", "test2").fails());
        port(
                "basic-test.sh:1017 KITTENS kept",
                () -> assertThat(u.ours(repo, "show", "--print-metadata-key=KITTENS", "test2")
                                .ok()
                                .out())
                        .contains("CUTE"));
        port(
                "basic-test.sh:1019 SOMENUM kept",
                () -> assertThat(u.ours(repo, "show", "-B", "--print-metadata-key=SOMENUM", "test2")
                                .ok()
                                .out())
                        .contains("uint64 42"));
        port(
                "basic-test.sh:1024 ref binding",
                () -> assertThat(u.ours(repo, "show", "--print-metadata-key=ostree.ref-binding", "test2")
                                .ok()
                                .out())
                        .contains("test2"));
        u.ours(repo, "commit", "-b", "test2-unbound", "--no-bindings", "--tree=dir=" + co)
                .ok();
        port(
                "basic-test.sh:1027 --no-bindings",
                () -> u.ours(repo, "show", "--print-metadata-key=ostree.ref-binding", "test2-unbound")
                        .fails());
        port("basic-test.sh judge: ostree fsck", () -> u.ostree(repo, "fsck").ok());
    }

    @Test
    void testCommitTimestampSh() throws Exception {
        u = new Upstream(tmp);
        repo = u.repo("testrepo");
        u.ours(repo, "init", "--mode=archive").ok();
        Path files = Files.createDirectories(tmp.resolve("testrepo-files"));
        Files.writeString(files.resolve("firstfile"), "first\n");
        u.oursIn(files, Map.of(), repo, "commit", "-b", "cli", "--timestamp=@1234567890", "-s", "cli timestamp")
                .ok();
        port(
                "test-commit-timestamp.sh:27 CLI timestamp",
                () -> assertThat(u.ours(repo, "show", "cli").ok().out()).contains("Date:  2009-02-13 23:31:30 +0000"));
        u.oursIn(tmp, Map.of("SOURCE_DATE_EPOCH", "1234567890"), repo, "commit", "-b", "env", "-s", "env timestamp")
                .ok();
        Upstream.Run invalid = u.oursIn(
                tmp, Map.of("SOURCE_DATE_EPOCH", "invalid"), repo, "commit", "-b", "env", "-s", "invalid timestamp");
        port("test-commit-timestamp.sh:39 invalid SOURCE_DATE_EPOCH fails", () -> invalid.fails());
        Upstream.Run overflow = u.oursIn(
                tmp,
                Map.of("SOURCE_DATE_EPOCH", "12345678901234567890"),
                repo,
                "commit",
                "-b",
                "env",
                "-s",
                "overflowing timestamp");
        port("test-commit-timestamp.sh:42 overflowing SOURCE_DATE_EPOCH fails", () -> overflow.fails());
        port(
                "test-commit-timestamp.sh:47 Failed to convert",
                () -> assertThat(invalid.err()).contains("Failed to convert SOURCE_DATE_EPOCH"));
        port(
                "test-commit-timestamp.sh:48 Numerical result out of range",
                () -> assertThat(overflow.err()).contains("Parsing SOURCE_DATE_EPOCH: Numerical result out of range"));
        port(
                "test-commit-timestamp.sh:49 env timestamp",
                () -> assertThat(u.ours(repo, "show", "env").ok().out()).contains("Date:  2009-02-13 23:31:30 +0000"));
        port(
                "test-commit-timestamp.sh judge: ostree show",
                () -> assertThat(u.ostree(repo, "show", "env").ok().out())
                        .contains("Date:  2009-02-13 23:31:30 +0000"));
    }
}
