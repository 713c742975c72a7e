package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.repo.CheckoutOptions;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 item 5: a dirtree that references itself (only a corrupt repository can hold one: the object stored under
 * a name that is not its checksum) made {@code ls -R} and {@code diff} overflow the stack and {@code checkout} nest
 * 2,044 directories. Each now refuses with the dirtree named.
 */
class DirTreeCycleTest {

    @TempDir
    Path tmp;

    Repository repo;
    Checksum loopTree;
    Checksum commit;
    Checksum good;

    @BeforeEach
    void corruptRepository() throws Exception {
        repo = Repository.init(tmp.resolve("repo"));
        Path tree = Files.createDirectories(tmp.resolve("tree/a"));
        Files.writeString(tree.resolve("f"), "x\n", StandardCharsets.UTF_8);
        good = repo.commit(
                        tmp.resolve("tree"),
                        CommitOptions.builder().branch("good").noXattrs(true).build())
                .checksum();
        CommitObject g = repo.readCommit(good);
        loopTree = Checksum.of("ab".repeat(32));
        DirTree self = new DirTree(
                List.of(new DirTree.FileEntry(
                        "f",
                        repo.readDirTree(repo.readDirTree(g.rootTree())
                                        .dir("a")
                                        .orElseThrow()
                                        .tree())
                                .file("f")
                                .orElseThrow()
                                .checksum())),
                List.of(new DirTree.DirEntry("a", loopTree, g.rootMeta())));
        Path obj = repo.objectPath(ObjectType.DIR_TREE, loopTree);
        Files.createDirectories(obj.getParent());
        Files.write(obj, self.toBytes());
        CommitObject c = new CommitObject(
                Metadata.EMPTY, Optional.empty(), List.of(), "loop", "", 1_700_000_000L, loopTree, g.rootMeta());
        commit = c.checksum();
        Path cobj = repo.objectPath(ObjectType.COMMIT, commit);
        Files.createDirectories(cobj.getParent());
        Files.write(cobj, c.toBytes());
    }

    @Test
    void lsRecursive_refusesTheCycle_namingTheDirtree() throws Exception {
        TreeEntry root =
                new TreeEntry.Directory("/", loopTree, repo.readCommit(commit).rootMeta());
        assertThatThrownBy(() -> repo.walk(root, true, e -> {}))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining("dirtree object " + loopTree.hex())
                .hasMessageContaining("contains itself (a cycle at /a)");
    }

    @Test
    void diff_refusesTheCycle() {
        assertThatThrownBy(() -> repo.diff(good, commit))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining(loopTree.hex())
                .hasMessageContaining("contains itself");
    }

    @Test
    void checkout_refusesTheCycle_andLeavesNothing() throws Exception {
        Path area = Files.createDirectories(tmp.resolve("area"));
        assertThatThrownBy(() -> repo.checkout(commit, area.resolve("co"), CheckoutOptions.user()))
                .isInstanceOf(CorruptObjectException.class)
                .hasMessageContaining(loopTree.hex())
                .hasMessageContaining("contains itself (a cycle at /a)");
        try (var s = Files.list(area)) {
            assertThat(s.count()).isZero();
        }
    }
}
