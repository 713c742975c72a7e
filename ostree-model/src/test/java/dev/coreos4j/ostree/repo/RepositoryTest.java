package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.ObjectVectorsTest;
import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryTest {

    @TempDir
    Path tmp;

    private static CommitOptions opts(String branch) {
        return CommitOptions.builder()
                .branch(branch)
                .subject("Test")
                .timestamp(1704067200L)
                .ownerUid(0)
                .ownerGid(0)
                .noXattrs(true)
                .build();
    }

    private Repository exampleRepo() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        repo.commit(TestTrees.exampleA(tmp.resolve("tree")), opts("test"));
        return repo;
    }

    @Test
    void open_rejectsMissingAndForeignRepositories() throws Exception {
        assertThatThrownBy(() -> Repository.open(tmp))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("not an OSTree repository");
        Files.createDirectories(tmp.resolve("bare/objects"));
        Files.writeString(tmp.resolve("bare/config"), "[core]\nrepo_version=1\nmode=bare\n");
        assertThatThrownBy(() -> Repository.open(tmp.resolve("bare")))
                .hasMessageContaining("unsupported repository mode 'bare'");
        Files.createDirectories(tmp.resolve("old/objects"));
        Files.writeString(tmp.resolve("old/config"), "[core]\nrepo_version=1\narchive=true\n");
        assertThatThrownBy(() -> Repository.open(tmp.resolve("old"))).hasMessageContaining("no longer supported");
    }

    @Test
    void commit_exampleA_isReadable() throws Exception {
        Repository repo = exampleRepo();
        Checksum c = repo.resolve("test");
        assertThat(c.hex()).isEqualTo(ObjectVectorsTest.COMMIT_A);
        assertThat(repo.refs()).containsOnlyKeys("test");
        TreeEntry link = repo.lookup(c, "/sub/link").orElseThrow();
        assertThat(repo.readFile(((TreeEntry.File) link).checksum()).header().symlinkTarget())
                .isEqualTo("../hello.txt");
        TreeEntry hello = repo.lookup(c, "hello.txt").orElseThrow();
        try (var in = repo.openContent(((TreeEntry.File) hello).checksum())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        }
        assertThat(repo.lookup(c, "/nope")).isEmpty();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        repo.objectPath(ObjectType.FILE, ((TreeEntry.File) hello).checksum()))))
                .isEqualTo("rw-r--r--");
        assertThat(repo.fsck(FsckOptions.defaults()).findings()).isEmpty();
    }

    @Test
    void mutableTree_commitsLikeTheSameDirectory() throws Exception {
        Repository repo = exampleRepo();
        MutableTree tree = new MutableTree()
                .putFile("empty", 0644, new byte[0])
                .putFile("hello.txt", 0644, "hello\n".getBytes(StandardCharsets.UTF_8))
                .putSymlink("sub/link", "../hello.txt")
                .putFile("sub/run.sh", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        CommitResult r = repo.commit(
                tree,
                CommitOptions.builder()
                        .branch("test")
                        .subject("s")
                        .timestamp(1704067200L)
                        .parent(CommitOptions.Parent.NONE)
                        .build());
        CommitObject fromDir = repo.readCommit(Checksum.of(ObjectVectorsTest.COMMIT_A));
        assertThat(r.commit().contentChecksum()).isEqualTo(fromDir.contentChecksum());
        assertThat(r.commit().rootTree()).isEqualTo(fromDir.rootTree());
        assertThat(repo.resolve("test")).isEqualTo(r.checksum());
    }

    @Test
    void mutableTree_fromCommit_layersChangesWithoutCopying() throws Exception {
        Repository repo = exampleRepo();
        Checksum base = repo.resolve("test");
        MutableTree tree = MutableTree.fromCommit(repo, base);
        tree.putFile("usr/local/bin/tool", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tree.remove("empty")).isTrue();
        CommitResult r = repo.commit(tree, opts("test"));
        assertThat(r.commit().parent()).hasValue(base);
        assertThat(repo.diff(base, r.checksum()).lines())
                .containsExactly(
                        "D    /empty",
                        "A    /usr",
                        "A    /usr/local",
                        "A    /usr/local/bin",
                        "A    /usr/local/bin/tool");
        assertThat(repo.readCommit(r.checksum()).rootMeta())
                .isEqualTo(repo.readCommit(base).rootMeta());
        assertThat(repo.commit(MutableTree.fromCommit(repo, base), opts("copy"))
                        .commit()
                        .rootTree())
                .isEqualTo(repo.readCommit(base).rootTree());
    }

    @Test
    void refs_areCompareAndSet() throws Exception {
        Repository repo = exampleRepo();
        Checksum a = repo.resolve("test");
        Checksum b = repo.commit(new MutableTree().putFile("x", 0644, new byte[] {1}), opts("test"))
                .checksum();
        assertThat(repo.readCommit(b).parent()).hasValue(a);
        RefUpdate stale = repo.updateRef("test", a, a);
        assertThat(stale).isEqualTo(new RefUpdate.Conflict("test", a, b, a));
        assertThat(repo.resolve("test")).isEqualTo(b);
        assertThat(repo.updateRef("test", b, a).applied()).isTrue();
        assertThat(repo.resolve("test")).isEqualTo(a);
        assertThat(repo.updateRef("origin:os/x", null, b).applied()).isTrue();
        assertThat(repo.refs()).containsEntry("origin:os/x", b);
        assertThat(repo.resolve("origin:os/x")).isEqualTo(b);
        assertThat(tmp.resolve("repo/refs/remotes/origin/os/x")).hasContent(b.hex());
        assertThatThrownBy(() -> repo.updateRef("bad..//ref", null, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid ref name");
        assertThatThrownBy(() -> repo.updateRef("x", null, Checksum.sha256(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such commit");
    }

    @Test
    void transaction_commitConflictIsReportedNotOverwritten() throws Exception {
        Repository repo = exampleRepo();
        Checksum head = repo.resolve("test");
        try (Transaction tx = repo.begin()) {
            Transaction.Root root = tx.writeTree(new MutableTree().putFile("late", 0644, new byte[] {2}));
            Checksum c = tx.writeCommit(new CommitObject(
                    Metadata.EMPTY, Optional.of(head), List.of(), "late", "", 1, root.tree(), root.meta()));
            tx.updateRef("test", head, c);
            repo.commit(new MutableTree().putFile("first", 0644, new byte[] {3}), opts("test"));
            List<RefUpdate> results = tx.commit();
            assertThat(results).singleElement().isInstanceOf(RefUpdate.Conflict.class);
            assertThat(repo.has(ObjectType.COMMIT, c)).isTrue();
        }
        assertThat(repo.readCommit(repo.resolve("test")).subject()).isEqualTo("Test");
    }

    @Test
    void transaction_closeWithoutCommitDiscardsEverything() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c;
        try (Transaction tx = repo.begin()) {
            c = tx.writeFile(FileHeader.regular(0, 0, 0644, List.of()), "abandoned".getBytes());
        }
        assertThat(repo.has(ObjectType.FILE, c)).isFalse();
        assertThat(repo.listObjects(ObjectType.FILE)).isEmpty();
        try (Stream<Path> s = Files.list(tmp.resolve("repo/tmp"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void fsck_namesEveryObjectWhoseAnyByteIsFlipped() throws Exception {
        Repository repo = exampleRepo();
        List<Path> objects;
        try (Stream<Path> s = Files.walk(tmp.resolve("repo/objects"))) {
            objects = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(objects).hasSize(8);
        int flips = 0;
        for (Path obj : objects) {
            byte[] original = Files.readAllBytes(obj);
            String rel = tmp.resolve("repo").relativize(obj).toString();
            for (int i = 0; i < original.length; i++) {
                byte[] bad = original.clone();
                // a whole byte: a single bit among the final DEFLATE byte's padding bits changes nothing that
                // any reader (ostree included) can see, since the inflated content stays the same
                bad[i] ^= (byte) 0xFF;
                Files.write(obj, bad);
                FsckReport report = repo.fsck(new FsckOptions(false, false));
                assertThat(report.findings())
                        .as("flip byte %d of %s", i, rel)
                        .anySatisfy(f -> assertThat(f.location().source()).isEqualTo(rel));
                flips++;
            }
            for (byte[] truncated : List.of(new byte[0], java.util.Arrays.copyOf(original, original.length - 1))) {
                Files.write(obj, truncated);
                assertThat(repo.fsck(new FsckOptions(false, false)).findings())
                        .as("truncated %s", rel)
                        .anySatisfy(f -> assertThat(f.location().source()).isEqualTo(rel));
            }
            Files.write(obj, original);
        }
        assertThat(flips).isGreaterThan(400);
        assertThat(repo.fsck(FsckOptions.defaults()).findings()).isEmpty();
    }

    @Test
    void fsck_missingObjectMarksCommitPartial() throws Exception {
        Repository repo = exampleRepo();
        Checksum commit = repo.resolve("test");
        Path hello = repo.objectPath(
                ObjectType.FILE, Checksum.of("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b"));
        Files.delete(hello);
        FsckReport report = repo.fsck(FsckOptions.defaults());
        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).extracting(Problem::code).contains("missing-object");
        assertThat(report.partialCommits()).containsExactly(commit);
        assertThat(repo.isPartial(commit)).isTrue();
        assertThat(tmp.resolve("repo/state/" + commit + ".commitpartial")).hasContent("f");
    }

    @Test
    void prune_depthAndRefsOnly() throws Exception {
        Repository repo = exampleRepo();
        Checksum first = repo.resolve("test");
        repo.commit(new MutableTree().putFile("only", 0644, new byte[] {9}), opts("test"));
        assertThat(repo.prune(PruneOptions.defaults()).objectsPruned()).isZero();
        PruneResult r = repo.prune(new PruneOptions(true, 0, java.util.Set.of(), false));
        assertThat(r.objectsPruned()).isEqualTo(7);
        assertThat(repo.has(ObjectType.COMMIT, first)).isFalse();
        assertThat(repo.fsck(FsckOptions.defaults()).findings()).isEmpty();
        assertThat(repo.log(repo.resolve("test")))
                .hasSize(2)
                .last()
                .satisfies(e -> assertThat(e.commit()).isNull());
    }

    @Test
    void checkout_refusesExistingTarget_andKeepsModes() throws Exception {
        Repository repo = exampleRepo();
        Checksum c = repo.resolve("test");
        Files.createDirectories(tmp.resolve("exists"));
        assertThatThrownBy(() -> repo.checkout(c, tmp.resolve("exists"), CheckoutOptions.user()))
                .isInstanceOf(FileAlreadyExistsException.class);
        Files.createSymbolicLink(tmp.resolve("trap"), tmp.resolve("exists"));
        assertThatThrownBy(() -> repo.checkout(c, tmp.resolve("trap"), CheckoutOptions.user()))
                .isInstanceOf(FileAlreadyExistsException.class);
        try (Stream<Path> s = Files.list(tmp.resolve("exists"))) {
            assertThat(s).isEmpty();
        }
        assertThatThrownBy(() -> CheckoutOptions.user().withSubpath("/sub/../.."))
                .isInstanceOf(IllegalArgumentException.class);
        repo.checkout(c, tmp.resolve("co"), CheckoutOptions.user().withSubpath("/sub"));
        assertThat((Integer) Files.getAttribute(tmp.resolve("co/run.sh"), "unix:mode") & 07777)
                .isEqualTo(0755);
        assertThat(Files.getLastModifiedTime(tmp.resolve("co")).toMillis()).isZero();
    }

    @Test
    void commit_rejectsHostileSourceTrees() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Path fifoTree = tmp.resolve("fifo");
        Files.createDirectories(fifoTree);
        Process p = new ProcessBuilder("mkfifo", fifoTree.resolve("pipe").toString()).start();
        assertThat(p.waitFor()).isZero();
        assertThatThrownBy(() -> repo.commit(fifoTree, opts("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipe")
                .hasMessageContaining("FIFO");

        Path latin1 = tmp.resolve("latin1");
        Files.createDirectories(latin1);
        Process q = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'caf\\351')\"")
                .directory(latin1.toFile())
                .start();
        assertThat(q.waitFor()).isZero();
        assertThatThrownBy(() -> repo.commit(latin1, opts("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThat(repo.refs()).isEmpty();
        try (Stream<Path> s = Files.list(tmp.resolve("repo/tmp"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void checkout_ofHostileDirtreeWritesNothingOutsideTheTarget() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum meta;
        Checksum hostileTree;
        Checksum commit;
        try (Transaction tx = repo.begin()) {
            meta = tx.writeDirMeta(DirMeta.of(0, 0, 0755, List.of()));
            Checksum file = tx.writeFile(FileHeader.regular(0, 0, 0644, List.of()), "pwned".getBytes());
            Checksum escape = tx.writeFile(FileHeader.symlink(0, 0, "../../outside", List.of()), new byte[0]);
            // a dirtree no honest writer produces: names "..", "a/b" and an escaping symlink, hand-encoded
            byte[] bytes = GVariantCodec.encode(
                    "(a(say)a(sayay))",
                    List.of(
                            List.of(
                                    List.of("..", file.toBytes()),
                                    List.of("a/b", file.toBytes()),
                                    List.of("esc", escape.toBytes())),
                            List.of()));
            hostileTree = Checksum.sha256(bytes);
            Path staged = tmp.resolve("repo/objects")
                    .resolve(Repository.relativeObjectPath(ObjectType.DIR_TREE, hostileTree));
            Files.createDirectories(staged.getParent());
            Files.write(staged, bytes);
            commit = tx.writeCommit(
                    new CommitObject(Metadata.EMPTY, Optional.empty(), List.of(), "evil", "", 0, hostileTree, meta));
            tx.commit();
        }
        Path target = tmp.resolve("a/b/target");
        Files.createDirectories(target.getParent());
        assertThatThrownBy(() -> repo.checkout(commit, target, CheckoutOptions.user()))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining(hostileTree.hex());
        assertThat(tmp.resolve("a/b/..")).isDirectory();
        try (Stream<Path> s = Files.list(tmp.resolve("a"))) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("b");
        }
        assertThat(tmp.resolve("outside")).doesNotExist();
        FsckReport report = repo.fsck(new FsckOptions(false, false));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("invalid-object");
            assertThat(f.message()).contains("..");
        });
    }
}
