package dev.coreos4j.ignition.internal;

import org.jspecify.annotations.Nullable;

/** Converts byte offsets of a document into 1-based line and byte column numbers. */
public final class Positions {
    private final byte[] raw;
    private int @Nullable [] lineStarts;

    public Positions(byte[] raw) {
        this.raw = raw;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (byte b : raw) {
                if (b == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int k = 1;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    starts[k++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

    /** {line, column} of a byte offset (column 1 = first byte of the line). */
    public int[] of(long offset) {
        int[] starts = lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new int[] {lo + 1, (int) (offset - starts[lo]) + 1};
    }

    /**
     * The position of a Go decoder error offset: the same column rule, except that an offset at or past the end of
     * the input has no position (Ignition prints it as line 0 col 0); null then.
     */
    public int @Nullable [] ofGoError(long offset) {
        if (offset >= raw.length) {
            return null;
        }
        return of(offset);
    }
}
