package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.internal.DirHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The /etc three-way merge of libostree: diff defaults→live of the merge deployment, apply it onto the new /etc. */
final class EtcMerge {

    private EtcMerge() {}

    /** A merge that cannot be applied (a type change between a local edit and the new defaults). */
    static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }

        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
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

    private static void diffDir(
            Path a, Path b, String prefix, List<String> modified, List<String> removed, List<String> added)
            throws IOException {
        TreeSet<String> names = new TreeSet<>();
        names.addAll(list(a));
        names.addAll(list(b));
        for (String name : names) {
            Path pa = a.resolve(name);
            Path pb = b.resolve(name);
            boolean inA = Files.exists(pa, LinkOption.NOFOLLOW_LINKS);
            boolean inB = Files.exists(pb, LinkOption.NOFOLLOW_LINKS);
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
        if (!isDir(dir)) {
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
            return Files.isSymbolicLink(a)
                    && Files.isSymbolicLink(b)
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
     * Applies the diff of {@code defaults}→{@code live} onto {@code target} (the new deployment's fresh /etc). Every
     * write and delete under {@code target} goes through directory handles ({@link DirHandle}), never through a path
     * a concurrent rename could redirect.
     *
     * @return the diff that was applied
     * @throws MergeException when a local file would replace a new default directory or the other way round
     */
    static ConfigDiff merge(Path defaults, Path live, Path target) throws IOException, MergeException {
        ConfigDiff d = diff(defaults, live);
        try (DirHandle root = DirHandle.open(target)) {
            for (String rel : d.removed()) {
                try (DirHandle parent = parentOf(root, live, rel, false)) {
                    if (parent != null) {
                        parent.deleteChild(last(rel));
                    }
                }
            }
            List<String> copies = new ArrayList<>(d.modified());
            copies.addAll(d.added());
            for (String rel : copies) {
                Path src = live.resolve(rel);
                boolean srcDir = isDir(src);
                try (DirHandle parent = Objects.requireNonNull(parentOf(root, live, rel, true))) {
                    String name = last(rel);
                    if (parent.exists(name) && parent.stat(name).isDirectory() != srcDir) {
                        throw new MergeException("During /etc merge: " + rel + ": the local "
                                + (srcDir ? "directory" : "file") + " would replace a new default "
                                + (srcDir ? "file" : "directory") + " (type change)");
                    }
                    parent.deleteChild(name);
                    copyTree(src, parent, name);
                }
            }
        }
        return d;
    }

    private static String last(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    /**
     * The directory holding {@code rel} under {@code root}, opened component by component without following symlinks;
     * with {@code create}, missing components are created with the metadata they have in {@code live} (else null).
     */
    private static @Nullable DirHandle parentOf(DirHandle root, Path live, String rel, boolean create)
            throws IOException {
        String[] parts = rel.split("/", -1);
        DirHandle dir = root.duplicate(); // a handle of our own to close; the root stays open
        Path s = live;
        for (int i = 0; i < parts.length - 1; i++) {
            s = s.resolve(parts[i]);
            DirHandle next;
            if (!dir.exists(parts[i])) {
                if (!create) {
                    dir.close();
                    return null;
                }
                next = dir.createDir(parts[i]);
                dir.chmod(parts[i], Fs.mode(s));
                try {
                    dir.chown(parts[i], Fs.uid(s), Fs.gid(s));
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    // not root: keep our own ownership
                }
            } else {
                next = dir.openDir(parts[i]);
            }
            dir.close();
            dir = next;
        }
        return dir;
    }

    /** A full copy of {@code src} to a new path (never hardlinks): mode, ownership and symlinks kept; files synced. */
    static void copyTree(Path src, Path dst) throws IOException {
        Path abs = dst.toAbsolutePath().normalize();
        try (DirHandle parent = DirHandle.open(Objects.requireNonNull(abs.getParent(), "parent"))) {
            copyTree(src, parent, abs.getFileName().toString());
        }
    }

    /** Copies {@code src} to child {@code name} of {@code dst} (which must not exist), through directory handles. */
    static void copyTree(Path src, DirHandle dst, String name) throws IOException {
        if (Files.isSymbolicLink(src)) {
            dst.createSymlink(name, Files.readSymbolicLink(src).toString());
            chownQuietly(dst, name, src);
        } else if (isDir(src)) {
            try (DirHandle sub = dst.createDir(name)) {
                List<Path> children;
                try (Stream<Path> s = Files.list(src)) {
                    children = s.sorted().toList();
                }
                for (Path child : children) {
                    copyTree(child, sub, child.getFileName().toString());
                }
                if (Fs.syncing()) {
                    sub.fsync();
                }
            }
            dst.chmod(name, Fs.mode(src));
            chownQuietly(dst, name, src);
        } else if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(src, LinkOption.NOFOLLOW_LINKS);
                    FileChannel out = dst.createFile(name)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                if (Fs.syncing()) {
                    out.force(true);
                }
            }
            dst.chmod(name, Fs.mode(src));
            chownQuietly(dst, name, src);
        } else {
            throw new IOException(src + ": only files, directories and symlinks are supported in /etc");
        }
    }

    private static void chownQuietly(DirHandle dir, String name, Path like) throws IOException {
        try {
            dir.chown(name, Fs.uid(like), Fs.gid(like));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not root: keep our own ownership, like ostree checkout --user-mode
        }
    }
}
