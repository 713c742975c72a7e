package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.OstreeTool;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listed cases where we deliberately differ from {@code ostree fsck} 2022.7 (spec digest §3.7, §2.1, §1.3):
 * 2022.7's fsck loads metadata as trusted and accepts these objects, while we reject them, as upstream HEAD does
 * (sorted dirmeta xattrs) or as path lookup and HTTP pull require (sorted dirtrees, normal form, non-empty names).
 * Each case asserts both sides, so a newer installed ostree that starts rejecting them shows up here.
 */
class StricterThanOstreeConformanceTest {

    @TempDir
    Path tmp;

    private static Checksum putRaw(Path repo, ObjectType type, byte[] bytes) throws Exception {
        Checksum c = Checksum.sha256(bytes);
        Path p = repo.resolve("objects").resolve(Repository.relativeObjectPath(type, c));
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsorted-dirtree", "empty-name", "unsorted-dirmeta-xattrs", "non-normal-commit"})
    void fsck_rejectsWhatOstree2022AcceptsAsTrusted(String kase) throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path j = tmp.resolve("repo");
        Repository repo = Repository.init(j);
        Checksum file;
        Checksum meta;
        try (Transaction tx = repo.begin()) {
            file = tx.writeFile(FileHeader.regular(0, 0, 0644, List.of()), "x".getBytes());
            meta = tx.writeDirMeta(DirMeta.of(0, 0, 0755, List.of()));
            tx.commit();
        }
        Checksum tree;
        Checksum rootMeta = meta;
        switch (kase) {
            case "unsorted-dirtree" ->
                tree = putRaw(
                        j,
                        ObjectType.DIR_TREE,
                        GVariantCodec.encode(
                                "(a(say)a(sayay))",
                                List.of(
                                        List.of(List.of("z", file.toBytes()), List.of("a", file.toBytes())),
                                        List.of())));
            case "empty-name" ->
                tree = putRaw(
                        j,
                        ObjectType.DIR_TREE,
                        GVariantCodec.encode(
                                "(a(say)a(sayay))", List.of(List.of(List.of("", file.toBytes())), List.of())));
            case "unsorted-dirmeta-xattrs" -> {
                tree = putRaw(j, ObjectType.DIR_TREE, DirTree.EMPTY.toBytes());
                rootMeta = putRaw(
                        j,
                        ObjectType.DIR_META,
                        GVariantCodec.encode(
                                "(uuua(ayay))",
                                List.of(
                                        0,
                                        0,
                                        Integer.reverseBytes(040755),
                                        List.of(
                                                List.of("user.z\0".getBytes(), new byte[] {1}),
                                                List.of("user.a\0".getBytes(), new byte[] {2})))));
            }
            default -> tree = putRaw(j, ObjectType.DIR_TREE, DirTree.EMPTY.toBytes());
        }
        byte[] commit =
                new CommitObject(Metadata.EMPTY, Optional.empty(), List.of(), "s", "", 0, tree, rootMeta).toBytes();
        if (kase.equals("non-normal-commit")) {
            commit = new CommitObject(
                            Metadata.EMPTY.with("k", Variant.ofString("v")),
                            Optional.empty(),
                            List.of(),
                            "s",
                            "",
                            0,
                            tree,
                            rootMeta)
                    .toBytes();
            commit[2] = 7; // a padding byte between the key and its variant
        }
        Checksum c = putRaw(j, ObjectType.COMMIT, commit);
        Files.writeString(j.resolve("refs/heads/case"), c.hex() + "\n");

        assertThat(ostree.run("--repo=" + j, "fsck").exit())
                .as("ostree 2022.7 fsck accepts %s", kase)
                .isZero();
        FsckReport ours = repo.fsck(new FsckOptions(false, false));
        assertThat(ours.ok()).as("we reject %s", kase).isFalse();
        assertThat(ours.findings()).extracting(Problem::code).contains("invalid-object");
    }
}
