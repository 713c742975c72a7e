package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.OstreeTool;
import dev.coreos4j.ostree.Xattr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our archive repositories against the real {@code ostree}, both ways. */
class RepositoryConformanceTest {

    @TempDir
    Path tmp;

    private static final String TS = "2024-01-01T00:00:00Z";

    private static CommitOptions.Builder flags(String branch, String subject) {
        return CommitOptions.builder()
                .branch(branch)
                .subject(subject)
                .timestamp(1704067200L)
                .ownerUid(0)
                .ownerGid(0)
                .noXattrs(true);
    }

    private String ostreeCommit(OstreeTool ostree, Path repo, Path tree, String branch, String subject, String... extra)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--repo=" + repo,
                "commit",
                "--branch=" + branch,
                "--tree=dir=" + tree,
                "--timestamp=" + TS,
                "--owner-uid=0",
                "--owner-gid=0",
                "--no-xattrs",
                "--subject=" + subject,
                "--body="));
        args.addAll(List.of(extra));
        return ostree.run(args.toArray(String[]::new)).ok().lastLine();
    }

    @Test
    void init_writesTheSameConfigAsOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        ostree.run("--repo=" + tmp.resolve("o"), "init", "--mode=archive").ok();
        Repository.init(tmp.resolve("j"));
        assertThat(Files.readAllBytes(tmp.resolve("j/config"))).isEqualTo(Files.readAllBytes(tmp.resolve("o/config")));
        for (String d :
                List.of("objects", "refs/heads", "refs/remotes", "refs/mirrors", "tmp", "state", "extensions")) {
            assertThat(tmp.resolve("j").resolve(d)).isDirectory();
        }
    }

    @Test
    void commit_exampleA_matchesOstreeChecksumAndObjects() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path tree = TestTrees.exampleA(tmp.resolve("tree"));
        Path o = tmp.resolve("o");
        ostree.run("--repo=" + o, "init", "--mode=archive").ok();
        String expected = ostreeCommit(ostree, o, tree, "test", "Test");
        assertThat(expected).isEqualTo("111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662");

        Repository repo = Repository.init(tmp.resolve("j"));
        CommitResult r = repo.commit(tree, flags("test", "Test").build());
        assertThat(r.checksum().hex()).isEqualTo(expected);
        assertThat(r.refUpdate())
                .isNotNull()
                .satisfies(u -> assertThat(u.applied()).isTrue());
        assertThat(objectFiles(tmp.resolve("j"))).isEqualTo(objectFiles(o));
    }

    @Test
    void commit_awkwardTree_agreesWithOstreeBothWays() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path tree = TestTrees.awkward(tmp.resolve("tree"), 42);
        Path o = tmp.resolve("o");
        Path j = tmp.resolve("j");
        ostree.run("--repo=" + o, "init", "--mode=archive").ok();
        String expected = ostreeCommit(ostree, o, tree, "os/x86_64", "awkward");
        Repository repo = Repository.init(j);
        CommitResult r = repo.commit(tree, flags("os/x86_64", "awkward").build());
        assertThat(r.checksum().hex()).isEqualTo(expected);

        // ostree accepts our repository
        ostree.run("--repo=" + j, "fsck").ok();
        assertThat(ostree.run("--repo=" + j, "ls", "-R", "-C", "os/x86_64").ok().out())
                .isEqualTo(ostree.run("--repo=" + o, "ls", "-R", "-C", "os/x86_64")
                        .ok()
                        .out());
        ostree.run(
                        "--repo=" + j,
                        "checkout",
                        "-U",
                        "os/x86_64",
                        tmp.resolve("co-ostree").toString())
                .ok();

        // we read and check out ostree's repository
        Repository theirs = Repository.open(o);
        FsckReport report = theirs.fsck(FsckOptions.defaults());
        assertThat(report.findings()).isEmpty();
        assertThat(report.commits()).isEqualTo(1);
        theirs.checkout(theirs.resolve("os/x86_64"), tmp.resolve("co-ours"), CheckoutOptions.user());
        TestTrees.assertSameTree(tmp.resolve("co-ostree"), tmp.resolve("co-ours"));
        assertThat(objectFiles(j)).isEqualTo(objectFiles(o));
    }

    @Test
    void commit_parentChainWithMetadata_matchesOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path tree = TestTrees.exampleA(tmp.resolve("tree"));
        Path o = tmp.resolve("o");
        ostree.run("--repo=" + o, "init", "--mode=archive").ok();
        Repository repo = Repository.init(tmp.resolve("j"));
        String first = ostreeCommit(ostree, o, tree, "test", "Test");
        assertThat(repo.commit(tree, flags("test", "Test").build()).checksum().hex())
                .isEqualTo(first);

        TestTrees.write(tree.resolve("hello.txt"), "hello again\n", 0644);
        TestTrees.write(tree.resolve("new/file"), "new\n", 0600);
        String second = ostreeCommit(
                ostree,
                o,
                tree,
                "test",
                "Second",
                "--body=Body text",
                "--add-metadata-string=version=1.0",
                "--add-metadata-string=zzz=last");
        CommitResult ours = repo.commit(
                tree,
                flags("test", "Second")
                        .body("Body text")
                        .addMetadataString("version", "1.0")
                        .addMetadataString("zzz", "last")
                        .build());
        assertThat(ours.checksum().hex()).isEqualTo(second);
        assertThat(ours.commit().parent()).hasValue(Checksum.of(first));

        String third = ostreeCommit(ostree, o, tree, "other", "NoBind", "--no-bindings", "--parent=none");
        assertThat(repo.commit(
                                tree,
                                flags("other", "NoBind")
                                        .bindings(false)
                                        .parent(CommitOptions.Parent.NONE)
                                        .build())
                        .checksum()
                        .hex())
                .isEqualTo(third);
        ostree.run("--repo=" + tmp.resolve("j"), "fsck").ok();
        assertThat(ostree.run("--repo=" + tmp.resolve("j"), "log", "test").ok().out())
                .isEqualTo(ostree.run("--repo=" + o, "log", "test").ok().out());
    }

    @Test
    void pull_overHttpFromOurRepository_succeeds() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path j = tmp.resolve("served");
        Repository repo = Repository.init(j);
        Path tree = TestTrees.awkward(tmp.resolve("tree"), 7);
        Checksum first = repo.commit(
                        tree,
                        flags("os/x86_64", "one")
                                .addMetadataString("version", "1")
                                .build())
                .checksum();
        TestTrees.write(tree.resolve("second"), "2", 0644);
        Checksum second = repo.commit(tree, flags("os/x86_64", "two").build()).checksum();
        Ed25519.signCommit(repo, second, Ed25519Test.SECRET);

        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file =
                    j.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(j) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            Path client = tmp.resolve("client");
            ostree.run("--repo=" + client, "init", "--mode=archive").ok();
            ostree.run(
                            "--repo=" + client,
                            "remote",
                            "add",
                            "--no-gpg-verify",
                            "origin",
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/")
                    .ok();
            ostree.run("--repo=" + client, "pull", "--depth=-1", "origin", "os/x86_64")
                    .ok();
            assertThat(ostree.run("--repo=" + client, "rev-parse", "origin:os/x86_64")
                            .ok()
                            .out()
                            .strip())
                    .isEqualTo(second.hex());
            assertThat(ostree.run("--repo=" + client, "rev-parse", "origin:os/x86_64^")
                            .ok()
                            .out()
                            .strip())
                    .isEqualTo(first.hex());
            ostree.run("--repo=" + client, "fsck").ok();
            assertThat(objectFiles(client).keySet())
                    .containsAll(objectFiles(j).keySet().stream()
                            .filter(k -> !k.endsWith(".commitmeta"))
                            .toList());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fsck_bothToolsRejectTheSameCorruption() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path j = tmp.resolve("j");
        Repository repo = Repository.init(j);
        repo.commit(
                TestTrees.exampleA(tmp.resolve("tree")), flags("test", "Test").build());
        Path hello = repo.objectPath(
                ObjectType.FILE, Checksum.of("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b"));
        byte[] b = Files.readAllBytes(hello);
        b[b.length - 3] ^= (byte) 0xFF;
        Files.write(hello, b);
        OstreeTool.Result theirs = ostree.run("--repo=" + j, "fsck");
        assertThat(theirs.exit()).isNotZero();
        assertThat(theirs.err() + theirs.out())
                .contains("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b");
        FsckReport ours = repo.fsck(new FsckOptions(false, false));
        assertThat(ours.ok()).isFalse();
        assertThat(ours.findings())
                .extracting(f -> f.location().source())
                .containsExactly(j.relativize(hello).toString());
    }

    @Test
    void commit_withUserXattrsAndRealOwners_matchesOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path tree = TestTrees.exampleA(tmp.resolve("tree"));
        TestTrees.write(tree.resolve("xa"), "xattr file\n", 0644);
        var view = Files.getFileAttributeView(
                tree.resolve("xa"), java.nio.file.attribute.UserDefinedFileAttributeView.class);
        try {
            view.write("foo", java.nio.ByteBuffer.wrap("bar".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            view.write("abc", java.nio.ByteBuffer.wrap(new byte[] {1, 2}));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("the temp file system has no user xattrs: " + e);
        }
        Path o = tmp.resolve("o");
        ostree.run("--repo=" + o, "init", "--mode=archive").ok();
        String theirs = ostree.run(
                        "--repo=" + o, "commit", "-b", "x", "--tree=dir=" + tree, "--timestamp=" + TS, "-s", "xattrs")
                .ok()
                .lastLine();
        Repository repo = Repository.init(tmp.resolve("j"));
        CommitResult ours = repo.commit(
                tree,
                CommitOptions.builder()
                        .branch("x")
                        .subject("xattrs")
                        .timestamp(1704067200L)
                        .build());
        assertThat(ours.checksum().hex()).isEqualTo(theirs);
        TreeEntry.File xa = (TreeEntry.File) repo.lookup(ours.checksum(), "/xa").orElseThrow();
        int uid = (Integer) Files.getAttribute(tree.resolve("xa"), "unix:uid");
        int gid = (Integer) Files.getAttribute(tree.resolve("xa"), "unix:gid");
        assertThat(xa.checksum())
                .isEqualTo(FileHeader.regular(
                                uid,
                                gid,
                                0644,
                                List.of(
                                        new Xattr("user.foo", "bar".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                        new Xattr("user.abc", new byte[] {1, 2})))
                        .checksum("xattr file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Relative object path to its bytes' checksum. */
    static Map<String, String> objectFiles(Path repo) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Path objects = repo.resolve("objects");
        try (Stream<Path> s = Files.walk(objects)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(
                            objects.relativize(p).toString(),
                            Checksum.sha256(Files.readAllBytes(p)).hex());
                }
            }
        }
        return out;
    }
}
