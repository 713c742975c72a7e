package dev.coreos4j.ostree.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The one way coreos4j replaces a file: write a new temporary file ({@code O_CREAT|O_EXCL}) in the target's directory
 * (or another directory of the same file system the caller names, such as a repository's {@code tmp/}), sync it as
 * the {@link FsyncPolicy} says, rename it over the target, and sync the directory as the policy says. Readers see the
 * old content or the new, never a part. When anything fails before the rename, the temporary file is removed and the
 * target is untouched; {@link #close()} without {@link #commit} discards the new content.
 *
 * <pre>{@code
 * try (AtomicFile f = AtomicFile.create(dir, policy)) {
 *     f.channel().write(...);
 *     f.commit(dir.resolve("name"));
 * }
 * }</pre>
 *
 * <p>Besides whole files it renames symlinks ({@link #symlink}) and already-written temporaries such as a staged
 * object or a finished directory ({@link #rename}), and syncs files and directories ({@link #fsync}), all by policy.
 * An instance is not thread-safe; the static methods are.
 */
public final class AtomicFile implements Closeable {

    private final Path temp;
    private final FileChannel channel;
    private final FsyncPolicy policy;
    private boolean open = true;
    private boolean committed;

    private AtomicFile(Path temp, FileChannel channel, FsyncPolicy policy) {
        this.temp = temp;
        this.channel = channel;
        this.policy = policy;
    }

    /**
     * Creates a new, empty temporary file in {@code tempDir} (created if missing) to be written and then
     * {@linkplain #commit committed} to a target on the same file system.
     */
    public static AtomicFile create(Path tempDir, FsyncPolicy policy) throws IOException {
        Objects.requireNonNull(policy, "policy");
        Files.createDirectories(tempDir);
        for (int attempt = 0; ; attempt++) {
            Path temp = tempName(tempDir, ".tmp-");
            try {
                return new AtomicFile(
                        temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), policy);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** A new name {@code prefix<random>} in {@code dir} for a temporary file or directory (nothing is created). */
    public static Path tempName(Path dir, String prefix) {
        return dir.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    /** The temporary file (to set its mode, owner or times before {@link #commit}). */
    public Path temp() {
        return temp;
    }

    /** The temporary file, open for writing. */
    public FileChannel channel() {
        return channel;
    }

    /** An output stream over {@link #channel()}; closing the stream leaves the channel open. */
    public OutputStream outputStream() {
        OutputStream out = Channels.newOutputStream(channel);
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes all of {@code data} to the temporary file. */
    public AtomicFile write(byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        return this;
    }

    /** Sets the temporary file's permissions (ignored on a file system without POSIX permissions). */
    public AtomicFile permissions(Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to set
        }
        return this;
    }

    /**
     * Syncs the temporary file and closes it, leaving it in place, for a caller that decides its target only later or
     * renames it with {@link #rename}; the file is then the caller's to remove.
     */
    public Path finish() throws IOException {
        if (open) {
            if (policy.syncsFiles()) {
                channel.force(true);
            }
            channel.close();
            open = false;
        }
        committed = true;
        return temp;
    }

    /**
     * Syncs the temporary file (by policy), renames it over {@code target} (created or replaced atomically), and syncs
     * the target's directory (by policy).
     */
    public void commit(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        if (committed) {
            throw new IllegalStateException(temp + ": already committed");
        }
        if (policy.syncsFiles()) {
            channel.force(true);
        }
        channel.close();
        open = false;
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        syncParent(target, policy);
    }

    /** Closes the temporary file and, unless committed, removes it. */
    @Override
    public void close() throws IOException {
        try {
            if (open) {
                open = false;
                channel.close();
            }
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ one-shot writes

    /** Replaces {@code target} with {@code data}, the temporary file next to it. */
    public static void write(Path target, byte[] data, FsyncPolicy policy) throws IOException {
        write(target, parentOf(target), data, policy, null);
    }

    /**
     * Replaces {@code target} with {@code data}, the temporary file in {@code tempDir} (same file system), with
     * {@code permissions} when not null (else the process umask's).
     */
    public static void write(
            Path target, Path tempDir, byte[] data, FsyncPolicy policy, @Nullable Set<PosixFilePermission> permissions)
            throws IOException {
        try (AtomicFile f = create(tempDir, policy)) {
            f.write(data);
            if (permissions != null) {
                f.permissions(permissions);
            }
            f.commit(target);
        }
    }

    /**
     * Points {@code link} at {@code target}, replacing what {@code link} was atomically: a symlink under a temporary
     * name in {@code tempDir}, renamed over {@code link}, then the directory synced by policy.
     */
    public static void symlink(Path link, String target, Path tempDir, FsyncPolicy policy) throws IOException {
        Files.createDirectories(tempDir);
        Path temp = tempName(tempDir, ".tmp-link-");
        Files.createSymbolicLink(temp, Path.of(target));
        rename(temp, link, policy);
    }

    /**
     * Renames the fully written {@code temp} (a file, symlink or directory the caller has already synced) over
     * {@code target} and syncs the target's directory by policy. On failure {@code temp} is removed.
     */
    public static void rename(Path temp, Path target, FsyncPolicy policy) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                DirHandle.deleteTree(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncParent(target, policy);
    }

    // ------------------------------------------------------------------------------------------------ syncs

    /**
     * Syncs a regular file (its content) or a directory the caller has filled (its entries) unless {@code policy} is
     * {@link FsyncPolicy#NONE}. A symlink is never synced.
     */
    public static void fsync(Path path, FsyncPolicy policy) throws IOException {
        if (!policy.syncsFiles() || Files.isSymbolicLink(path)) {
            return;
        }
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel ch = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Syncs directory {@code dir} when {@code policy} syncs directories. Some file systems refuse to sync a
     * directory; that is ignored, since the kernel still orders the renames.
     */
    public static void fsyncDirectory(Path dir, FsyncPolicy policy) throws IOException {
        if (!policy.syncsDirectories()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(dir)) {
                return;
            }
            throw e;
        }
    }

    private static void syncParent(Path target, FsyncPolicy policy) throws IOException {
        fsyncDirectory(parentOf(target), policy);
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("no directory to write " + target + " in");
        }
        return parent;
    }
}
