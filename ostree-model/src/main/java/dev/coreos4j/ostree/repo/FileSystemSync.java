package dev.coreos4j.ostree.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** {@code syncfs(2)} via coreutils {@code sync --file-system}, the one call libostree makes per transaction. */
final class FileSystemSync {

    private static final @Nullable Path SYNC = findSync();

    private FileSystemSync() {}

    private static @Nullable Path findSync() {
        for (String candidate : new String[] {"/usr/bin/sync", "/bin/sync"}) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Syncs the file system holding {@code dir}; false when that could not be done (the caller then fsyncs). */
    static boolean syncfs(Path dir) throws IOException {
        if (SYNC == null) {
            return false;
        }
        Process p = new ProcessBuilder(SYNC.toString(), "--file-system", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while syncing " + dir);
        }
        return p.exitValue() == 0;
    }
}
