package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import java.util.List;
import java.util.Objects;

/**
 * A directory's metadata object {@code (uuua(ayay))}: owner, mode and xattrs (names live in the parent dirtree).
 * Immutable.
 *
 * @param uid owner user id
 * @param gid owner group id
 * @param mode full {@code st_mode}: {@code 040000 | perms}, perms within {@code 07777}
 * @param xattrs extended attributes, sorted canonically by the constructor
 */
public record DirMeta(int uid, int gid, int mode, List<Xattr> xattrs) {

    static final String TYPE = "(uuua(ayay))";

    /** @throws IllegalArgumentException unless {@code mode} is a directory with valid bits, or on duplicate xattrs */
    public DirMeta {
        Objects.requireNonNull(xattrs, "xattrs");
        if ((mode & FileHeader.S_IFMT) != FileHeader.S_IFDIR || (mode & ~(FileHeader.S_IFMT | 07777)) != 0) {
            throw new IllegalArgumentException(
                    "dirmeta mode " + Integer.toOctalString(mode) + " is not a directory with valid permission bits");
        }
        xattrs = Xattr.canonical(xattrs);
    }

    /** A directory with permission bits {@code perms}. */
    public static DirMeta of(int uid, int gid, int perms, List<Xattr> xattrs) {
        return new DirMeta(uid, gid, FileHeader.S_IFDIR | perms, xattrs);
    }

    /** The permission bits of the mode ({@code mode & 07777}). */
    public int permissions() {
        return mode & 07777;
    }

    /** The object bytes. */
    public byte[] toBytes() {
        return GVariantCodec.encode(
                TYPE,
                List.of(
                        Integer.reverseBytes(uid),
                        Integer.reverseBytes(gid),
                        Integer.reverseBytes(mode),
                        Xattr.toGVariant(xattrs)));
    }

    /** The object checksum (SHA-256 of {@link #toBytes()}). */
    public Checksum checksum() {
        return Checksum.sha256(toBytes());
    }

    /**
     * Parses a dirmeta object; xattrs must already be sorted and unique.
     *
     * @throws ObjectFormatException when the bytes are not a normal-form, valid dirmeta
     */
    public static DirMeta parse(byte[] bytes) {
        List<?> m;
        try {
            m = (List<?>) GVariantCodec.decode(TYPE, bytes);
        } catch (GVariantException e) {
            throw new ObjectFormatException("dirmeta: " + e.getMessage());
        }
        List<Xattr> xattrs = Xattr.fromGVariant(m.get(3), "dirmeta");
        DirMeta meta;
        try {
            meta = new DirMeta(
                    Integer.reverseBytes((Integer) m.get(0)),
                    Integer.reverseBytes((Integer) m.get(1)),
                    Integer.reverseBytes((Integer) m.get(2)),
                    xattrs);
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("dirmeta: " + e.getMessage());
        }
        if (!meta.xattrs.equals(xattrs)) {
            throw new ObjectFormatException("dirmeta: xattrs are not sorted by name");
        }
        return meta;
    }
}
