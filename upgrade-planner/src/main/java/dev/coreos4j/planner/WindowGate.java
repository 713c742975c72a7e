package dev.coreos4j.planner;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The maintenance-window gate of one {@link Pass}: a disruptive step of a node waits until a window of its pool is
 * open ({@link Reason#OUTSIDE_WINDOW}, with the instant the next one opens). Computed once per pool and instant by
 * the fleet; in the reference mode once per pool and pass, from the whole list. Single use, not thread-safe.
 */
final class WindowGate {
    private final Snapshot s;
    private final Fleet fleet;
    private final Instant now;
    private final boolean reference;
    private final Map<String, Boolean> open = new HashMap<>();

    WindowGate(Fleet fleet, Instant now) {
        this.s = fleet.snapshot;
        this.fleet = fleet;
        this.now = now;
        this.reference = fleet.reference;
    }

    /** Whether the snapshot has any window (otherwise the gate is always open). */
    boolean any() {
        return !s.windows().isEmpty();
    }

    /** Whether a maintenance window lets the pool of the node at {@code i} be disrupted now. */
    boolean open(int i) {
        if (s.windows().isEmpty()) {
            return true;
        }
        PoolGroup g = fleet.groupOf[i];
        if (!reference) {
            return fleet.windows.open(g, now);
        }
        return open.computeIfAbsent(g.pool.name(), k -> MaintenanceWindow.open(s.windows(), k, now));
    }

    /** When a maintenance window next opens for the pool of the node at {@code i}. */
    @Nullable
    Instant nextOpen(int i) {
        PoolGroup g = fleet.groupOf[i];
        return reference ? MaintenanceWindow.nextOpen(s.windows(), g.pool.name(), now) : fleet.windows.nextOpen(g, now);
    }
}
