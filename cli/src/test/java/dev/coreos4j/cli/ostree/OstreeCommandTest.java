package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.testsupport.Oracles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OstreeCommandTest {

    @TempDir
    Path tmp;

    private Path exampleTree() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("empty"), "");
        Files.writeString(tree.resolve("hello.txt"), "hello\n");
        Files.createSymbolicLink(tree.resolve("sub/link"), Path.of("../hello.txt"));
        Files.writeString(tree.resolve("sub/run.sh"), "#!/bin/sh\necho hi\n");
        Files.setAttribute(tree, "unix:mode", 0755);
        Files.setAttribute(tree.resolve("sub"), "unix:mode", 0755);
        Files.setAttribute(tree.resolve("empty"), "unix:mode", 0644);
        Files.setAttribute(tree.resolve("hello.txt"), "unix:mode", 0644);
        Files.setAttribute(tree.resolve("sub/run.sh"), "unix:mode", 0755);
        return tree;
    }

    private String repo() {
        return "--repo=" + tmp.resolve("repo");
    }

    private CliRun commitExample(Path tree) {
        return run(
                "ostree",
                repo(),
                "commit",
                "-b",
                "test",
                "--tree=dir=" + tree,
                "--timestamp=2024-01-01T00:00:00Z",
                "-s",
                "Test",
                "-m",
                "",
                "--owner-uid=0",
                "--owner-gid=0",
                "--no-xattrs");
    }

    @Test
    void commit_printsChecksumOfSpecExampleAsLastLine() throws Exception {
        assertThat(run("ostree", repo(), "init", "--mode=archive").exit()).isZero();
        CliRun r = commitExample(exampleTree());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662");
    }

    @Test
    void readCommands_logLsCatShowRevParseRefsDiff() throws Exception {
        run("ostree", repo(), "init");
        Path tree = exampleTree();
        commitExample(tree);
        assertThat(run("ostree", repo(), "rev-parse", "test").out().strip())
                .isEqualTo("111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662");
        CliRun log = run("ostree", repo(), "log", "test");
        assertThat(log.out()).isEqualTo("""
                commit 111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662
                ContentChecksum:  f3e44577ac19008761d299f840efa7800fbcb19c04b480ab09f8f06cd4d1c958
                Date:  2024-01-01 00:00:00 +0000

                    Test

                """);
        assertThat(run("ostree", repo(), "show", "test").out()).isEqualTo(log.out());
        assertThat(run("ostree", repo(), "ls", "-R", "test").out()).isEqualTo("""
                d00755 0 0      0 /
                -00644 0 0      0 /empty
                -00644 0 0      6 /hello.txt
                d00755 0 0      0 /sub
                l00777 0 0      0 /sub/link -> ../hello.txt
                -00755 0 0     18 /sub/run.sh
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CatCommand.rawOut = bytes;
        try {
            assertThat(run("ostree", repo(), "cat", "test", "/hello.txt").exit())
                    .isZero();
        } finally {
            CatCommand.rawOut = System.out;
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(run("ostree", repo(), "show", "--print-metadata-key=ostree.ref-binding", "test")
                        .out()
                        .strip())
                .isEqualTo("['test']");

        Files.writeString(tree.resolve("hello.txt"), "changed\n");
        Files.delete(tree.resolve("empty"));
        Files.writeString(tree.resolve("sub/new"), "n");
        commitExample(tree);
        assertThat(run("ostree", repo(), "diff", "test^", "test").out()).isEqualTo("""
                M    /hello.txt
                D    /empty
                A    /sub/new
                """);
        assertThat(run("ostree", repo(), "refs", "--create=other", "test^").exit())
                .isZero();
        assertThat(run("ostree", repo(), "refs").out()).isEqualTo("other\ntest\n");
        assertThat(run("ostree", repo(), "refs", "--delete", "other").exit()).isZero();
        assertThat(run("ostree", repo(), "refs").out()).isEqualTo("test\n");
    }

    @Test
    void checkoutFsckPruneSign() throws Exception {
        run("ostree", repo(), "init");
        commitExample(exampleTree());
        Path co = tmp.resolve("co");
        assertThat(run("ostree", repo(), "checkout", "-U", "test", co.toString())
                        .exit())
                .isZero();
        assertThat(co.resolve("sub/run.sh")).hasContent("#!/bin/sh\necho hi");
        assertThat(Files.readSymbolicLink(co.resolve("sub/link"))).isEqualTo(Path.of("../hello.txt"));
        CliRun fsck = run("ostree", repo(), "fsck");
        assertThat(fsck.exit()).isZero();
        assertThat(fsck.out()).contains("completed successfully - no errors found.");
        CliRun prune = run("ostree", repo(), "prune", "--refs-only");
        assertThat(prune.out()).isEqualTo("Total objects: 8\nNo unreachable objects\n");

        String secret = "XOPQqvwdzprd5JUk3igy8WDX890WJ+Qpx+mPPW2FKcdGOQbXcl2wVDSzMZ8xwtmpFKK/BcdUM1ycBPi92eequw==";
        String pub = "RjkG13JdsFQ0szGfMcLZqRSivwXHVDNcnAT4vdnnqrs=";
        assertThat(run("ostree", repo(), "sign", "--verify", "test", pub).exit())
                .isEqualTo(ExitCode.INVALID);
        assertThat(run("ostree", repo(), "sign", "test", secret).exit()).isZero();
        CliRun verify = run("ostree", repo(), "sign", "--verify", "test", pub);
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("Signature verified successfully");
        CliRun wrong =
                run("ostree", repo(), "sign", "--verify", "test", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(wrong.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(wrong.err().lines().count()).isEqualTo(1);

        // corrupt one object: fsck names it and fails with exit 1
        Path obj = tmp.resolve("repo/objects/44/f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b.filez");
        byte[] b = Files.readAllBytes(obj);
        b[b.length - 2] ^= 0x40;
        Files.write(obj, b);
        CliRun bad = run("ostree", repo(), "fsck");
        assertThat(bad.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(bad.err()).contains("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b");
    }

    @Test
    void errors_areOneLineWithExitCodes() throws Exception {
        CliRun noRepo = run("ostree", "--repo=" + tmp.resolve("missing"), "log", "x");
        assertThat(noRepo.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noRepo.err().strip().lines().count()).isEqualTo(1);
        run("ostree", repo(), "init");
        CliRun unknownRef = run("ostree", repo(), "rev-parse", "nope");
        assertThat(unknownRef.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(unknownRef.err().strip()).isEqualTo("coreos4j: error: Refspec 'nope' not found");
        assertThat(run("ostree", repo(), "init", "--mode=bare").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("ostree", repo(), "commit", "--tree=dir=" + tmp).exit()).isEqualTo(ExitCode.USAGE);
        CliRun badBranch = run("ostree", repo(), "commit", "-b", "../x", "--tree=dir=" + tmp);
        assertThat(badBranch.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(badBranch.err()).contains("Invalid ref name").doesNotContain("Exception");
    }

    @Test
    void lsAndLog_matchTheOstreeCliOutput() throws Exception {
        Path ostree = Oracles.require("ostree");
        run("ostree", repo(), "init");
        Path tree = exampleTree();
        commitExample(tree);
        Files.writeString(tree.resolve("sub/x"), "x");
        run(
                "ostree",
                repo(),
                "commit",
                "-b",
                "test",
                "--tree=dir=" + tree,
                "--timestamp=2024-01-02T00:00:00Z",
                "-s",
                "Two",
                "-m",
                "body\n\nmore",
                "--add-metadata-string=version=2",
                "--owner-uid=0",
                "--owner-gid=0",
                "--no-xattrs");
        for (List<String> args : List.of(
                List.of("ls", "-R", "-C", "test"),
                List.of("ls", "test", "/sub"),
                List.of("log", "test"),
                List.of("rev-parse", "test^"),
                List.of("diff", "test^", "test"))) {
            List<String> ours = new ArrayList<>(List.of("ostree", repo()));
            ours.addAll(args);
            List<String> theirs = new ArrayList<>(List.of(ostree.toString(), repo()));
            theirs.addAll(args);
            Process p = new ProcessBuilder(theirs).redirectErrorStream(true).start();
            String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run(ours.toArray(String[]::new)).out())
                    .as(String.join(" ", args))
                    .isEqualTo(expected);
        }
    }
}
