package dev.coreos4j.benchmarks;

import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.cluster.Cluster;
import dev.coreos4j.planner.cluster.ClusterInput;
import dev.coreos4j.planner.json.PlannerJson;
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
 * Issue #14's bar: importing a 5,000-node {@code oc get … -o json} dump ({@link ClusterDump}) and planning it costs at
 * most 3× reading the same snapshot from our own snapshot JSON and planning it. Compare {@code importAndPlan} with
 * {@code snapshotJsonAndPlan}; {@code importOnly} and {@code snapshotJsonOnly} split the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClusterImportBenchmark {

    @Param({"5000"})
    int nodes;

    /** Cached images per node: 40 is a busy OpenShift node (most of its JSON), 0 a node without that list. */
    @Param({"40", "0"})
    int images;

    List<ClusterInput> dump;
    String snapshotJson;

    @Setup
    public void setUp() {
        dump = List.of(new ClusterInput("dump.json", ClusterDump.generate(nodes, images)));
        Snapshot s = Cluster.readOrThrow(ClusterDump.NOW, dump);
        snapshotJson = PlannerJson.writeSnapshot(s);
        if (!PlannerJson.readSnapshot(snapshotJson).equals(s)) {
            throw new IllegalStateException("the snapshot JSON does not read back to the imported snapshot");
        }
    }

    @Benchmark
    public Plan importAndPlan() {
        return Planner.plan(Cluster.readOrThrow(ClusterDump.NOW, dump));
    }

    @Benchmark
    public Plan snapshotJsonAndPlan() {
        return Planner.plan(PlannerJson.readSnapshot(snapshotJson));
    }

    @Benchmark
    public Snapshot importOnly() {
        return Cluster.readOrThrow(ClusterDump.NOW, dump);
    }

    @Benchmark
    public Snapshot snapshotJsonOnly() {
        return PlannerJson.readSnapshot(snapshotJson);
    }
}
