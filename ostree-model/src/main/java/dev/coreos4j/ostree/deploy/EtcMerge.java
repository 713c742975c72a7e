package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The /etc three-way merge of libostree: diff defaults→live of the merge deployment, apply it onto the new /etc. */
final class EtcMerge {

    private EtcMerge() {}

    /** A merge that cannot be applied (a type change between a local edit and the new defaults). */
    static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }
    }

    /** Diffs {@code defaults} (A, a {@code /usr/etc}) against {@code live} (B, an {@code /etc}). */
    static ConfigDiff diff(Path defaults, Path live) throws IOException {
        List<String> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        diffDir(defaults, live, "", modified, removed, added);
        return new ConfigDiff(modified, removed, added);
    }

    private static void diffDir(Path a, Path b, String prefix, List<String> modified, List<String> removed,
            List<String> added) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(list(a));
        names.addAll(list(b));
        for (String name : names) {
            Path pa = a == null ? null : a.resolve(name);
            Path pb = b == null ? null : b.resolve(name);
            boolean inA = pa != null && Files.exists(pa, LinkOption.NOFOLLOW_LINKS);
            boolean inB = pb != null && Files.exists(pb, LinkOption.NOFOLLOW_LINKS);
            String rel = prefix + name;
            if (inA && !inB) {
                removed.add(rel);
            } else if (!inA && inB) {
                added.add(rel);
            } else if (isDir(pa) && isDir(pb)) {
                diffDir(pa, pb, rel + "/", modified, removed, added);
            } else if (!same(pa, pb)) {
                modified.add(rel);
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        if (dir == null || !isDir(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static boolean isDir(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Same type, mode, ownership and content/target (xattrs are ignored, like libostree). */
    private static boolean same(Path a, Path b) throws IOException {
        if (Files.isSymbolicLink(a) || Files.isSymbolicLink(b)) {
            return Files.isSymbolicLink(a) && Files.isSymbolicLink(b)
                    && Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b));
        }
        if (isDir(a) != isDir(b)) {
            return false;
        }
        if (Fs.mode(a) != Fs.mode(b) || Fs.uid(a) != Fs.uid(b) || Fs.gid(a) != Fs.gid(b)) {
            return false;
        }
        return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
    }

    /**
     * Applies the diff of {@code defaults}→{@code live} onto {@code target} (the new deployment's fresh /etc).
     *
     * @return the diff that was applied
     * @throws MergeException when a local file would replace a new default directory or the other way round
     */
    static ConfigDiff merge(Path defaults, Path live, Path target) throws IOException, MergeException {
        ConfigDiff d = diff(defaults, live);
        for (String rel : d.removed()) {
            Fs.deleteTree(target.resolve(rel));
        }
        for (String rel : d.modified()) {
            Path src = live.resolve(rel);
            Path dst = target.resolve(rel);
            boolean srcDir = isDir(src);
            if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS) && isDir(dst) != srcDir) {
                throw new MergeException("During /etc merge: " + rel + ": the local "
                        + (srcDir ? "directory" : "file") + " would replace a new default "
                        + (srcDir ? "file" : "directory") + " (type change)");
            }
            ensureParents(live, target, rel);
            Fs.deleteTree(dst);
            copyTree(src, dst);
        }
        for (String rel : d.added()) {
            Path src = live.resolve(rel);
            Path dst = target.resolve(rel);
            if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS) && isDir(dst) != isDir(src)) {
                throw new MergeException("During /etc merge: " + rel + ": the local "
                        + (isDir(src) ? "directory" : "file") + " would replace a new default "
                        + (isDir(src) ? "file" : "directory") + " (type change)");
            }
            ensureParents(live, target, rel);
            Fs.deleteTree(dst);
            copyTree(src, dst);
        }
        return d;
    }

    /** Creates missing parent directories of {@code rel} under {@code target} with the metadata they have in {@code live}. */
    private static void ensureParents(Path live, Path target, String rel) throws IOException {
        String[] parts = rel.split("/");
        Path s = live;
        Path t = target;
        for (int i = 0; i < parts.length - 1; i++) {
            s = s.resolve(parts[i]);
            t = t.resolve(parts[i]);
            if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(t);
                Fs.chmod(t, Fs.mode(s));
                Fs.chown(t, Fs.uid(s), Fs.gid(s));
            }
        }
    }

    /** A full copy (never hardlinks): mode, ownership and symlinks kept; files synced. */
    static void copyTree(Path src, Path dst) throws IOException {
        if (Files.isSymbolicLink(src)) {
            Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
            Fs.chown(dst, Fs.uid(src), Fs.gid(src));
        } else if (isDir(src)) {
            Files.createDirectory(dst);
            try (Stream<Path> s = Files.list(src)) {
                for (Path child : (Iterable<Path>) s.sorted()::iterator) {
                    copyTree(child, dst.resolve(child.getFileName().toString()));
                }
            }
            Fs.chmod(dst, Fs.mode(src));
            Fs.chown(dst, Fs.uid(src), Fs.gid(src));
            Fs.fsync(dst);
        } else if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(src)) {
                Files.copy(in, dst);
            }
            Fs.chmod(dst, Fs.mode(src));
            Fs.chown(dst, Fs.uid(src), Fs.gid(src));
            Fs.fsync(dst);
        } else {
            throw new IOException(src + ": only files, directories and symlinks are supported in /etc");
        }
    }

}
