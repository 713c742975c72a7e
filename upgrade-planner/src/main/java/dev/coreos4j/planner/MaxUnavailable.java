package dev.coreos4j.planner;

import java.util.Objects;

/**
 * A pool's {@code maxUnavailable}: an absolute count or a percentage of the pool, resolved to a budget the way the
 * Machine Config Operator does.
 */
public sealed interface MaxUnavailable {

    /** The default when a pool says nothing: one node at a time. */
    MaxUnavailable DEFAULT = new Count(1);

    /**
     * Parses {@code "3"} or {@code "25%"}.
     *
     * @throws IllegalArgumentException naming the value when it is negative, empty or malformed
     */
    static MaxUnavailable parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        boolean percent = t.endsWith("%");
        String digits = percent ? t.substring(0, t.length() - 1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
            throw new IllegalArgumentException("maxUnavailable must be a non-negative integer or a percentage such as"
                    + " \"25%\", got \"" + text + "\"");
        }
        int value = Integer.parseInt(digits);
        return percent ? new Percent(value) : new Count(value);
    }

    /**
     * The number of nodes of a pool of {@code poolSize} that may be unavailable at once: a count as given, a percentage
     * of the pool rounded down, and never less than 1 (MCO treats a resolved 0 as 1 so that a pool can progress).
     */
    int budget(int poolSize);

    /** An absolute number of nodes. */
    record Count(int value) implements MaxUnavailable {
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("maxUnavailable must not be negative, got " + value);
            }
        }

        @Override
        public int budget(int poolSize) {
            return Math.max(1, value);
        }

        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    /** A percentage of the pool's size, rounded down. */
    record Percent(int value) implements MaxUnavailable {
        public Percent {
            if (value < 0) {
                throw new IllegalArgumentException("maxUnavailable must not be negative, got " + value + "%");
            }
        }

        @Override
        public int budget(int poolSize) {
            if (poolSize < 0) {
                throw new IllegalArgumentException("poolSize must not be negative, got " + poolSize);
            }
            return Math.max(1, (int) ((long) poolSize * value / 100));
        }

        @Override
        public String toString() {
            return value + "%";
        }
    }
}
