package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The maintenance windows of a {@link Fleet}'s pools: the windows governing each pool, found once, and whether they
 * are open, evaluated once per pool and instant. Single use, not thread-safe.
 */
final class PoolWindows {
    private final Snapshot snapshot;
    /** Window positions by the pool they name, and those governing every pool; built on first use. */
    private @Nullable Map<String, List<Integer>> windowsByPool;

    private List<Integer> everyPool = new ArrayList<>();

    PoolWindows(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Whether a maintenance window lets pool {@code g} be disrupted at {@code now}; evaluated once per instant. */
    boolean open(PoolGroup g, Instant now) {
        if (!now.equals(g.windowAt)) {
            g.windowOpen = MaintenanceWindow.open(windows(g), g.pool.name(), now);
            g.windowAt = now;
        }
        return g.windowOpen;
    }

    /** {@link MaintenanceWindow#nextOpen} for pool {@code g} at {@code now}; evaluated once per instant. */
    @Nullable
    Instant nextOpen(PoolGroup g, Instant now) {
        if (!now.equals(g.nextAt)) {
            g.nextOpen = MaintenanceWindow.nextOpen(windows(g), g.pool.name(), now);
            g.nextAt = now;
        }
        return g.nextOpen;
    }

    /** The windows governing {@code g} (the others change nothing for it), in snapshot order. */
    private List<MaintenanceWindow> windows(PoolGroup g) {
        List<MaintenanceWindow> w = g.windows;
        if (w == null) {
            Map<String, List<Integer>> byPool = windowsByPool;
            if (byPool == null) {
                // One sweep: each window goes to the pools it names (or to every pool), positions ascending.
                byPool = new HashMap<>();
                windowsByPool = byPool;
                everyPool = new ArrayList<>();
                List<MaintenanceWindow> all = snapshot.windows();
                for (int k = 0; k < all.size(); k++) {
                    if (all.get(k).pools().isEmpty()) {
                        everyPool.add(k);
                    }
                    for (String pool : all.get(k).pools()) {
                        byPool.computeIfAbsent(pool, x -> new ArrayList<>()).add(k);
                    }
                }
            }
            List<Integer> mine = new ArrayList<>(everyPool);
            mine.addAll(byPool.getOrDefault(g.pool.name(), List.of()));
            mine.sort(null);
            w = new ArrayList<>(mine.size());
            for (int k : mine) {
                w.add(snapshot.windows().get(k));
            }
            g.windows = w;
        }
        return w;
    }
}
