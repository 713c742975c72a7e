package dev.coreos4j.ostree;

import java.util.Set;

/**
 * What {@link Repository#prune} keeps.
 *
 * @param refsOnly {@code --refs-only}: only refs (and {@link #extraRoots()}) are roots; otherwise every commit object
 *     is a root and only objects no commit reaches go
 * @param depth {@code --depth}: how many parents of each root commit to keep; -1 for all
 * @param extraRoots further commits to keep (e.g. deployments)
 * @param dryRun {@code --no-prune}: compute, delete nothing
 */
public record PruneOptions(boolean refsOnly, int depth, Set<Checksum> extraRoots, boolean dryRun) {

    public PruneOptions {
        extraRoots = Set.copyOf(extraRoots);
        if (depth < -1) {
            throw new IllegalArgumentException("depth must be >= -1, got " + depth);
        }
    }

    /** Every commit is a root, all history: deletes only objects no commit reaches. */
    public static PruneOptions defaults() {
        return new PruneOptions(false, -1, Set.of(), false);
    }
}
