package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * When no gate couples nodes (no PDBs, lock groups or cross-pool limits), {@link Planner#plan} takes a fast path: it
 * re-decides only the pools that acted and the nodes that changed, and runs started nodes to the end alone. An unused
 * lock group couples nothing but forces the general path. This example compares both on a large uniform fleet; the
 * property over messy generated snapshots is {@code PlanFastPathProperties} in the testkit.
 */
class PlanFastPathTest {

    static final Instant NOW = Instant.parse("2026-03-03T22:30:00Z");

    @Test
    void plan_fastPathEqualsGeneralPath_onALargeUniformFleet() {
        List<Pool> pools = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            pools.add(Pool.of("pool-" + p, MaxUnavailable.parse("10%"), Target.of("rendered-" + p + "-b")));
        }
        for (int i = 0; i < 2000; i++) {
            int p = i % 20;
            nodes.add(Node.of(
                    String.format("node-%05d", i),
                    "pool-" + p,
                    "zone-" + (i % 3),
                    NOW.minus((i * 2654435761L) % 10_000, ChronoUnit.MINUTES),
                    "rendered-" + p + "-a"));
        }
        Snapshot s = Snapshot.of(NOW, pools, nodes);
        assertThat(Pass.independent(s)).isTrue();
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(10);
        assertThat(plan).isEqualTo(Planner.plan(s.withLocks(List.of(new LockGroup("unused", 1, new TreeSet<>())))));
    }
}
