package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A directory listing {@code (a(say)a(sayay))}: files (regular files and symlinks) by content checksum, and
 * subdirectories by dirtree and dirmeta checksum. Both lists are sorted by name in {@code strcmp} order by the
 * constructor, whatever order they are given in. Immutable.
 *
 * @param files the file entries
 * @param dirs the subdirectory entries
 */
public record DirTree(List<FileEntry> files, List<DirEntry> dirs) {

    static final String TYPE = "(a(say)a(sayay))";

    /** The empty directory listing (a single {@code 00} byte). */
    public static final DirTree EMPTY = new DirTree(List.of(), List.of());

    /**
     * The deepest nesting of directories that checkout, {@code ls -R}, diff and fsck follow: a path below it cannot
     * be opened anyway (Linux's {@code PATH_MAX} of 4,096 bytes holds at most 2,048 one-character components).
     * libostree sets no explicit limit; its checkout fails with {@code ENAMETOOLONG} near the same depth. A deeper
     * (or self-containing) tree is refused as a corrupt dirtree, naming the object.
     */
    public static final int MAX_DEPTH = 2048;

    /**
     * Refuses to descend into {@code tree} at {@code path} when it is one of its own {@code ancestors} (a cycle,
     * possible only in a corrupt repository: a dirtree cannot contain its own checksum) or when the nesting passes
     * {@link #MAX_DEPTH}. Every walk of a repository's trees calls it before descending.
     *
     * @throws CorruptObjectException naming {@code tree} and {@code path} when it must not be entered
     */
    public static void requireDescent(java.util.Collection<Checksum> ancestors, Checksum tree, String path)
            throws CorruptObjectException {
        if (ancestors.contains(tree)) {
            throw new CorruptObjectException(
                    tree,
                    ObjectType.DIR_TREE,
                    "contains itself (a cycle at " + (path.length() > 200 ? path.substring(0, 200) + "..." : path)
                            + ")");
        }
        if (ancestors.size() >= MAX_DEPTH) {
            throw new CorruptObjectException(
                    tree,
                    ObjectType.DIR_TREE,
                    "nested deeper than " + MAX_DEPTH + " directories (at "
                            + path.substring(0, Math.min(path.length(), 200)) + "...)");
        }
    }

    /** A file entry: name and content checksum. */
    public record FileEntry(String name, Checksum checksum) {
        public FileEntry {
            Names.requireValidFilename(name);
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    /** A subdirectory entry: name, dirtree checksum, dirmeta checksum. */
    public record DirEntry(String name, Checksum tree, Checksum meta) {
        public DirEntry {
            Names.requireValidFilename(name);
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(meta, "meta");
        }
    }

    /** @throws IllegalArgumentException on a name that appears twice (in either list) */
    public DirTree {
        List<FileEntry> f = new ArrayList<>(files);
        f.sort((a, b) -> Names.compareUtf8(a.name(), b.name()));
        List<DirEntry> d = new ArrayList<>(dirs);
        d.sort((a, b) -> Names.compareUtf8(a.name(), b.name()));
        Set<String> seen = new HashSet<>();
        for (FileEntry e : f) {
            if (!seen.add(e.name())) {
                throw new IllegalArgumentException("duplicate name '" + e.name() + "' in dirtree");
            }
        }
        for (DirEntry e : d) {
            if (!seen.add(e.name())) {
                throw new IllegalArgumentException("duplicate name '" + e.name() + "' in dirtree");
            }
        }
        files = List.copyOf(f);
        dirs = List.copyOf(d);
    }

    /** The file entry called {@code name}. */
    public Optional<FileEntry> file(String name) {
        return files.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The subdirectory entry called {@code name}. */
    public Optional<DirEntry> dir(String name) {
        return dirs.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The object bytes. */
    public byte[] toBytes() {
        List<Object> fs = new ArrayList<>(files.size());
        for (FileEntry e : files) {
            fs.add(List.of(e.name(), e.checksum().toBytes()));
        }
        List<Object> ds = new ArrayList<>(dirs.size());
        for (DirEntry e : dirs) {
            ds.add(List.of(e.name(), e.tree().toBytes(), e.meta().toBytes()));
        }
        return GVariantCodec.encode(TYPE, List.of(fs, ds));
    }

    /** The object checksum (SHA-256 of {@link #toBytes()}). */
    public Checksum checksum() {
        return Checksum.sha256(toBytes());
    }

    /**
     * Parses a dirtree object: normal form, 32-byte checksums, valid names, sorted and unique (path lookups depend on
     * the order, so an unsorted dirtree is rejected).
     *
     * @throws ObjectFormatException when the bytes are not such a dirtree
     */
    public static DirTree parse(byte[] bytes) {
        List<?> m;
        try {
            m = (List<?>) GVariantCodec.decode(TYPE, bytes);
        } catch (GVariantException e) {
            throw new ObjectFormatException("dirtree: " + e.getMessage());
        }
        List<FileEntry> files = new ArrayList<>();
        List<DirEntry> dirs = new ArrayList<>();
        try {
            for (Object o : (List<?>) m.get(0)) {
                List<?> e = (List<?>) o;
                files.add(new FileEntry((String) e.get(0), checksumOf((byte[]) e.get(1), "file " + e.get(0))));
            }
            for (Object o : (List<?>) m.get(1)) {
                List<?> e = (List<?>) o;
                dirs.add(new DirEntry(
                        (String) e.get(0),
                        checksumOf((byte[]) e.get(1), "dir " + e.get(0)),
                        checksumOf((byte[]) e.get(2), "dir " + e.get(0))));
            }
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("dirtree: " + e.getMessage());
        }
        DirTree tree;
        try {
            tree = new DirTree(files, dirs);
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("dirtree: " + e.getMessage());
        }
        if (!tree.files.equals(files) || !tree.dirs.equals(dirs)) {
            throw new ObjectFormatException("dirtree: entries are not sorted by name");
        }
        return tree;
    }

    static Checksum checksumOf(byte[] raw, String what) {
        if (raw.length != 32) {
            throw new ObjectFormatException("checksum of " + what + " has " + raw.length + " bytes, expected 32");
        }
        return Checksum.fromBytes(raw);
    }
}
