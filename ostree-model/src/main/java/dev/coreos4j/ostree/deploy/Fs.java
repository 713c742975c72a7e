package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** File-system primitives with the durability the sysroot needs: fsync, atomic replace, rm -rf. */
final class Fs {

    static final FileTime EPOCH = FileTime.fromMillis(0);

    /** Whether {@link #fsync} really syncs on this thread: off while a repository with {@code core.fsync=false} is written. */
    private static final ThreadLocal<Boolean> SYNC = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /** Turns syncing on or off for the calling thread; returns the previous setting. */
    static boolean setSync(boolean on) {
        boolean before = SYNC.get();
        SYNC.set(on);
        return before;
    }

    private Fs() {}

    /** Whether {@link #fsync} syncs on this thread. */
    static boolean syncing() {
        return SYNC.get();
    }

    /** Flushes a file or directory to disk. */
    static void fsync(Path path) throws IOException {
        if (!SYNC.get()) {
            return;
        }
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(path)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Writes {@code text} to a temporary sibling, syncs it, and renames it over {@code target}. */
    static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to a temporary sibling, syncs it, and renames it over {@code target}. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp"
                + ThreadLocalRandom.current().nextInt(1 << 30));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            if (SYNC.get()) {
                ch.force(true);
            }
        }
        Files.setPosixFilePermissions(tmp, perms(0644));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(target.getParent());
    }

    /** Points {@code link} at {@code target}, replacing it atomically (symlink to a temporary name, then rename). */
    static void symlinkAtomically(Path link, String target) throws IOException {
        Path tmp = link.resolveSibling(link.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(target));
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code rm -rf path}; absent is fine. Symlinks are removed, never followed. */
    static void deleteTree(Path path) throws IOException {
        FileTrees.deleteTree(path);
    }

    /** The permission set of the low nine bits of {@code mode} (setuid/setgid/sticky need {@link #chmod}). */
    static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    /** Sets the full mode (including setuid, setgid and sticky bits) of a non-symlink. */
    static void chmod(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
    }

    /** Sets owner and group (root can; otherwise a failure is ignored, as a user-mode checkout would). */
    static void chown(Path path, int uid, int gid) {
        try {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not root: keep our own ownership, like ostree checkout --user-mode
        }
    }

    /** The full {@code st_mode} of {@code path} (not following symlinks). */
    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int gid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }
}
