package dev.coreos4j.ostree.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A shared/exclusive lock on a lock file that excludes other processes (POSIX {@code fcntl} locks, which conflict
 * with libostree's OFD locks on Linux) and other threads of this JVM. POSIX locks belong to the process, and closing
 * any channel on the file drops them all, so each lock file has exactly one channel per JVM, kept here.
 */
final class RepoLock {

    private static final Map<Path, RepoLock> LOCKS = new HashMap<>();

    private final Path file;
    private @Nullable FileChannel channel;
    private @Nullable FileLock osLock;
    private int shared;
    private boolean exclusive;

    private RepoLock(Path file) {
        this.file = file;
    }

    static RepoLock of(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (LOCKS) {
            return LOCKS.computeIfAbsent(key, RepoLock::new);
        }
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private void openChannel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
            } catch (IOException | UnsupportedOperationException e) {
                // best effort, as libostree (0660 & umask)
            }
        }
    }

    /** Blocks until the shared lock is held (no timeout). */
    synchronized Held shared() throws IOException {
        return shared(-1);
    }

    /** Blocks until the exclusive lock is held (no timeout). */
    synchronized Held exclusive() throws IOException {
        return exclusive(-1);
    }

    /**
     * Takes the lock shared, waiting at most {@code timeoutSeconds} for other processes (negative: forever).
     *
     * @throws IOException "Locking repo shared failed: …" on timeout, as libostree says it
     */
    synchronized Held shared(long timeoutSeconds) throws IOException {
        while (exclusive) {
            waitInterruptibly();
        }
        if (shared == 0) {
            openChannel();
            osLock = acquire(true, timeoutSeconds);
        }
        shared++;
        return once(this::releaseShared);
    }

    /** Takes the lock exclusively; see {@link #shared(long)}. */
    synchronized Held exclusive(long timeoutSeconds) throws IOException {
        while (exclusive || shared > 0) {
            waitInterruptibly();
        }
        openChannel();
        osLock = acquire(false, timeoutSeconds);
        exclusive = true;
        return once(this::releaseExclusive);
    }

    /**
     * The exclusive lock for re-reading refs after a commit, or empty when this JVM itself holds the lock shared (another
     * transaction of this process is open): waiting for it would wait for ourselves.
     */
    synchronized java.util.Optional<Held> exclusiveUnlessSharedHere(long timeoutSeconds) throws IOException {
        if (shared > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(exclusive(timeoutSeconds));
    }

    private interface Release {
        void run() throws IOException;
    }

    private static Held once(Release release) {
        return new Held() {
            private boolean done;

            @Override
            public synchronized void close() throws IOException {
                if (!done) {
                    done = true;
                    release.run();
                }
            }
        };
    }

    private FileLock acquire(boolean sharedMode, long timeoutSeconds) throws IOException {
        FileChannel channel = Objects.requireNonNull(this.channel, "the lock file is not open");
        if (timeoutSeconds < 0) {
            return channel.lock(0, Long.MAX_VALUE, sharedMode);
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, sharedMode);
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Locking repo " + (sharedMode ? "shared" : "exclusive") + " failed: " + file
                        + " is held by another process (waited " + timeoutSeconds + " s)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for lock " + file);
            }
        }
    }

    // every caller waits in a loop that re-checks its condition
    @SuppressWarnings("WaitNotInLoop")
    private void waitInterruptibly() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for lock " + file);
        }
    }

    private synchronized void releaseShared() throws IOException {
        if (shared <= 0) {
            return;
        }
        shared--;
        if (shared == 0) {
            Objects.requireNonNull(osLock, "no lock held").release();
            osLock = null;
            notifyAll();
        }
    }

    private synchronized void releaseExclusive() throws IOException {
        if (!exclusive) {
            return;
        }
        exclusive = false;
        Objects.requireNonNull(osLock, "no lock held").release();
        osLock = null;
        notifyAll();
    }
}
