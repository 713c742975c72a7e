package dev.coreos4j.ostree;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * Writes a commit's tree to disk. Every file and directory is created fresh ({@code O_CREAT|O_EXCL}, never through
 * a symlink) inside directories this checkout created itself, and every name comes from a validated dirtree, so
 * nothing can land outside the target. Directory modes are applied after their contents, and directory mtimes are
 * set to the epoch, as {@code ostree checkout} does.
 */
final class Checkout {

    private final Repository repo;
    private final CheckoutOptions options;

    Checkout(Repository repo, CheckoutOptions options) {
        this.repo = repo;
        this.options = options;
    }

    void run(Checksum commit, Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "checkout target already exists");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new NoSuchFileException(parent.toString(), null, "parent of the checkout target is not a directory");
        }
        TreeEntry entry = repo.lookup(commit, options.subpath()).orElseThrow(() -> new NoSuchFileException(
                options.subpath(), null, "no such path in commit " + commit));
        if (entry instanceof TreeEntry.File) {
            writeFile(((TreeEntry.File) entry).checksum(), target);
        } else {
            TreeEntry.Directory d = (TreeEntry.Directory) entry;
            writeDirectory(d.tree(), d.meta(), target);
        }
    }

    private void writeDirectory(Checksum treeChecksum, Checksum metaChecksum, Path dir) throws IOException {
        DirMeta meta = repo.readDirMeta(metaChecksum);
        DirTree tree = repo.readDirTree(treeChecksum);
        Files.createDirectory(dir);
        for (DirTree.FileEntry f : tree.files()) {
            writeFile(f.checksum(), child(dir, f.name()));
        }
        for (DirTree.DirEntry d : tree.dirs()) {
            writeDirectory(d.tree(), d.meta(), child(dir, d.name()));
        }
        if (!options.userMode()) {
            setOwner(dir, meta.uid(), meta.gid());
        }
        setMode(dir, options.userMode() ? meta.permissions() & ~06000 : meta.permissions());
        Files.setLastModifiedTime(dir, FileTime.fromMillis(0));
    }

    /** The entry {@code name} of {@code dir}; names come from a parsed dirtree, this re-checks them anyway. */
    private static Path child(Path dir, String name) {
        Names.requireValidFilename(name);
        Path p = dir.resolve(name);
        if (!p.getParent().equals(dir)) {
            throw new IllegalArgumentException("refusing to write outside " + dir + ": '" + name + "'");
        }
        return p;
    }

    private void writeFile(Checksum checksum, Path path) throws IOException {
        ContentObject obj = repo.readFile(checksum);
        FileHeader h = obj.header();
        if (h.isSymlink()) {
            createSymlink(path, h.symlinkTarget());
            if (!options.userMode()) {
                setOwner(path, h.uid(), h.gid());
            }
            return;
        }
        long written = 0;
        try (InputStream in = repo.openContent(checksum);
             OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                written += n;
            }
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        }
        if (written != obj.size()) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, "header declares " + obj.size()
                    + " bytes, content has " + written);
        }
        if (!options.userMode()) {
            setOwner(path, h.uid(), h.gid());
        }
        setMode(path, options.userMode() ? h.permissions() & ~06000 : h.permissions());
    }

    /**
     * Creates a symlink with exactly {@code target}. {@link Path} normalizes redundant and trailing slashes
     * ({@code a//b/} would become {@code a/b}), so such rare targets are created with {@code ln -s} instead.
     */
    private static void createSymlink(Path link, String target) throws IOException {
        Path t = Path.of(target);
        if (t.toString().equals(target)) {
            Files.createSymbolicLink(link, t);
            return;
        }
        Process p = new ProcessBuilder("ln", "-s", "--", target, link.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("cannot create symlink " + link + " -> " + target + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted creating symlink " + link);
        }
    }

    private static void setMode(Path p, int perms) throws IOException {
        Files.setAttribute(p, "unix:mode", perms, LinkOption.NOFOLLOW_LINKS);
    }

    private static void setOwner(Path p, int uid, int gid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
