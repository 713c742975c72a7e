package dev.coreos4j.benchmarks;

import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pod;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Topology;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole-rollout plan of {@link PlannerBenchmark#cluster} (100 nodes per pool, 4 zones, maxUnavailable 10%) at
 * 10,000 and 100,000 nodes, without gates and with every gate at once (issue #19): one PDB per 10 nodes
 * ({@code app=app-K}, maxUnavailable 1) over two pods per node, one maintenance window per 4 nodes (one per pool open
 * now, the others closed weekend windows in Europe/Berlin), a FleetLock group of 5 slots per pool, a cluster limit of
 * 10% and a zone limit of 5%. Targets: 100k with every gate at most 15× 10k with every gate, and at most 5× 100k
 * without gates. {@code benchmarks/scripts/planner-gates-snapshot.py N all} writes the same cluster as JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class PlannerGatesBenchmark {

    @Param({"10000", "100000"})
    int nodes;

    @Param({"none", "all"})
    String gates;

    Snapshot snapshot;

    /** Builds the cluster of this trial's size, gated or not. */
    @Setup
    public void setUp() {
        Snapshot plain = PlannerBenchmark.cluster(nodes, nodes / 100);
        snapshot = gates.equals("all") ? gated(plain) : plain;
    }

    /** {@code s} with every gate at once (see the class comment). */
    public static Snapshot gated(Snapshot s) {
        int size = s.nodes().size();
        List<Node> nodes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<Pod> pods = new ArrayList<>(2);
            for (int k = 0; k < 2; k++) {
                pods.add(new Pod("pod-" + i + "-" + k, Map.of("app", "app-" + (i + k) / 10, "tier", "web")));
            }
            nodes.add(s.nodes().get(i).withPods(pods));
        }
        List<Pdb> pdbs = new ArrayList<>();
        for (int k = 0; k <= size / 10; k++) {
            pdbs.add(new Pdb("pdb-" + k, Map.of("app", "app-" + k), null, new MaxUnavailable.Count(1)));
        }
        List<Pool> pools = new ArrayList<>();
        List<LockGroup> locks = new ArrayList<>();
        for (Pool p : s.pools()) {
            String group = "lock-" + p.name();
            pools.add(p.withLockGroup(group));
            locks.add(new LockGroup(group, 5, new TreeSet<>()));
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        for (int k = 0; k < Math.max(1, size / 4); k++) {
            String pool = pools.get(k % pools.size()).name();
            if (k < pools.size()) {
                // Monday 09:00 UTC for ten hours: open at the snapshot's now (Monday 10:00 UTC)
                windows.add(new MaintenanceWindow(
                        EnumSet.of(DayOfWeek.MONDAY),
                        LocalTime.of(9, 0),
                        600,
                        ZoneId.of("UTC"),
                        new TreeSet<>(List.of(pool))));
            } else {
                windows.add(new MaintenanceWindow(
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        LocalTime.of(k % 24, k % 60),
                        60,
                        berlin,
                        new TreeSet<>(List.of(pool))));
            }
        }
        return new Snapshot(
                s.now(),
                pools,
                nodes,
                s.configs(),
                s.policies(),
                pdbs,
                windows,
                locks,
                new Limits(new MaxUnavailable.Percent(10), new MaxUnavailable.Percent(5)),
                Topology.HIGHLY_AVAILABLE,
                false);
    }

    /** Plans the whole rollout. */
    @Benchmark
    public Plan plan() {
        return Planner.plan(snapshot);
    }
}
