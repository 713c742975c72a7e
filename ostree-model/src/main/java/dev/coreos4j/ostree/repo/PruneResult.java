package dev.coreos4j.ostree.repo;

import java.util.List;

/**
 * What {@link Repository#prune} did.
 *
 * @param objectsTotal loose objects considered (commits, dirtrees, dirmetas and content objects; only commits with
 *     {@link PruneOptions#commitOnly()}), as {@code ostree prune} counts them
 * @param objectsPruned objects deleted (or that would be, in a dry run)
 * @param bytesFreed their total size on disk
 * @param pruned the deleted objects as {@code CHECKSUM.TYPE} ({@code ….commit}, {@code ….file}), in deletion order
 */
public record PruneResult(int objectsTotal, int objectsPruned, long bytesFreed, List<String> pruned) {

    public PruneResult {
        pruned = List.copyOf(pruned);
    }

    /** A result without the list of names. */
    public PruneResult(int objectsTotal, int objectsPruned, long bytesFreed) {
        this(objectsTotal, objectsPruned, bytesFreed, List.of());
    }
}
