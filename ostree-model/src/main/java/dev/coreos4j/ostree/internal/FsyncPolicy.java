package dev.coreos4j.ostree.internal;

/**
 * How much of a write {@link AtomicFile} makes durable before it returns. The caller passes it explicitly: a
 * repository takes it from its {@code core.fsync} (and {@code core.per-object-fsync}), a sysroot from its system
 * repository's config; nothing is switched per thread.
 */
public enum FsyncPolicy {
    /** No syncs ({@code core.fsync=false}): the rename is still atomic, but a crash may lose the new content. */
    NONE,
    /**
     * The file's content is synced before the rename; the directory is not (the caller syncs the directories of many
     * renames at once, as a transaction does when it publishes its staged objects).
     */
    FILE,
    /** The file's content is synced before the rename and its directory after it: the new content survives a crash. */
    FULL;

    /** {@link #FULL} when {@code fsync} is true, else {@link #NONE}. */
    public static FsyncPolicy of(boolean fsync) {
        return fsync ? FULL : NONE;
    }

    /** Whether file content is synced. */
    public boolean syncsFiles() {
        return this != NONE;
    }

    /** Whether directories are synced after a rename into them. */
    public boolean syncsDirectories() {
        return this == FULL;
    }
}
