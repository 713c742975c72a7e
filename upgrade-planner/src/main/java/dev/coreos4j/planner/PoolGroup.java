package dev.coreos4j.planner;

import static dev.coreos4j.planner.NodeFlags.DONE;
import static dev.coreos4j.planner.NodeFlags.DRAINS;
import static dev.coreos4j.planner.NodeFlags.FAILING;
import static dev.coreos4j.planner.NodeFlags.IRRECONCILABLE;
import static dev.coreos4j.planner.NodeFlags.TARGETS;
import static dev.coreos4j.planner.NodeFlags.UNAVAILABLE;
import static dev.coreos4j.planner.NodeFlags.UNSETTLED;
import static dev.coreos4j.planner.NodeFlags.WEDGED;
import static dev.coreos4j.planner.NodeFlags.isActive;
import static dev.coreos4j.planner.NodeFlags.isCandidate;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One pool of a {@link Fleet}, its members and the counts its budget reads; the fleet keeps them current as nodes
 * change. Single use, not thread-safe.
 */
final class PoolGroup {
    final Pool pool;
    /** Member positions in name order (set once, when the fleet is built). */
    int[] members = new int[0];
    /**
     * Members (by member index) a pass without reasons may have to decide outside the candidate loop
     * ({@link NodeFlags#isActive}), and members that are neither done nor failing (they may claim a lock slot).
     */
    final java.util.BitSet active = new java.util.BitSet();

    final java.util.BitSet unfinished = new java.util.BitSet();
    /** The position of the pool's deferred node if it is a member, else -1. */
    final int deferred;
    /** Member positions in candidate order ({@link CandidateOrder}), computed on first use. */
    int @Nullable [] order;
    /** No member before this index of {@link #order} is a candidate. */
    int cursor;
    /** Evaluate in the next incremental pass: it acted in the last one (or everything may have changed). */
    boolean dirty = true;
    /** Every member must be decided again in the next incremental pass, not only the changed ones. */
    boolean stale = true;
    /** Members that changed since the last incremental evaluation (also marked in {@code Fleet.fresh}). */
    int[] changed = new int[4];

    int changedCount;
    /** Members with {@link NodeFlags#UNAVAILABLE}, {@link NodeFlags#FAILING}, {@link NodeFlags#IRRECONCILABLE}. */
    int unavailable;

    int failing;
    int refusing;
    /** Members failing on the pool target (MCO's {@code failingThisConfig}). */
    int failingOnTarget;
    /** Members with {@link NodeFlags#WEDGED}. */
    int wedged;
    /** The situation last interned for a member, and its id. */
    Situations.@Nullable Situation lastSituation;

    int lastSituationId;
    /** Candidates ({@link NodeFlags#isCandidate}), and those of them with something in flight ({@link NodeFlags#UNSETTLED}). */
    int candidates;

    int unsettledCandidates;

    /** Candidates without {@link NodeFlags#DRAINS}: the drain gates (window, PDBs, lock slot) do not hold them. */
    int drainlessCandidates;
    /** For each index of {@link #order}, the first index after it in another zone (computed with the order). */
    int[] zoneEnd = new int[0];
    /** The maintenance windows governing the pool (computed on first use). */
    @Nullable
    List<MaintenanceWindow> windows;
    /** The instant {@link #windowOpen} was last evaluated at, and what it said. */
    @Nullable
    Instant windowAt;

    boolean windowOpen;

    @Nullable
    Instant nextAt;

    @Nullable
    Instant nextOpen;

    /** The pool's index in name order. */
    final int index;

    PoolGroup(Pool pool, int index, int deferred) {
        this.pool = pool;
        this.index = index;
        this.deferred = deferred;
    }

    /** Member positions in candidate order: zone present first, zone, age (newest first if asked), name. */
    int[] order(Fleet f) {
        if (order == null) {
            // Sort member indices over local copies of the keys (contiguous), then map back to positions.
            int m = members.length;
            MemberOrder keys = new MemberOrder(m, pool.newestFirst());
            int[] local = new int[m];
            for (int k = 0; k < m; k++) {
                int i = members[k];
                keys.zone[k] = f.zoneRank[i];
                keys.seconds[k] = f.createdSeconds[i];
                keys.nanos[k] = f.createdNanos[i];
                local[k] = k;
            }
            MemberOrder.sort(local, new int[m], 0, m, keys);
            int[] out = new int[m];
            for (int k = 0; k < m; k++) {
                out[k] = members[local[k]];
                f.orderIndex[out[k]] = k;
            }
            int[] ends = new int[m];
            for (int k = m - 1; k >= 0; k--) {
                ends[k] = k + 1 < m && f.zoneRank[out[k + 1]] == f.zoneRank[out[k]] ? ends[k + 1] : k + 1;
            }
            zoneEnd = ends;
            order = out;
        }
        return order;
    }

    void count(int flags, int sign) {
        if ((flags & UNAVAILABLE) != 0) {
            unavailable += sign;
        }
        if ((flags & FAILING) != 0) {
            failing += sign;
            if ((flags & TARGETS) != 0) {
                failingOnTarget += sign;
            }
        }
        if ((flags & IRRECONCILABLE) != 0) {
            refusing += sign;
        }
        if ((flags & WEDGED) != 0) {
            wedged += sign;
        }
        if (isCandidate(flags)) {
            candidates += sign;
            if ((flags & UNSETTLED) != 0) {
                unsettledCandidates += sign;
            }
            if ((flags & DRAINS) == 0) {
                drainlessCandidates += sign;
            }
        }
    }

    /** Keeps the member at index {@code k} in the active and unfinished sets as its flags say. */
    void track(int k, int flags) {
        active.set(k, isActive(flags));
        unfinished.set(k, (flags & (DONE | FAILING)) == 0);
    }
}
