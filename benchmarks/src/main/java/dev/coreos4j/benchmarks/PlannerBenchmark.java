package dev.coreos4j.benchmarks;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * The whole-rollout plan for 1,000 / 10,000 / 100,000 nodes in 10 / 100 / 1,000 pools (100 nodes per pool, 4 zones,
 * maxUnavailable 10%: 10 waves), and one {@code next} step. Goal: no worse than n·log n; 100k well under a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PlannerBenchmark {

    @Param({"1000", "10000", "100000"})
    int nodes;

    Snapshot snapshot;

    @Setup
    public void setUp() {
        snapshot = cluster(nodes, nodes / 100);
    }

    /** A deterministic cluster: {@code pools} worker pools of equal size, nodes spread over 4 zones and ages. */
    public static Snapshot cluster(int nodeCount, int poolCount) {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        List<Pool> pools = new ArrayList<>();
        for (int p = 0; p < poolCount; p++) {
            pools.add(Pool.of(
                    String.format("pool-%04d", p),
                    MaxUnavailable.parse("10%"),
                    Target.of("rendered-pool-" + p + "-b")));
        }
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            int p = i % poolCount;
            // a multiplicative hash scrambles ages so that sorting does real work
            long age = (i * 2654435761L) % 100_000;
            list.add(Node.of(
                    String.format("node-%06d", i),
                    String.format("pool-%04d", p),
                    "zone-" + (i % 4),
                    now.minus(age, ChronoUnit.MINUTES),
                    "rendered-pool-" + p + "-a"));
        }
        return Snapshot.of(now, pools, list);
    }

    @Benchmark
    public Plan plan() {
        return Planner.plan(snapshot);
    }

    @Benchmark
    public NextStep next() {
        return Planner.next(snapshot);
    }
}
