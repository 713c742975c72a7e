package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.DirHandle;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * File-system primitives with the durability the sysroot needs: fsync, atomic replace, rm -rf. Every write goes
 * through the one atomic writer ({@link AtomicFile}) and every delete through the one recursive delete
 * ({@link DirHandle#deleteTree}); the overloads taking an {@link FsyncPolicy} sync exactly as told.
 */
final class Fs {

    static final FileTime EPOCH = FileTime.fromMillis(0);

    /**
     * The sysroot's policy for the overloads without one, set by the sysroot around each of its locked steps from its
     * system repository's {@code core.fsync}. Callers that know their policy (the system repository) pass it instead;
     * this switch goes once every sysroot part passes its policy explicitly.
     */
    private static final ThreadLocal<Boolean> SYNC = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /** Turns syncing on or off for the calling thread; returns the previous setting. */
    static boolean setSync(boolean on) {
        boolean before = SYNC.get();
        SYNC.set(on);
        return before;
    }

    private Fs() {}

    /** Whether {@link #fsync(Path)} syncs on this thread. */
    static boolean syncing() {
        return SYNC.get();
    }

    /** The policy of the calling thread's sysroot step ({@link #setSync}). */
    static FsyncPolicy policy() {
        return FsyncPolicy.of(SYNC.get());
    }

    /** Flushes a file or directory to disk, as this thread's sysroot step says. */
    static void fsync(Path path) throws IOException {
        fsync(path, policy());
    }

    /** Flushes a file or directory to disk unless {@code policy} is {@link FsyncPolicy#NONE}; a symlink never. */
    static void fsync(Path path, FsyncPolicy policy) throws IOException {
        AtomicFile.fsync(path, policy);
    }

    /** {@link #writeAtomically(Path, byte[], FsyncPolicy)} of UTF-8 {@code text}, by this thread's policy. */
    static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8), policy());
    }

    /** {@link #writeAtomically(Path, byte[], FsyncPolicy)} by this thread's policy. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, bytes, policy());
    }

    /** Replaces {@code target} with {@code bytes} (mode 0644) through the atomic writer. */
    static void writeAtomically(Path target, byte[] bytes, FsyncPolicy policy) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        AtomicFile.write(target, dir == null ? Path.of("/") : dir, bytes, policy, perms(0644));
    }

    /**
     * Points {@code link} at {@code target}, replacing it atomically: a symlink at {@code LINK.tmp} (the one name a
     * crash may leave, which the sysroot's cleanup knows), renamed over {@code link}.
     */
    static void symlinkAtomically(Path link, String target) throws IOException {
        Path tmp = link.resolveSibling(link.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(target));
        AtomicFile.rename(tmp, link, policy());
    }

    /** {@code rm -rf path}; absent is fine. Symlinks are removed, never followed. */
    static void deleteTree(Path path) throws IOException {
        DirHandle.deleteTree(path);
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
