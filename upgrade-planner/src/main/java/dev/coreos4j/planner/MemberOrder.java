package dev.coreos4j.planner;

/**
 * The candidate-order keys of one pool's members ({@link PoolGroup#order}), by member index: members are in name order, so the name
 * tiebreak is the member index.
 */
final class MemberOrder {
    final int[] zone;
    final long[] seconds;
    final int[] nanos;
    final boolean newestFirst;

    MemberOrder(int size, boolean newestFirst) {
        zone = new int[size];
        seconds = new long[size];
        nanos = new int[size];
        this.newestFirst = newestFirst;
    }

    /** {@link CandidateOrder} on member indices. */
    int compare(int a, int b) {
        int c = Integer.compare(zone[a], zone[b]);
        if (c != 0) {
            return c;
        }
        c = Long.compare(seconds[a], seconds[b]);
        if (c == 0) {
            c = Integer.compare(nanos[a], nanos[b]);
        }
        if (c != 0) {
            return newestFirst ? -c : c;
        }
        return Integer.compare(a, b);
    }

    /** Merge sort of member indices by {@code keys}. */
    static void sort(int[] a, int[] tmp, int from, int to, MemberOrder keys) {
        if (to - from <= 16) {
            for (int k = from + 1; k < to; k++) {
                int x = a[k];
                int j = k - 1;
                while (j >= from && keys.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid, keys);
        sort(a, tmp, mid, to, keys);
        if (keys.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && keys.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
