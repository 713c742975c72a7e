package dev.coreos4j.ostree.repo;

/**
 * Receives progress while {@link Repository#commit(java.nio.file.Path, CommitOptions, CommitProgress)} writes a
 * directory: called from worker threads after each file, so implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface CommitProgress {

    /** Does nothing. */
    CommitProgress NONE = (files, bytes) -> {};

    /**
     * Receives the progress so far.
     *
     * @param filesDone files (regular and symlinks) hashed and stored so far
     * @param bytesDone their uncompressed bytes so far
     */
    void update(long filesDone, long bytesDone);
}
