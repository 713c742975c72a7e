package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link Repository#prune} keeps, with {@code ostree prune}'s options.
 *
 * <p>Every kind of ref is a root: local heads and their aliases, remote refs, collection–refs under
 * {@code refs/mirrors}, and deployment refs ({@code ostree/…}). With {@link #keepYoungerThan()},
 * {@link #retainBranchDepth()} or {@link #onlyBranches()} the roots are the refs only (as {@code --refs-only}).
 *
 * @param refsOnly {@code --refs-only}: only refs (and {@link #extraRoots()}) are roots; otherwise every commit object
 *     is a root and only objects no commit reaches go
 * @param depth {@code --depth}: how many parents of each root commit to keep; -1 for all
 * @param extraRoots further commits to keep (e.g. deployments)
 * @param dryRun {@code --no-prune}: compute, delete nothing
 * @param commitOnly {@code --commit-only}: only commit objects are traversed and deleted
 * @param keepYoungerThan {@code --keep-younger-than}: of each ref's history keep its head and the commits at least this
 *     new (a ref in {@link #retainBranchDepth()} uses its depth instead)
 * @param retainBranchDepth {@code --retain-branch-depth=BRANCH=DEPTH}: the depth for one ref (-1: all of it)
 * @param onlyBranches {@code --only-branch}: prune only these refs' histories; every other ref keeps all of its
 *     history (each must exist)
 */
public record PruneOptions(
        boolean refsOnly,
        int depth,
        Set<Checksum> extraRoots,
        boolean dryRun,
        boolean commitOnly,
        Optional<Instant> keepYoungerThan,
        Map<String, Integer> retainBranchDepth,
        Set<String> onlyBranches) {

    /** @throws IllegalArgumentException on a depth below -1 */
    public PruneOptions {
        extraRoots = Set.copyOf(extraRoots);
        retainBranchDepth = Map.copyOf(retainBranchDepth);
        onlyBranches = Set.copyOf(onlyBranches);
        java.util.Objects.requireNonNull(keepYoungerThan, "keepYoungerThan");
        if (depth < -1) {
            throw new IllegalArgumentException("depth must be >= -1, got " + depth);
        }
    }

    /** The classic options: {@code --refs-only}, {@code --depth}, extra roots and {@code --no-prune}. */
    public PruneOptions(boolean refsOnly, int depth, Set<Checksum> extraRoots, boolean dryRun) {
        this(refsOnly, depth, extraRoots, dryRun, false, Optional.empty(), Map.of(), Set.of());
    }

    /** Every commit is a root, all history: deletes only objects no commit reaches. */
    public static PruneOptions defaults() {
        return new PruneOptions(false, -1, Set.of(), false);
    }

    /** Whether any of the per-branch options is set, which makes the refs the only roots. */
    public boolean perBranch() {
        return keepYoungerThan.isPresent() || !retainBranchDepth.isEmpty() || !onlyBranches.isEmpty();
    }
}
