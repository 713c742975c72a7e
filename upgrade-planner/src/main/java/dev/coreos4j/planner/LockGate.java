package dev.coreos4j.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The lock-group gate of one {@link Pass} (FleetLock semantics): a node of a pool with a lock group takes one of the
 * group's slots before its first disruptive step and keeps it until it is done. Slots are reserved (claimed) by
 * started nodes first, so new nodes start only into free slots; a full group holds the rest
 * ({@link Reason#LOCK_HELD}). Single use, not thread-safe.
 */
final class LockGate {
    private final Snapshot s;
    private final Fleet fleet;
    /** Lock groups by name (looked up, never iterated). */
    private final Map<String, LockGroup> locks = new HashMap<>();
    /** Slots claimed in this pass, by group. */
    private final Map<String, Integer> reserved = new HashMap<>();

    LockGate(Fleet fleet, List<LockGroup> lockState) {
        this.s = fleet.snapshot;
        this.fleet = fleet;
        for (LockGroup g : lockState) {
            locks.put(g.group(), g);
        }
    }

    /** The current state of lock group {@code name}. */
    LockGroup group(String name) {
        return Objects.requireNonNull(locks.get(name), name);
    }

    /** The group of pool {@code p}, or {@code null} without one. */
    @Nullable
    LockGroup of(Pool p) {
        return p.lockGroup() == null ? null : locks.get(p.lockGroup());
    }

    /** Replaces a group's state (after a node acquired a slot). */
    void update(LockGroup g) {
        locks.put(g.group(), g);
    }

    /** Claims one slot of group {@code group}. */
    void reserve(String group) {
        reserved.merge(group, 1, Integer::sum);
    }

    /** Whether every slot of {@code g} is held or claimed. */
    boolean full(LockGroup g) {
        return g.holders().size() + reserved.getOrDefault(g.group(), 0) >= g.slots();
    }

    /** Whether every slot of the lock group of {@code p} is held or claimed (false without a lock group). */
    boolean full(Pool p) {
        LockGroup lg = of(p);
        return lg != null && full(lg);
    }

    boolean holds(Node n, Pool p) {
        String lockGroup = p.lockGroup();
        return lockGroup != null && group(lockGroup).holders().contains(n.name());
    }

    /** {@link #holds(Node, Pool)} for the node at {@code i}, without reading the node. */
    boolean holds(int i, Pool p) {
        String lockGroup = p.lockGroup();
        if (lockGroup == null) {
            return false;
        }
        LockGroup g = group(lockGroup);
        return !g.holders().isEmpty() && g.holders().contains(fleet.names[i]);
    }

    /** The sentence for a node the full group {@code g} holds back. */
    String detail(LockGroup g) {
        List<String> ghosts = new ArrayList<>();
        for (String h : g.holders()) {
            if (s.indexOf(h) < 0) {
                ghosts.add(h);
            }
        }
        // Only an owner releases its slot (FleetLock); a holder that is no longer a node needs a person (kured #137).
        return "all " + g.slots() + " slot(s) of lock group " + g.group() + " are held by "
                + String.join(", ", g.holders())
                + (ghosts.isEmpty() ? "" : "; not in the cluster (release by hand): " + String.join(", ", ghosts));
    }
}
