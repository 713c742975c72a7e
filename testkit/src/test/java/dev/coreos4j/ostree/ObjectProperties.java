package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

@Domain(ObjectDomain.class)
@Domain(DomainContext.Global.class)
class ObjectProperties {

    @Property(tries = 300)
    void dirTree_roundTrips(@ForAll DirTree tree) {
        assertThat(DirTree.parse(tree.toBytes())).isEqualTo(tree);
    }

    @Property(tries = 300)
    void dirMeta_roundTrips(@ForAll DirMeta meta) {
        assertThat(DirMeta.parse(meta.toBytes())).isEqualTo(meta);
    }

    @Property(tries = 300)
    void commit_roundTripsByteForByte(@ForAll CommitObject commit) {
        byte[] bytes = commit.toBytes();
        CommitObject parsed = CommitObject.parse(bytes);
        assertThat(parsed).isEqualTo(commit);
        assertThat(parsed.toBytes()).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void metadata_roundTrips(@ForAll Metadata metadata) {
        assertThat(Metadata.parse(metadata.toBytes())).isEqualTo(metadata);
    }

    @Property(tries = 300)
    void fileHeader_archiveHeaderRoundTrips(@ForAll FileHeader header, @ForAll @IntRange(max = 1 << 20) int size) {
        byte[] framed = header.archiveHeader(size);
        FileHeader.Archived parsed = FileHeader.parseArchiveVariant(Arrays.copyOfRange(framed, 8, framed.length));
        assertThat(parsed.header()).isEqualTo(header);
        assertThat(parsed.size()).isEqualTo(size);
        byte[] sumHeader = header.checksumHeader();
        assertThat(FileHeader.parseChecksumVariant(Arrays.copyOfRange(sumHeader, 8, sumHeader.length)))
                .isEqualTo(header);
    }

    @Property(tries = 500)
    void equalContent_iffEqualChecksum(
            @ForAll FileHeader a,
            @ForAll FileHeader b,
            @ForAll boolean sameHeader,
            @ForAll @IntRange(max = 2) int contentA,
            @ForAll @IntRange(max = 2) int contentB) {
        FileHeader hb = sameHeader ? a : b;
        byte[] ca = a.isSymlink() ? new byte[0] : ("content" + contentA).getBytes();
        byte[] cb = hb.isSymlink() ? new byte[0] : ("content" + contentB).getBytes();
        boolean equal = a.equals(hb) && Arrays.equals(ca, cb);
        assertThat(a.checksum(ca).equals(hb.checksum(cb))).isEqualTo(equal);
    }

    @Property(tries = 300)
    void anySingleByteChange_changesFileChecksum(
            @ForAll FileHeader header,
            @ForAll byte[] content,
            @ForAll @IntRange(min = 0, max = 1 << 16) int where,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        if (header.isSymlink() || content.length == 0) {
            return;
        }
        byte[] changed = content.clone();
        changed[where % content.length] ^= (byte) xor;
        assertThat(header.checksum(changed)).isNotEqualTo(header.checksum(content));
    }

    /**
     * Normal form is unique: changing any byte of a serialized object either makes it unparseable or gives an object
     * with a different checksum, never a second encoding of the same object.
     */
    @Property(tries = 300)
    void anySingleByteChange_isRejectedOrChangesTheObject(
            @ForAll CommitObject commit,
            @ForAll DirTree tree,
            @ForAll @IntRange(max = 1 << 16) int where,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        for (byte[] original : List.of(commit.toBytes(), tree.toBytes())) {
            byte[] changed = original.clone();
            changed[where % changed.length] ^= (byte) xor;
            boolean isCommit = original.length == commit.toBytes().length && Arrays.equals(original, commit.toBytes());
            try {
                byte[] again = isCommit
                        ? CommitObject.parse(changed).toBytes()
                        : DirTree.parse(changed).toBytes();
                assertThat(again).isEqualTo(changed);
                assertThat(Checksum.sha256(again)).isNotEqualTo(Checksum.sha256(original));
            } catch (ObjectFormatException expected) {
                // rejected: not a normal-form object
            }
        }
    }

    @Property(tries = 200)
    void dirTreeBytes_doNotDependOnInputOrder(@ForAll DirTree tree, @ForAll long seed) {
        List<DirTree.FileEntry> files = new ArrayList<>(tree.files());
        List<DirTree.DirEntry> dirs = new ArrayList<>(tree.dirs());
        Collections.shuffle(files, new Random(seed));
        Collections.shuffle(dirs, new Random(seed + 1));
        assertThat(new DirTree(files, dirs).toBytes()).isEqualTo(tree.toBytes());
    }

    @Property(tries = 200)
    void xattrOrder_doesNotChangeChecksum(@ForAll FileHeader header, @ForAll long seed) {
        List<Xattr> shuffled = new ArrayList<>(header.xattrs());
        Collections.shuffle(shuffled, new Random(seed));
        FileHeader again = new FileHeader(header.uid(), header.gid(), header.mode(), header.symlinkTarget(), shuffled);
        assertThat(again.checksum(new byte[0])).isEqualTo(header.checksum(new byte[0]));
    }
}
