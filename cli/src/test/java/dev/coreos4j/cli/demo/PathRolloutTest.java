package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.graph.HopRollout;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.PathRollout;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRolloutTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void plan_eusPathRebootsWorkersOnlyAtUnpause() {
        UpdatePath path = ((PathResult.Found) ExampleGraph.planEus(RiskOutcome.NO_MATCH)).path();
        List<HopRollout> rollouts = PathRollout.plan(path, ExampleGraph.demoCluster(NOW));
        assertThat(rollouts).hasSize(4);
        assertThat(rollouts)
                .extracting(HopRollout::updatingPools)
                .containsExactly(
                        List.of("master"), List.of("master", "worker"), List.of("master"), List.of("master", "worker"));
        // control plane: one node at a time; workers: 25% of 12 = 3 at a time, alongside
        assertThat(rollouts).extracting(HopRollout::reboots).containsExactly(3, 15, 3, 15);
        assertThat(rollouts).extracting(HopRollout::waves).containsExactly(3, 4, 3, 4);
        assertThat(rollouts.get(1).largestWave()).isEqualTo(4);
        assertThat(rollouts).allSatisfy(r -> assertThat(r.blockedNodes()).isEmpty());
        int saved = path.reboots(ExampleGraph.demoPools()).workerRebootsSaved();
        assertThat(saved).isEqualTo(24);
        assertThat(rollouts.stream().mapToInt(HopRollout::reboots).sum())
                .isEqualTo(path.reboots(ExampleGraph.demoPools()).total());
    }

    @Test
    void plan_withoutEusEveryHopUpdatesEveryPool() {
        PathRequest request = ExampleGraph.eusRequest(RiskOutcome.NO_MATCH).withEus(false);
        UpdatePath path = ((PathResult.Found) UpdatePathPlanner.plan(ExampleGraph.graph(), request)).path();
        List<HopRollout> rollouts = PathRollout.plan(path, ExampleGraph.demoCluster(NOW));
        assertThat(rollouts).extracting(HopRollout::reboots).containsOnly(15);
        assertThat(rollouts.get(3).plan().after())
                .allSatisfy(s -> assertThat(s.isUpdated()).isTrue());
    }

    @Test
    void plan_pausedPoolStaysBehindAndIsReported() {
        Snapshot cluster = ExampleGraph.demoCluster(NOW);
        Snapshot pausedWorkers = cluster.withPool(cluster.pool("worker").withPaused(true));
        UpdatePath path = ((PathResult.Found)
                        UpdatePathPlanner.plan(ExampleGraph.graph(), PathRequest.to("4.14.38", "4.15.35")))
                .path();
        List<HopRollout> rollouts = PathRollout.plan(path, pausedWorkers);
        assertThat(rollouts).singleElement().satisfies(r -> {
            assertThat(r.updatingPools()).containsExactly("master");
            assertThat(r.reboots()).isEqualTo(3);
        });
    }
}
