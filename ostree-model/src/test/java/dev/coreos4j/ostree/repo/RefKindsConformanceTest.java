package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.OstreeTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of ref keeps its objects, and fsck validates every ref (issue #17 "Data first", issue #19 items 6 and 8).
 * Each case ends with the real {@code ostree fsck} / {@code ostree refs} as the judge of what we left behind.
 */
class RefKindsConformanceTest {

    @TempDir
    Path tmp;

    private Repository threeCommits(Path repoDir) throws Exception {
        Repository repo = Repository.init(repoDir);
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        for (int i = 1; i <= 3; i++) {
            Files.writeString(tree.resolve("a"), "content " + i + "\n");
            Files.writeString(tree.resolve("only-" + i), "only in commit " + i + "\n");
            repo.commit(
                    tree,
                    CommitOptions.builder()
                            .branch("main")
                            .subject("c" + i)
                            .timestamp(1704067200L + i)
                            .ownerUid(0)
                            .ownerGid(0)
                            .noXattrs(true)
                            .build());
            Files.delete(tree.resolve("only-" + i));
        }
        return repo;
    }

    @Test
    void pruneRefsOnly_keepsTheObjectsOfEveryKindOfRef() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        Checksum head = repo.resolve("main");
        Checksum parent = repo.resolve("main^");
        Checksum first = repo.resolve("main^^");
        // a collection–ref made by the real ostree, the regression of issue #17 item 1
        ostree.run("--repo=" + dir, "refs", "--collections", "--create=org.example.C:mirror/ref", first.hex())
                .ok();
        repo.forceRef("origin:remote/ref", parent);
        repo.forceRef("ostree/0/1/0", parent); // a deployment ref
        repo.createAlias("stable", "main");

        PruneResult r = repo.prune(new PruneOptions(true, 0, java.util.Set.of(), false));

        assertThat(r.objectsPruned()).isZero();
        for (Checksum c : List.of(head, parent, first)) {
            assertThat(repo.has(ObjectType.COMMIT, c)).as("commit %s", c).isTrue();
        }
        assertThat(repo.collectionRefs()).containsEntry(new Refs.CollectionRef("org.example.C", "mirror/ref"), first);
        assertThat(repo.fsck(FsckOptions.defaults()).ok()).isTrue();
        OstreeTool.Result fsck = ostree.run("--repo=" + dir, "fsck");
        assertThat(fsck.exit()).as(fsck.err()).isZero();
        assertThat(fsck.out()).contains("Validating refs in collections...");
    }

    @Test
    void pruneRefsOnly_deletesWhatNoRefReaches_andOstreeFsckAgrees() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        Checksum first = repo.resolve("main^^");
        PruneResult r = repo.prune(new PruneOptions(true, 0, java.util.Set.of(), false));
        assertThat(r.objectsPruned()).isPositive();
        assertThat(repo.has(ObjectType.COMMIT, first)).isFalse();
        assertThat(ostree.run("--repo=" + dir, "fsck").exit()).isZero();
    }

    @Test
    void fsck_namesACollectionRefWhoseCommitIsMissing_likeOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        Checksum first = repo.resolve("main^^");
        repo.setCollectionRef(new Refs.CollectionRef("org.example.C", "mirror/ref"), first);
        Files.delete(repo.objectPath(ObjectType.COMMIT, first));

        FsckReport ours = repo.fsck(new FsckOptions(false, false));
        assertThat(ours.ok()).isFalse();
        assertThat(ours.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("bad-ref");
            assertThat(f.location().source()).isEqualTo("refs/mirrors/org.example.C/mirror/ref");
            assertThat(f.message()).contains("(org.example.C, mirror/ref)").contains(first.hex());
        });
        assertThat(ostree.run("--repo=" + dir, "fsck").exit()).isEqualTo(1);
    }

    @Test
    void deletingARefWithAnAlias_isRefused_andLeavesNothingDangling() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        repo.createAlias("exampleos/stable", "main");
        assertThat(Files.readSymbolicLink(dir.resolve("refs/heads/exampleos/stable")))
                .isEqualTo(Path.of("../main"));
        assertThat(repo.aliases()).containsEntry("exampleos/stable", "main");

        assertThatThrownBy(() -> repo.forceRef("main", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ref 'main' has an active alias: 'exampleos/stable'");

        assertThat(repo.readRef("main")).isPresent();
        assertThat(ostree.run("--repo=" + dir, "refs").ok().out())
                .contains("exampleos/stable")
                .contains("main");
        assertThat(ostree.run("--repo=" + dir, "fsck").exit()).isZero();
        // the alias itself may go; then the ref may go
        repo.forceRef("exampleos/stable", null);
        repo.forceRef("main", null);
        assertThat(ostree.run("--repo=" + dir, "refs").ok().out()).isEmpty();
    }

    @Test
    void ostreesAlias_isSeenAndProtectedByUs() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        ostree.run("--repo=" + dir, "refs", "-A", "main", "--create=exampleos/x86_64/stable")
                .ok();
        assertThat(repo.aliases()).containsEntry("exampleos/x86_64/stable", "main");
        assertThat(repo.resolve("exampleos/x86_64/stable")).isEqualTo(repo.resolve("main"));
        assertThatThrownBy(() -> repo.forceRef("main", null)).hasMessageContaining("active alias");
    }

    @Test
    void fsck_reportsARefThatIsASymlinkLoop_asOstreeDoes() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        Files.createSymbolicLink(dir.resolve("refs/heads/loop1"), Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("refs/heads/loop2"), Path.of("loop1"));

        FsckReport ours = repo.fsck(new FsckOptions(false, false));
        assertThat(ours.ok()).isFalse();
        assertThat(ours.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("bad-ref");
            assertThat(f.message()).contains("loop1").contains("Too many levels of symbolic links");
        });
        assertThat(ostree.run("--repo=" + dir, "fsck").exit()).isEqualTo(1);
    }

    @Test
    void fsck_reportsADanglingAlias() throws Exception {
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        Files.createSymbolicLink(dir.resolve("refs/heads/dangling"), Path.of("gone"));
        FsckReport ours = repo.fsck(new FsckOptions(false, false));
        assertThat(ours.findings()).anySatisfy(f -> assertThat(f.message()).contains("dangling"));
        assertThat(ours.ok()).isFalse();
    }

    @Test
    void fsck_namesAFifoOrDirectoryWhereAnObjectShouldBe_withoutBlocking() throws Exception {
        OstreeTool.require();
        Path dir = tmp.resolve("repo");
        Repository repo = threeCommits(dir);
        CommitObject head = repo.readCommit(repo.resolve("main"));
        Checksum file = repo.readDirTree(head.rootTree()).files().get(0).checksum();
        Path fileObject = repo.objectPath(ObjectType.FILE, file);
        Path treeObject = repo.objectPath(ObjectType.DIR_TREE, head.rootTree());
        Files.delete(fileObject);
        Files.delete(treeObject);
        mkfifo(fileObject);
        Files.createDirectory(treeObject);

        FsckReport ours = CompletableFuture.supplyAsync(() -> {
                    try {
                        return repo.fsck(new FsckOptions(false, false));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .get(60, TimeUnit.SECONDS);

        assertThat(ours.ok()).isFalse();
        assertThat(ours.findings()).anySatisfy(f -> {
            assertThat(f.location().source())
                    .isEqualTo("objects/" + Repository.relativeObjectPath(ObjectType.DIR_TREE, head.rootTree()));
            assertThat(f.message()).contains(head.rootTree().hex()).contains("a directory");
        });
        assertThat(ours.findings()).anySatisfy(f -> {
            assertThat(f.location().source())
                    .isEqualTo("objects/" + Repository.relativeObjectPath(ObjectType.FILE, file));
            assertThat(f.message()).contains(file.hex()).contains("FIFO");
        });
        assertThatThrownBy(() -> repo.openContent(file))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining("FIFO");
    }

    static void mkfifo(Path p) throws Exception {
        Process proc = new ProcessBuilder("mkfifo", p.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        assertThat(proc.waitFor()).isZero();
    }
}
