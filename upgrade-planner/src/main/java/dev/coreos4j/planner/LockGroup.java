package dev.coreos4j.planner;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A FleetLock-style counting semaphore: a group with a number of slots and the nodes holding them. Locks are
 * recursive (a holder locking again changes nothing) and only a holder releases its own slot.
 *
 * @param group   the group name ({@code ^[a-zA-Z0-9.-]+$}, as Zincati requires)
 * @param slots   how many nodes may hold the lock at once, at least 1
 * @param holders the node names holding a slot (copied, sorted); may exceed {@code slots} only if observed so
 */
public record LockGroup(String group, int slots, SortedSet<String> holders) {

    public LockGroup {
        Objects.requireNonNull(group, "group");
        if (!group.matches("[a-zA-Z0-9.-]+")) {
            throw new IllegalArgumentException("lock group must match ^[a-zA-Z0-9.-]+$, got \"" + group + "\"");
        }
        if (slots < 1) {
            throw new IllegalArgumentException("lock group " + group + " needs at least 1 slot, got " + slots);
        }
        holders = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(holders, "holders")));
    }

    /** This group with {@code node} holding a slot (recursive: unchanged if it already holds one). */
    public LockGroup lock(String node) {
        if (holders.contains(node)) {
            return this;
        }
        TreeSet<String> h = new TreeSet<>(holders);
        h.add(node);
        return new LockGroup(group, slots, h);
    }

    /** This group without {@code node}'s slot (idempotent). */
    public LockGroup unlock(String node) {
        if (!holders.contains(node)) {
            return this;
        }
        TreeSet<String> h = new TreeSet<>(holders);
        h.remove(node);
        return new LockGroup(group, slots, h);
    }
}
