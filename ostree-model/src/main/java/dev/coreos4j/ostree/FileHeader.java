package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * The metadata of a content object (regular file or symlink): owner, full {@code st_mode}, symlink target and xattrs.
 * Together with the file's bytes it determines the content checksum. Immutable.
 *
 * @param uid owner user id
 * @param gid owner group id
 * @param mode full {@code st_mode}: {@code 0100000 | perms} for a regular file, {@code 0120000 | perms} for a symlink;
 *     permission bits within {@code 07777}
 * @param symlinkTarget the target of a symlink (non-empty), {@code ""} for a regular file; valid UTF-8 without NUL
 * @param xattrs extended attributes, sorted canonically by the constructor
 */
public record FileHeader(int uid, int gid, int mode, String symlinkTarget, List<Xattr> xattrs) {

    /** File type bits of {@code st_mode}. */
    public static final int S_IFMT = 0170000;
    /** Regular file. */
    public static final int S_IFREG = 0100000;
    /** Symbolic link. */
    public static final int S_IFLNK = 0120000;
    /** Directory. */
    public static final int S_IFDIR = 0040000;

    static final String CHECKSUM_TYPE = "(uuuusa(ayay))";
    static final String ARCHIVE_TYPE = "(tuuuusa(ayay))";

    /** @throws IllegalArgumentException on an invalid mode, a target that does not fit the type, or duplicate xattrs */
    public FileHeader {
        Objects.requireNonNull(symlinkTarget, "symlinkTarget");
        Objects.requireNonNull(xattrs, "xattrs");
        int type = mode & S_IFMT;
        if (type != S_IFREG && type != S_IFLNK) {
            throw new IllegalArgumentException(
                    "file mode " + Integer.toOctalString(mode) + " is neither a regular file nor a symlink");
        }
        if ((mode & ~(S_IFMT | 07777)) != 0) {
            throw new IllegalArgumentException("file mode " + Integer.toOctalString(mode) + " has invalid bits");
        }
        if (type == S_IFLNK && symlinkTarget.isEmpty()) {
            throw new IllegalArgumentException("a symlink needs a non-empty target");
        }
        if (type == S_IFREG && !symlinkTarget.isEmpty()) {
            throw new IllegalArgumentException("a regular file has no symlink target");
        }
        if (symlinkTarget.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("symlink target contains NUL");
        }
        xattrs = Xattr.canonical(xattrs);
    }

    /** A regular file with permission bits {@code perms} (within 07777). */
    public static FileHeader regular(int uid, int gid, int perms, List<Xattr> xattrs) {
        return new FileHeader(uid, gid, S_IFREG | perms, "", xattrs);
    }

    /** A symlink (mode 0120777, as Linux reports it) pointing at {@code target}. */
    public static FileHeader symlink(int uid, int gid, String target, List<Xattr> xattrs) {
        return new FileHeader(uid, gid, S_IFLNK | 0777, target, xattrs);
    }

    /** Whether this is a symbolic link. */
    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** Whether this is a regular file. */
    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** The permission bits ({@code mode & 07777}). */
    public int permissions() {
        return mode & 07777;
    }

    private List<Object> members(boolean archive, long size) {
        List<Object> xs = Xattr.toGVariant(xattrs);
        if (archive) {
            return List.of(
                    Long.reverseBytes(size),
                    Integer.reverseBytes(uid),
                    Integer.reverseBytes(gid),
                    Integer.reverseBytes(mode),
                    0,
                    symlinkTarget,
                    xs);
        }
        return List.of(
                Integer.reverseBytes(uid), Integer.reverseBytes(gid), Integer.reverseBytes(mode), 0, symlinkTarget, xs);
    }

    /** The {@code (uuuusa(ayay))} variant that the checksum covers (without length prefix). */
    public byte[] checksumVariant() {
        return GVariantCodec.encode(CHECKSUM_TYPE, members(false, 0));
    }

    /** The hashed header: BE32 length ‖ four zero bytes ‖ {@link #checksumVariant()}. */
    public byte[] checksumHeader() {
        return framed(checksumVariant());
    }

    /**
     * The header of a {@code .filez} object for content of {@code size} bytes: BE32 length ‖ four zero bytes ‖
     * {@code (tuuuusa(ayay))}.
     */
    public byte[] archiveHeader(long size) {
        return framed(GVariantCodec.encode(ARCHIVE_TYPE, members(true, size)));
    }

    private static byte[] framed(byte[] v) {
        byte[] out = new byte[8 + v.length];
        out[0] = (byte) (v.length >>> 24);
        out[1] = (byte) (v.length >>> 16);
        out[2] = (byte) (v.length >>> 8);
        out[3] = (byte) v.length;
        System.arraycopy(v, 0, out, 8, v.length);
        return out;
    }

    /** The content checksum of this header with {@code content} (must be empty for a symlink). */
    public Checksum checksum(byte[] content) {
        MessageDigest md = Checksum.newDigest();
        md.update(checksumHeader());
        if (isSymlink() && content.length != 0) {
            throw new IllegalArgumentException("a symlink has no content");
        }
        md.update(content);
        return Checksum.fromBytes(md.digest());
    }

    /** The content checksum of this header with the bytes read from {@code content} (not closed). */
    public Checksum checksum(InputStream content) throws IOException {
        MessageDigest md = Checksum.newDigest();
        md.update(checksumHeader());
        byte[] buf = new byte[65536];
        int n;
        long total = 0;
        while ((n = content.read(buf)) > 0) {
            md.update(buf, 0, n);
            total += n;
        }
        if (isSymlink() && total != 0) {
            throw new IllegalArgumentException("a symlink has no content");
        }
        return Checksum.fromBytes(md.digest());
    }

    /** A parsed {@code .filez} header: the file header and the uncompressed size it declares. */
    public record Archived(FileHeader header, long size) {}

    /**
     * Parses the variant part of a {@code .filez} header ({@code (tuuuusa(ayay))}, without the 8-byte prefix).
     *
     * @throws ObjectFormatException when it is not a normal-form header with a valid mode
     */
    public static Archived parseArchiveVariant(byte[] variant) {
        List<?> m;
        try {
            m = (List<?>) GVariantCodec.decode(ARCHIVE_TYPE, variant);
        } catch (GVariantException e) {
            throw new ObjectFormatException("file header: " + e.getMessage());
        }
        long size = Long.reverseBytes((Long) m.get(0));
        int uid = Integer.reverseBytes((Integer) m.get(1));
        int gid = Integer.reverseBytes((Integer) m.get(2));
        int mode = Integer.reverseBytes((Integer) m.get(3));
        int rdev = Integer.reverseBytes((Integer) m.get(4));
        if (rdev != 0) {
            throw new ObjectFormatException("file header: rdev is " + rdev + ", must be 0");
        }
        List<Xattr> xattrs = Xattr.fromGVariant(m.get(6), "file header");
        List<Xattr> canonical;
        try {
            canonical = Xattr.canonical(xattrs);
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("file header: " + e.getMessage());
        }
        try {
            return new Archived(new FileHeader(uid, gid, mode, (String) m.get(5), canonical), size);
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("Corrupted archive file; invalid mode: " + e.getMessage());
        }
    }

    /**
     * Parses a checksum header variant {@code (uuuusa(ayay))} (without the 8-byte prefix).
     *
     * @throws ObjectFormatException when it is not a normal-form header with a valid mode
     */
    public static FileHeader parseChecksumVariant(byte[] variant) {
        List<?> m;
        try {
            m = (List<?>) GVariantCodec.decode(CHECKSUM_TYPE, variant);
        } catch (GVariantException e) {
            throw new ObjectFormatException("file header: " + e.getMessage());
        }
        try {
            return new FileHeader(
                    Integer.reverseBytes((Integer) m.get(0)),
                    Integer.reverseBytes((Integer) m.get(1)),
                    Integer.reverseBytes((Integer) m.get(2)),
                    (String) m.get(4),
                    Xattr.fromGVariant(m.get(5), "file header"));
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("file header: " + e.getMessage());
        }
    }
}
