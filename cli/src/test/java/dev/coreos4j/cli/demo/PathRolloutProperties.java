package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.graph.HopRollout;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.PathRollout;
import dev.coreos4j.planner.graph.PoolSize;
import dev.coreos4j.planner.graph.RebootEstimate;
import dev.coreos4j.planner.graph.RiskInputs;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import dev.coreos4j.planner.graph.WorkerPools;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Each hop's rollout, planned by the rollout planner, agrees with the path's own reboot arithmetic. */
class PathRolloutProperties {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final UpdateGraph GRAPH = ExampleGraph.graph();

    @Property(tries = 60)
    void plan_rebootsPerHopMatchThePathAndPausedPoolsStayPut(
            @ForAll("paths") UpdatePath path,
            @ForAll @IntRange(min = 1, max = 5) int masters,
            @ForAll @IntRange(min = 0, max = 9) int workers,
            @ForAll @IntRange(min = 0, max = 4) int infra,
            @ForAll("budgets") String budget) {
        Target master = new Target("rendered-master-" + path.from(), PathRollout.IMAGE_PREFIX + path.from());
        Target worker = new Target("rendered-worker-" + path.from(), PathRollout.IMAGE_PREFIX + path.from());
        Target infraTarget = new Target("rendered-infra-" + path.from(), PathRollout.IMAGE_PREFIX + path.from());
        List<Node> nodes = new ArrayList<>();
        add(nodes, "master", masters, master);
        add(nodes, "worker", workers, worker);
        add(nodes, "infra", infra, infraTarget);
        Snapshot cluster = Snapshot.of(
                NOW,
                List.of(
                        Pool.controlPlane("master", master),
                        Pool.of("worker", MaxUnavailable.parse(budget), worker),
                        Pool.of("infra", MaxUnavailable.DEFAULT, infraTarget)),
                nodes);

        List<HopRollout> rollouts = PathRollout.plan(path, cluster);
        RebootEstimate estimate = path.reboots(List.of(
                new PoolSize("master", masters, true),
                new PoolSize("worker", workers, false),
                new PoolSize("infra", infra, false)));
        assertThat(rollouts).hasSameSizeAs(path.hops());
        for (int i = 0; i < rollouts.size(); i++) {
            HopRollout r = rollouts.get(i);
            assertThat(r.blockedNodes()).isEmpty();
            assertThat(r.reboots())
                    .as("hop %s", r.hop().edge())
                    .isEqualTo(estimate.hops().get(i).total());
            assertThat(r.updatingPools().contains("worker")).isEqualTo(r.hop().workers() != WorkerPools.PAUSED);
            assertThat(r.largestWave())
                    .isLessThanOrEqualTo(1 + MaxUnavailable.parse(budget).budget(workers) + 1);
        }
    }

    private static void add(List<Node> nodes, String pool, int count, Target target) {
        for (int i = 0; i < count; i++) {
            nodes.add(Node.of(pool + "-" + i, pool, i % 2 == 0 ? "a" : "b", NOW.minusSeconds(1000 - i), target.config())
                    .withDesired(target)
                    .withFinished());
        }
    }

    @Provide
    Arbitrary<String> budgets() {
        return Arbitraries.of("1", "2", "25%", "50%");
    }

    @Provide
    Arbitrary<UpdatePath> paths() {
        List<String> from = List.of("4.14.30", "4.14.35", "4.14.38", "4.16.10", "4.16.15");
        List<String> to = List.of("4.15.35", "4.16.15", "4.16.20", "4.17.14", "4.18.5", "4.18.8");
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of(from),
                        Arbitraries.of(to),
                        Arbitraries.of(true, false),
                        Arbitraries.of(RiskOutcome.values()))
                .as((f, t, eus, churn) -> UpdatePathPlanner.plan(
                        GRAPH,
                        PathRequest.to(f, t)
                                .withEus(eus)
                                .withRisks(new RiskInputs(
                                        java.util.Map.of(ExampleGraph.CONDITIONAL_RISK, churn), java.util.Set.of()))))
                .filter(r -> r instanceof PathResult.Found)
                .map(r -> ((PathResult.Found) r).path());
    }
}
