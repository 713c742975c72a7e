package dev.coreos4j.planner;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node that does not move now, and why.
 *
 * @param node   node name
 * @param pool   its pool, or {@code null}
 * @param reason the reason
 * @param detail a deterministic sentence for people (names the budget, lock holders, window start, PDB, …)
 * @param until  for {@link Reason#OUTSIDE_WINDOW}, when the next window opens; otherwise {@code null}
 */
public record Blocked(
        String node,
        @Nullable String pool,
        Reason reason,
        String detail,
        @Nullable Instant until) {

    public Blocked {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
