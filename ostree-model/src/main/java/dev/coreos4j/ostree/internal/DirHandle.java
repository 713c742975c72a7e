package dev.coreos4j.ostree.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An open directory that every operation goes through, as libostree works with {@code openat}: a child is created,
 * opened, stat-ed, changed or removed relative to this handle and never by re-resolving a path, and the last
 * component is never followed when it is a symlink. A directory that another process swaps for a symlink after we
 * opened it therefore cannot redirect a single write or delete: we keep working inside the directory we opened, and
 * opening the swapped name fails ({@code O_NOFOLLOW}).
 *
 * <p>The JDK's {@link SecureDirectoryStream} offers {@code openat}, {@code unlinkat}, {@code renameat} and
 * {@code fstatat}, but neither {@code mkdirat} nor {@code symlinkat}; those go through this process's
 * {@code /proc/self/fd/N} link to the open directory, which the kernel resolves to the open directory itself, not to
 * whatever now has its name. Where there is no {@code /proc/self/fd} (or no secure stream: not Linux), the handle
 * falls back to plain paths and {@link #isSecure()} says so.
 *
 * <p>Not thread-safe. Closing closes the directory.
 */
public final class DirHandle implements Closeable {

    private static final Path PROC_FD = Path.of("/proc/self/fd");
    private static final boolean HAVE_PROC = Files.isDirectory(PROC_FD);

    private final SecureDirectoryStream<Path> stream;
    /** Where path-taking calls resolve a child: {@code /proc/self/fd/N} of {@link #stream}, else {@link #shown}. */
    private @Nullable Path base;
    /** The path this directory had when opened, for messages only. */
    private final Path shown;
    /** Device and inode of the open directory. */
    private @Nullable Object key;
    /** Whether {@link #base} may name another handle's descriptor and must be re-checked before each use. */
    private boolean verify;

    private DirHandle(SecureDirectoryStream<Path> stream, Path shown) {
        this.stream = stream;
        this.shown = shown;
    }

    /**
     * Opens the existing directory {@code dir}, resolving the path once, as the caller names it (symlinks in it are
     * the caller's choice); everything below goes through the handle.
     *
     * @throws NotDirectoryException if {@code dir} is not a directory
     */
    public static DirHandle open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!Files.isDirectory(abs)) {
            throw Files.exists(abs)
                    ? new NotDirectoryException(abs.toString())
                    : new NoSuchFileException(abs.toString());
        }
        return wrap(openStream(abs), abs);
    }

    // the stream is the handle's for its lifetime: wrap keeps it, or closes it when it cannot be used
    @SuppressWarnings("StreamResourceLeak")
    private static DirectoryStream<Path> openStream(Path abs) throws IOException {
        return Files.newDirectoryStream(abs);
    }

    private static DirHandle wrap(DirectoryStream<Path> ds, Path shown) throws IOException {
        if (ds instanceof SecureDirectoryStream) {
            return new DirHandle((SecureDirectoryStream<Path>) ds, shown);
        }
        ds.close();
        throw new IOException(shown + ": this platform has no directory handles (SecureDirectoryStream); refusing to "
                + "write or delete a tree through paths");
    }

    /**
     * The one recursive delete ({@code rm -rf path}), as libostree's {@code glnx_shutil_rm_rf_at}: absent is fine, a
     * file or symlink is removed, a directory with everything below it. The parent of {@code path} is resolved once
     * as given; {@code path} itself and everything below it is reached through handles and never followed when it is
     * a symlink. Entries that vanish meanwhile (another writer cleaning up) are fine.
     *
     * @throws IllegalArgumentException for the root directory
     * @throws IOException when something cannot be removed (naming it)
     */
    public static void deleteTree(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path name = abs.getFileName();
        if (parent == null || name == null) {
            throw new IllegalArgumentException("refusing to delete the root directory");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirHandle dir = open(parent)) {
            dir.deleteChild(name.toString());
        }
    }

    /** Whether child paths resolve through {@code /proc/self/fd} (always on Linux). */
    public boolean isSecure() {
        return HAVE_PROC;
    }

    /** The path this directory had when it was opened (for messages; may be stale). */
    public Path shown() {
        return shown;
    }

    /** {@link #shown()} of child {@code name}, for messages. */
    public Path shown(String name) {
        return shown.resolve(name);
    }

    /**
     * A path to child {@code name} that resolves through this open directory ({@code /proc/self/fd/N/name}). Use it
     * only with {@link LinkOption#NOFOLLOW_LINKS} or for operations that never follow the last component
     * (mkdir, symlink, rename, unlink).
     */
    public Path child(String name) throws IOException {
        checkName(name);
        return base().resolve(name);
    }

    private Path base() throws IOException {
        Path b = base;
        if (b == null) {
            b = HAVE_PROC ? findFd() : shown;
        } else if (verify && !key().equals(keyOf(b))) {
            b = findFd(); // the descriptor we shared with another handle was closed and reused: look again
        }
        base = b;
        return b;
    }

    private Object key() throws IOException {
        Object k = key;
        if (k == null) {
            k = stream.getFileAttributeView(BasicFileAttributeView.class)
                    .readAttributes()
                    .fileKey();
            key = k;
        }
        return k;
    }

    private static @Nullable Object keyOf(Path fd) {
        try {
            return Files.readAttributes(fd, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // closed meanwhile by another thread
        }
    }

    /**
     * The {@code /proc/self/fd/N} entry that is this stream's directory (same device and inode). When several
     * descriptors of this process hold the same directory, any of them may be closed and its number reused later,
     * so each later use re-checks it ({@link #verify}).
     */
    private Path findFd() throws IOException {
        Object k = key();
        Path found = null;
        int matches = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC_FD)) {
            for (Path fd : fds) {
                if (k.equals(keyOf(fd))) {
                    matches++;
                    found = fd;
                }
            }
        }
        if (found == null) {
            throw new IOException(shown + ": cannot find the open directory in " + PROC_FD);
        }
        verify = matches > 1;
        return found;
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()
                || name.equals(".")
                || name.equals("..")
                || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a file name: '" + name + "'");
        }
    }

    /**
     * Opens child directory {@code name} without following a symlink.
     *
     * @throws NotDirectoryException if it is not a directory or is a symlink
     */
    public DirHandle openDir(String name) throws IOException {
        checkName(name);
        SecureDirectoryStream<Path> s;
        try {
            s = stream.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(shown(name).toString());
        } catch (FileSystemException e) {
            // ELOOP (a symlink) or ENOTDIR
            throw new NotDirectoryException(shown(name).toString());
        }
        return new DirHandle(s, shown(name));
    }

    /** A second handle of this same directory (closing one leaves the other open). */
    public DirHandle duplicate() throws IOException {
        DirHandle d = new DirHandle(stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS), shown);
        d.base = base(); // this handle stays open while the duplicate is used
        d.key = key;
        d.verify = verify;
        return d;
    }

    /** Creates child directory {@code name} (mode 0700 until the caller sets the final one) and opens it. */
    public DirHandle createDir(String name) throws IOException {
        Files.createDirectory(child(name));
        return openDir(name);
    }

    /** Creates child {@code name} as a new regular file ({@code O_CREAT|O_EXCL|O_NOFOLLOW}) open for writing. */
    public FileChannel createFile(String name) throws IOException {
        checkName(name);
        return (FileChannel) stream.newByteChannel(
                Path.of(name),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    }

    /** Opens child {@code name} for reading, refusing a symlink, and refusing anything but a regular file. */
    public SeekableByteChannel openRead(String name) throws IOException {
        checkName(name);
        PosixFileAttributes a = stat(name);
        if (!a.isRegularFile()) {
            throw new IOException(shown(name) + ": not a regular file");
        }
        Set<OpenOption> opts = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return stream.newByteChannel(Path.of(name), opts);
    }

    /** Creates child {@code name} as a symlink to exactly {@code target} (via {@code ln -s} when {@link Path} would normalise it). */
    public void createSymlink(String name, String target) throws IOException {
        Path link = child(name);
        Path t = Path.of(target);
        if (t.toString().equals(target)) {
            Files.createSymbolicLink(link, t);
            return;
        }
        // the child has its own /proc/self: name our descriptor through our pid
        String where = link.toString().startsWith(PROC_FD + "/")
                ? "/proc/" + ProcessHandle.current().pid() + "/fd/"
                        + link.toString().substring(PROC_FD.toString().length() + 1)
                : link.toString();
        Process p = new ProcessBuilder("ln", "-s", "--", target, where)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("cannot create symlink " + shown(name) + " -> " + target + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted creating symlink " + shown(name));
        }
    }

    /** {@code fstatat(name, AT_SYMLINK_NOFOLLOW)}. */
    public PosixFileAttributes stat(String name) throws IOException {
        checkName(name);
        try {
            return stream.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(shown(name).toString());
        }
    }

    /** Whether child {@code name} exists (a dangling symlink exists). */
    public boolean exists(String name) throws IOException {
        try {
            stat(name);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The full {@code st_mode} of child {@code name} (not following a symlink). */
    public int mode(String name) throws IOException {
        return (Integer) Files.getAttribute(child(name), "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    /** Sets the mode (with setuid, setgid, sticky) of child {@code name}, which must not be a symlink. */
    public void chmod(String name, int mode) throws IOException {
        Files.setAttribute(child(name), "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code lchown} of child {@code name}. */
    public void chown(String name, int uid, int gid) throws IOException {
        Path p = child(name);
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    /** Sets the modification time of child {@code name} (not following a symlink). */
    public void setMtime(String name, FileTime time) throws IOException {
        Files.getFileAttributeView(child(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(time, null, null);
    }

    /** Sets the modification time of this directory itself. */
    public void setOwnMtime(FileTime time) throws IOException {
        stream.getFileAttributeView(BasicFileAttributeView.class).setTimes(time, null, null);
    }

    /** Flushes this directory ({@code fsync} of the handle). */
    public void fsync() throws IOException {
        try (FileChannel ch = FileChannel.open(base().resolve("."), StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** The names in this directory, in no particular order. */
    public List<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        try (SecureDirectoryStream<Path> s = stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : s) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    /** Renames child {@code from} of this directory to {@code to} in directory {@code dest} ({@code renameat}). */
    public void rename(String from, DirHandle dest, String to) throws IOException {
        checkName(from);
        checkName(to);
        stream.move(Path.of(from), dest.stream, Path.of(to));
    }

    /**
     * {@code rm -rf} of child {@code name}: absent is fine; a file or symlink is unlinked; a directory is opened
     * without following symlinks, emptied through its handle, and removed. Entries that vanish meanwhile are fine.
     */
    public void deleteChild(String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                deleteChildOnce(name);
                return;
            } catch (Changed e) {
                // the entry changed type (or gained entries) between our stat and unlink: look again, a few times
                if (attempt == 3) {
                    throw new IOException(shown(name) + ": keeps changing while being removed");
                }
            }
        }
    }

    private void deleteChildOnce(String name) throws IOException {
        PosixFileAttributes a;
        try {
            a = stat(name);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!a.isDirectory()) {
            try {
                stream.deleteFile(Path.of(name));
            } catch (NoSuchFileException e) {
                // gone meanwhile
            } catch (FileSystemException e) {
                if (stat(name).isDirectory()) {
                    throw new Changed(); // became a directory: retry
                }
                throw e;
            }
            return;
        }
        DirHandle sub;
        try {
            sub = openDir(name);
        } catch (NoSuchFileException e) {
            return;
        } catch (NotDirectoryException e) {
            throw new Changed(); // swapped for a symlink or file after our stat: retry
        }
        try (sub) {
            sub.deleteContents();
        }
        try {
            stream.deleteDirectory(Path.of(name));
        } catch (NoSuchFileException e) {
            // gone meanwhile
        } catch (FileSystemException e) {
            throw new Changed(); // swapped for a non-directory, or refilled: retry
        }
    }

    /** An entry changed between our look at it and its removal. */
    private static final class Changed extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Removes everything in this directory (not the directory itself). */
    public void deleteContents() throws IOException {
        for (String n : names()) {
            deleteChild(n);
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
