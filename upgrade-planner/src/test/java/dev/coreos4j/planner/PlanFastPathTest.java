package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * When no gate couples nodes (no PDBs, lock groups or cross-pool limits), {@link Planner#plan} takes a fast path: it
 * re-decides only the pools that acted and the nodes that changed, and runs started nodes to the end alone. An unused
 * lock group couples nothing but forces the general path (every pool and node decided at every step), so both paths
 * must give the same plan on every snapshot. The snapshots are seeded and messy: nodes in flight, failing, not ready,
 * cordoned by admins or by the planner, in no pool; paused and aborted pools, deferred nodes, failure thresholds,
 * image targets, maintenance windows and described configs, some irreconcilable.
 */
class PlanFastPathTest {

    static final Instant NOW = Instant.parse("2026-03-03T22:30:00Z");

    @Test
    void plan_fastPathEqualsGeneralPath() {
        int fast = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            Snapshot s = snapshot(r, r.nextInt(seed % 20 == 0 ? 300 : 40), 1 + r.nextInt(4));
            assertThat(Pass.independent(s)).isTrue();
            Snapshot general = s.withLocks(List.of(new LockGroup("unused", 1, new TreeSet<>())));
            assertThat(Pass.independent(general)).isFalse();
            Plan expected = planOrError(general);
            assertThat(planOrError(s)).as("seed %d", seed).isEqualTo(expected);
            if (!expected.waves().isEmpty()) {
                fast++;
            }
        }
        // most snapshots really roll out: the comparison is not between two empty plans
        assertThat(fast).isGreaterThan(300);
    }

    @Test
    void plan_fastPathEqualsGeneralPath_onALargeUniformFleet() {
        List<Pool> pools = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            pools.add(Pool.of("pool-" + p, MaxUnavailable.parse("10%"), Target.of("rendered-" + p + "-b")));
        }
        for (int i = 0; i < 2000; i++) {
            int p = i % 20;
            nodes.add(Node.of(String.format("node-%05d", i), "pool-" + p, "zone-" + (i % 3),
                    NOW.minus((i * 2654435761L) % 10_000, ChronoUnit.MINUTES), "rendered-" + p + "-a"));
        }
        Snapshot s = Snapshot.of(NOW, pools, nodes);
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(10);
        assertThat(plan).isEqualTo(Planner.plan(s.withLocks(List.of(new LockGroup("unused", 1, new TreeSet<>())))));
    }

    /** The plan, or the planner's complaint when a snapshot cannot be planned (both paths must agree on it too). */
    private static Plan planOrError(Snapshot s) {
        try {
            return Planner.plan(s);
        } catch (IllegalStateException e) {
            return new Plan(List.of(), List.of(new Blocked("error", null, Reason.NoPool, e.getMessage(), null)),
                    List.of(), List.of());
        }
    }

    private static MaxUnavailable budget(Random r) {
        return r.nextBoolean() ? new MaxUnavailable.Count(r.nextInt(5)) : new MaxUnavailable.Percent(r.nextInt(101));
    }

    private static Snapshot snapshot(Random r, int nodeCount, int poolCount) {
        boolean images = r.nextInt(4) == 0;
        List<Pool> pools = new ArrayList<>();
        for (int p = 0; p < poolCount; p++) {
            String name = p == 0 && r.nextBoolean() ? "master" : "pool" + p;
            Target target = new Target("rendered-" + name + "-b", images ? "quay.io/os@sha256:" + r.nextInt(3) : null);
            Pool pool = name.equals("master") ? Pool.controlPlane(name, target) : Pool.of(name, budget(r), target);
            pool = pool.withPaused(r.nextInt(10) == 0).withAborted(r.nextInt(12) == 0).withNewestFirst(r.nextBoolean());
            if (r.nextInt(4) == 0) {
                pool = pool.withDeferredNode(String.format("n%04d", r.nextInt(Math.max(1, nodeCount))));
            }
            if (r.nextInt(4) == 0) {
                pool = pool.withFailureThreshold(budget(r));
            }
            pools.add(pool);
        }
        List<String> zones = java.util.Arrays.asList("us-east-1a", "us-east-1b", null);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            Pool pool = r.nextInt(40) == 0 ? null : pools.get(r.nextInt(pools.size()));
            String poolName = pool == null ? null : pool.name();
            String old = "rendered-" + (poolName == null ? "none" : poolName) + "-a";
            String target = pool == null ? old : pool.target().config();
            String current = r.nextInt(4) == 0 ? target : old;
            String image = images ? "quay.io/os@sha256:" + r.nextInt(3) : null;
            int progress = r.nextInt(10);
            int f = r.nextInt(64);
            String desired = progress <= 5 ? current : progress == 8 ? "rendered-older" : target;
            if (desired.equals(current) && progress >= 6) {
                desired = current.equals(old) ? target : old;
            }
            NodeState state = NodeState.DONE;
            if (progress == 9 && !desired.equals(current)) {
                state = (f & 1) == 0 ? NodeState.DEGRADED : NodeState.UNRECONCILABLE;
            } else if (progress == 7 && (f & 1) == 1) {
                state = NodeState.WORKING;
            }
            boolean cordoned = (f & 24) == 24 || (progress >= 6 && (f & 8) != 0);
            String owner = !cordoned ? null : (f & 32) != 0 || progress < 6 ? "admin" : Planner.CORDON_OWNER;
            boolean inFlight = !desired.equals(current);
            boolean drained = inFlight && cordoned && (f & 16) != 0;
            boolean staged = inFlight && drained && (f & 4) != 0;
            nodes.add(new Node(String.format("n%04d", i), poolName, zones.get(r.nextInt(zones.size())),
                    NOW.minus(r.nextInt(40) + 1, ChronoUnit.DAYS), (f & 6) != 0, cordoned, owner, current, desired,
                    image, image, state, null, drained, staged, List.of()));
        }
        Collections.shuffle(nodes, r);
        Map<String, RenderedConfig> configs = new HashMap<>();
        if (r.nextInt(3) == 0) {
            for (Pool p : pools) {
                RenderedConfig a = RenderedConfig.empty().withFile("/etc/foo", "1");
                RenderedConfig b;
                switch (r.nextInt(4)) {
                    case 0:
                        b = a.withFile("/etc/containers/policy.json", "2");    // reload, no drain
                        break;
                    case 1:
                        b = a.withFile("/var/lib/kubelet/config.json", "2");   // nothing
                        break;
                    case 2:
                        b = a.withFile("/etc/foo", "2");                       // reboot
                        break;
                    default:
                        b = new RenderedConfig(Map.of(), Map.of(), List.of(), List.of(), false, "default", null,
                                Map.of(), Map.of("disks", Map.of("/dev/sdb", "x")));   // irreconcilable
                        break;
                }
                configs.put("rendered-" + p.name() + "-a", a);
                configs.put("rendered-" + p.name() + "-b", b);
            }
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            windows.add(new MaintenanceWindow(Set.of(DayOfWeek.of(1 + r.nextInt(7))), LocalTime.of(r.nextInt(24), 0),
                    60 + r.nextInt(4000), ZoneId.of("Europe/Berlin"), new TreeSet<>()));
        }
        return new Snapshot(NOW, pools, nodes, configs, DisruptionPolicies.defaults(), List.of(), windows, List.of(),
                Limits.NONE);
    }
}
