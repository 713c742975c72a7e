package dev.coreos4j.testkit;

import java.util.Objects;

/**
 * An invariant check failed. Thrown by every check in this package; it is an {@link AssertionError}, so JUnit and
 * jqwik report it as a failed test and jqwik shrinks the input that caused it.
 *
 * <p>The message always says which invariant broke, where (a step number, node, deployment index or JSON path) and
 * what was observed, for example {@code [budget] step 3, pool worker: 3 nodes unavailable, budget is 2 (w1, w4, w7)}.
 */
public final class InvariantViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final String where;
    private final String detail;

    /**
     * @param invariant a short stable name of the invariant, such as {@code budget} or {@code one-booted}
     * @param where     where it broke: a step and node, a deployment index, a JSON path
     * @param detail    what was observed, in words a reader can act on
     */
    public InvariantViolation(String invariant, String where, String detail) {
        super("[" + Objects.requireNonNull(invariant, "invariant") + "] " + Objects.requireNonNull(where, "where")
                + ": " + Objects.requireNonNull(detail, "detail"));
        this.invariant = invariant;
        this.where = where;
        this.detail = detail;
    }

    /** The invariant's short stable name, such as {@code budget}, {@code quorum} or {@code cordon-ownership}. */
    public String invariant() {
        return invariant;
    }

    /** Where the invariant broke. */
    public String where() {
        return where;
    }

    /** What was observed. */
    public String detail() {
        return detail;
    }
}
