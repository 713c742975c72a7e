package dev.coreos4j.ostree;

/**
 * What {@link Repository#prune} did.
 *
 * @param objectsTotal loose objects before pruning
 * @param objectsPruned objects deleted (or that would be, in a dry run)
 * @param bytesFreed their total size on disk
 */
public record PruneResult(int objectsTotal, int objectsPruned, long bytesFreed) {}
