package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every worked vector of the spec digest (§1.5 example A, §1.6 example B). */
public class ObjectVectorsTest {

    /** Public for the repository tests, which reuse its vectors. */
    public ObjectVectorsTest() {}

    private static final HexFormat HEX = HexFormat.of();

    static final String DIRMETA_0755 = "446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488";
    static final String SUB_TREE_HEX =
            "6c696e6b00f9c591ce925236d8984604bd63e824d6ac349084606731e6a38ac7829c0de9c50572756e2e73680089b350d278ff59ba4780bc377b8ebfee8ade6b55c99fab1ec84e133bc6ea52c507264e50";
    static final String ROOT_TREE_HEX =
            "656d70747900cc700d46f407c6c5ab2d5dde474366a928b7398277e61162e7f8ec06f469f07e0668656c6c6f2e7478740044f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b0a275273756200a5c461a1613e7b2ef74100ea75dec6d67cf1a492a0c5e71bfe470afc4ea52111446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c548824044654";
    public static final String COMMIT_A_HEX =
            "6f73747265652e7265662d62696e64696e670000000000007465737400050061731322546573740000000000000000000000000065920080809a44af34c5d669f22369353b1c7ca20aced6ed6507a41987b0fb207f5cbfbe446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488582928232323";
    public static final String COMMIT_A = "111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe0662";
    static final String COMMIT_B_HEX =
            "76657273696f6e00312e3000007308007a7a7a00000000006c617374000073046f73747265652e7265662d62696e64696e67000000000000746573740005006173130f2042111724db4d11f4692de269fe5eba7d131683e7f0ad279591f0d6e610e8fe06625365636f6e6400426f647920746578740000000000000065bcd94060dda47d1de0b34fc302f1fa796bac8e2f33b5c415e1e7219147c2ccd8ebe070446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488a0766c656545";

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dirmeta_rootOwned0755() {
        DirMeta meta = DirMeta.of(0, 0, 0755, List.of());
        assertThat(HEX.formatHex(meta.toBytes())).isEqualTo("0000000000000000000041ed");
        assertThat(meta.checksum().hex()).isEqualTo(DIRMETA_0755);
    }

    @Test
    void fileChecksums_exampleA() {
        FileHeader f644 = FileHeader.regular(0, 0, 0644, List.of());
        assertThat(HEX.formatHex(f644.checksumHeader()))
                .isEqualTo("0000001200000000" + "00000000000000000000" + "81a400000000" + "00" + "11");
        assertThat(f644.checksum(ascii("hello\n")).hex())
                .isEqualTo("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b");
        assertThat(f644.checksum(new byte[0]).hex())
                .isEqualTo("cc700d46f407c6c5ab2d5dde474366a928b7398277e61162e7f8ec06f469f07e");
        assertThat(FileHeader.regular(0, 0, 0755, List.of())
                        .checksum(ascii("#!/bin/sh\necho hi\n"))
                        .hex())
                .isEqualTo("89b350d278ff59ba4780bc377b8ebfee8ade6b55c99fab1ec84e133bc6ea52c5");
        FileHeader link = FileHeader.symlink(0, 0, "../hello.txt", List.of());
        assertThat(HEX.formatHex(link.checksumHeader()))
                .isEqualTo(
                        "0000001e00000000" + "00000000000000000000a1ff00000000" + "2e2e2f68656c6c6f2e74787400" + "1d");
        assertThat(link.checksum(new byte[0]).hex())
                .isEqualTo("f9c591ce925236d8984604bd63e824d6ac349084606731e6a38ac7829c0de9c5");
    }

    @Test
    void archiveHeader_exampleA() {
        assertThat(HEX.formatHex(FileHeader.regular(0, 0, 0644, List.of()).archiveHeader(6)))
                .isEqualTo("0000001a00000000" + "0000000000000006" + "00000000000000000000" + "81a400000000" + "0019");
        byte[] linkHeader = FileHeader.symlink(0, 0, "../hello.txt", List.of()).archiveHeader(0);
        assertThat(linkHeader).hasSize(8 + 38);
        assertThat(HEX.formatHex(linkHeader)).endsWith("2e2e2f68656c6c6f2e74787400" + "25");
    }

    @Test
    void dirtrees_exampleA() {
        DirTree sub = new DirTree(
                List.of(
                        new DirTree.FileEntry(
                                "run.sh",
                                Checksum.of("89b350d278ff59ba4780bc377b8ebfee8ade6b55c99fab1ec84e133bc6ea52c5")),
                        new DirTree.FileEntry(
                                "link",
                                Checksum.of("f9c591ce925236d8984604bd63e824d6ac349084606731e6a38ac7829c0de9c5"))),
                List.of());
        assertThat(HEX.formatHex(sub.toBytes())).isEqualTo(SUB_TREE_HEX);
        assertThat(sub.checksum().hex()).isEqualTo("a5c461a1613e7b2ef74100ea75dec6d67cf1a492a0c5e71bfe470afc4ea52111");
        DirTree root = new DirTree(
                List.of(
                        new DirTree.FileEntry(
                                "hello.txt",
                                Checksum.of("44f778e59f0a4748d6b0c90a47347212a231c4ad1e8f7ea5c5dffc7749153a6b")),
                        new DirTree.FileEntry(
                                "empty",
                                Checksum.of("cc700d46f407c6c5ab2d5dde474366a928b7398277e61162e7f8ec06f469f07e"))),
                List.of(new DirTree.DirEntry("sub", sub.checksum(), Checksum.of(DIRMETA_0755))));
        assertThat(HEX.formatHex(root.toBytes())).isEqualTo(ROOT_TREE_HEX);
        assertThat(root.toBytes()).hasSize(156);
        assertThat(root.checksum().hex()).isEqualTo("809a44af34c5d669f22369353b1c7ca20aced6ed6507a41987b0fb207f5cbfbe");
        assertThat(DirTree.parse(HEX.parseHex(ROOT_TREE_HEX))).isEqualTo(root);
    }

    @Test
    void commit_exampleA() {
        CommitObject commit = new CommitObject(
                Metadata.EMPTY.with(CommitObject.REF_BINDING, Variant.ofStrings(List.of("test"))),
                Optional.empty(),
                List.of(),
                "Test",
                "",
                1704067200L,
                Checksum.of("809a44af34c5d669f22369353b1c7ca20aced6ed6507a41987b0fb207f5cbfbe"),
                Checksum.of(DIRMETA_0755));
        assertThat(HEX.formatHex(commit.toBytes())).isEqualTo(COMMIT_A_HEX);
        assertThat(commit.toBytes()).hasSize(126);
        assertThat(commit.checksum().hex()).isEqualTo(COMMIT_A);
        assertThat(commit.contentChecksum().hex())
                .isEqualTo("f3e44577ac19008761d299f840efa7800fbcb19c04b480ab09f8f06cd4d1c958");
        assertThat(CommitObject.parse(HEX.parseHex(COMMIT_A_HEX))).isEqualTo(commit);
    }

    @Test
    void exampleB_fileWithOwnerAndSetuid() {
        FileHeader owned = FileHeader.regular(1000, 1001, 04755, List.of());
        assertThat(HEX.formatHex(owned.checksumHeader()))
                .isEqualTo("0000001200000000" + "000003e8000003e9000089ed00000000" + "00" + "11");
        assertThat(owned.checksum(ascii("o")).hex())
                .isEqualTo("696635e26bf26f1071d7a2af1245e9a1d5cce8318ee48c18ea2a93e0ce9831b5");
    }

    @Test
    void exampleB_xattrsAreSortedBeforeHashing() {
        FileHeader xa = FileHeader.regular(
                0, 0, 0644, List.of(new Xattr("user.foo", ascii("bar")), new Xattr("user.abc", new byte[] {1, 2})));
        assertThat(HEX.formatHex(xa.checksumHeader()))
                .isEqualTo("0000002d00000000"
                        + "00000000000000000000" + "81a400000000" + "00" + "757365722e616263000102" + "09"
                        + "757365722e666f6f00626172" + "09" + "0c19" + "11");
        assertThat(xa.checksum(ascii("xattr file\n")).hex())
                .isEqualTo("8001a7f96a3d316d4122a9234ba10ec5657bab3d2bbe12bb8cc03c486204bcf4");
    }

    @Test
    void exampleB_dirmetaWithXattrAndEmptyDirtree() {
        DirMeta d = DirMeta.of(0, 0, 0700, List.of(new Xattr("user.dirattr", ascii("v"))));
        assertThat(HEX.formatHex(d.toBytes()))
                .isEqualTo("0000000000000000000041c0" + "757365722e6469726174747200" + "76" + "0d" + "0f");
        assertThat(d.checksum().hex()).isEqualTo("17f02e3e58dfe390d29e236a7e779ad85e8c7fd38a8d101101dd0d96fbb97245");
        assertThat(HEX.formatHex(DirTree.EMPTY.toBytes())).isEqualTo("00");
        assertThat(DirTree.EMPTY.checksum().hex())
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void exampleB_commitRoundTripsByteForByte() {
        byte[] bytes = HEX.parseHex(COMMIT_B_HEX);
        CommitObject c = CommitObject.parse(bytes);
        assertThat(c.metadata().keys()).containsExactly("version", "zzz", CommitObject.REF_BINDING);
        assertThat(c.version()).hasValue("1.0");
        assertThat(c.parent()).hasValue(Checksum.of(COMMIT_A));
        assertThat(c.subject()).isEqualTo("Second");
        assertThat(c.body()).isEqualTo("Body text");
        assertThat(c.rootTree().hex()).isEqualTo("60dda47d1de0b34fc302f1fa796bac8e2f33b5c415e1e7219147c2ccd8ebe070");
        assertThat(c.toBytes()).isEqualTo(bytes).hasSize(198);
        assertThat(c.checksum().hex()).isEqualTo("083ffe8e47507cf0abcbd017c858c787a193d6cb473c11e6c66cf1047d078c5b");
        assertThat(c.contentChecksum().hex()).startsWith("bbf1c78c").endsWith("0230");
    }

    @Test
    void parse_rejectsUnsortedDirtreeAndBadNames() {
        byte[] unsorted = HEX.parseHex(SUB_TREE_HEX.replace("6c696e6b00", "7a696e6b00")); // "zink" > "run.sh"
        assertThatThrownBy(() -> DirTree.parse(unsorted))
                .isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("sorted");
        byte[] dotdot = HEX.parseHex(SUB_TREE_HEX.replace("6c696e6b00", "2e2e2f6b00"));
        assertThatThrownBy(() -> DirTree.parse(dotdot))
                .isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("'/'");
        assertThatThrownBy(() -> new DirTree.FileEntry("..", Checksum.of(DIRMETA_0755)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_rejectsANameThatIsBothFileAndDirectory() {
        Checksum any = Checksum.of(DIRMETA_0755);
        byte[] bytes = dev.coreos4j.ostree.internal.GVariantCodec.encode(
                "(a(say)a(sayay))",
                List.of(List.of(List.of("x", any.toBytes())), List.of(List.of("x", any.toBytes(), any.toBytes()))));
        assertThatThrownBy(() -> DirTree.parse(bytes))
                .isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("duplicate name 'x'");
    }

    @Test
    void commit_nonNormalPaddingIsRejected() {
        byte[] bad = HEX.parseHex(COMMIT_A_HEX);
        bad[0x14] = 1;
        assertThatThrownBy(() -> CommitObject.parse(bad))
                .isInstanceOf(ObjectFormatException.class)
                .hasMessageContaining("normal form");
    }
}
