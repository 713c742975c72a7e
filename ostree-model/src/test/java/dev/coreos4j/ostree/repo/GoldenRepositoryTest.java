package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository written by ostree 2022.7 (root {@code src/test/resources/ostree/}): read, verify, check out, rebuild. */
class GoldenRepositoryTest {

    static final String FIRST = "111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662";
    static final String SECOND = "b417ef3088c984a117c2b8f9a0f19e86b831517879cc660bacde2195e17616ec";

    @TempDir
    Path tmp;

    Repository repo;

    @BeforeEach
    void copyGolden() throws Exception {
        Path golden = ProjectRoot.corpus("ostree", "archive-by-ostree-2022.7");
        Path target = tmp.resolve("repo");
        try (Stream<Path> s = Files.walk(golden)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = target.resolve(golden.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (String d : List.of("tmp", "state", "extensions", "refs/mirrors", "refs/remotes")) {
            Files.createDirectories(target.resolve(d));
        }
        repo = Repository.open(target);
    }

    @Test
    void readsCommitsWrittenByOstree() throws Exception {
        assertThat(repo.resolve("test").hex()).isEqualTo(SECOND);
        assertThat(repo.resolve("test^").hex()).isEqualTo(FIRST);
        CommitObject second = repo.readCommit(Checksum.of(SECOND));
        assertThat(second.metadata().keys()).containsExactly("version", "zzz", CommitObject.REF_BINDING);
        assertThat(second.body()).isEqualTo("Body text");
        assertThat(second.toBytes()).isEqualTo(repo.readMetadataBytes(ObjectType.COMMIT, Checksum.of(SECOND)));
        FsckReport report = repo.fsck(FsckOptions.defaults());
        assertThat(report.findings()).isEmpty();
        assertThat(report.commits()).isEqualTo(2);
    }

    @Test
    void readsOwnersModesAndXattrs() throws Exception {
        Checksum c = repo.resolve("test");
        ContentObject xa = repo.readFile(((TreeEntry.File) repo.lookup(c, "/xa").orElseThrow()).checksum());
        assertThat(xa.checksum().hex()).isEqualTo("8001a7f96a3d316d4122a9234ba10ec5657bab3d2bbe12bb8cc03c486204bcf4");
        assertThat(xa.header().xattrs())
                .containsExactly(
                        new Xattr("user.abc", new byte[] {1, 2}),
                        new Xattr("user.foo", "bar".getBytes(StandardCharsets.UTF_8)));
        ContentObject owned =
                repo.readFile(((TreeEntry.File) repo.lookup(c, "/owned").orElseThrow()).checksum());
        assertThat(owned.header()).isEqualTo(FileHeader.regular(1000, 1001, 04755, List.of()));
        TreeEntry.Directory d = (TreeEntry.Directory) repo.lookup(c, "/d").orElseThrow();
        assertThat(repo.readDirMeta(d.meta()))
                .isEqualTo(DirMeta.of(
                        0, 0, 0700, List.of(new Xattr("user.dirattr", "v".getBytes(StandardCharsets.UTF_8)))));
        repo.checkout(c, tmp.resolve("co"), CheckoutOptions.user());
        assertThat(tmp.resolve("co/xa")).hasContent("xattr file");
        assertThat((Integer) Files.getAttribute(tmp.resolve("co/owned"), "unix:mode") & 07777)
                .isEqualTo(0755);
        assertThat(tmp.resolve("co/d")).isEmptyDirectory();
    }

    @Test
    void rebuildingTheSecondCommitInMemoryGivesTheSameChecksum() throws Exception {
        MutableTree tree = new MutableTree()
                .putFile("empty", 0644, new byte[0])
                .putFile("hello.txt", 0644, "hello\n".getBytes(StandardCharsets.UTF_8))
                .putSymlink("sub/link", "../hello.txt")
                .putFile("sub/run.sh", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8))
                .putFile(
                        "owned", FileHeader.regular(1000, 1001, 04755, List.of()), "o".getBytes(StandardCharsets.UTF_8))
                .putFile(
                        "xa",
                        FileHeader.regular(
                                0,
                                0,
                                0644,
                                List.of(
                                        new Xattr("user.foo", "bar".getBytes(StandardCharsets.UTF_8)),
                                        new Xattr("user.abc", new byte[] {1, 2}))),
                        "xattr file\n".getBytes(StandardCharsets.UTF_8));
        tree.directory("d").meta(DirMeta.of(0, 0, 0700, List.of(new Xattr("user.dirattr", new byte[] {'v'}))));
        CommitResult r = repo.commit(
                tree,
                CommitOptions.builder()
                        .branch("test")
                        .subject("Second")
                        .body("Body text")
                        .timestamp(java.time.Instant.parse("2024-02-02T12:00:00Z"))
                        .addMetadataString("version", "1.0")
                        .addMetadataString("zzz", "last")
                        .parent(CommitOptions.Parent.of(Checksum.of(FIRST)))
                        .build());
        assertThat(r.checksum().hex()).isEqualTo(SECOND);
        assertThat(r.commit().parent()).hasValue(Checksum.of(FIRST));
        assertThat(r.refUpdate()).isEqualTo(new RefUpdate.Updated("test", Checksum.of(SECOND), Checksum.of(SECOND)));
    }
}
