package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.graph.Edge;
import dev.coreos4j.planner.graph.EusSegment;
import dev.coreos4j.planner.graph.GraphKind;
import dev.coreos4j.planner.graph.Hop;
import dev.coreos4j.planner.graph.HopReboots;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.RebootEstimate;
import dev.coreos4j.planner.graph.Risk;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.graph.WorkerPools;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleGraphTest {

    @Test
    void graph_readsAsOpenShiftWithOneConditionalEdge() {
        UpdateGraph graph = ExampleGraph.graph();
        assertThat(graph.kind()).isEqualTo(GraphKind.CINCINNATI);
        assertThat(graph.releases()).hasSize(12);
        assertThat(graph.conditionalEdges()).singleElement().satisfies(c -> {
            assertThat(c.edges()).containsExactly(new Edge("4.17.10", "4.18.5"));
            assertThat(c.risks()).extracting(Risk::name).containsExactly(ExampleGraph.CONDITIONAL_RISK);
        });
        assertThat(graph.release("4.18.8").orElseThrow().channels()).containsExactly("candidate-4.18", "fast-4.18");
    }

    @Test
    void planEus_takesConditionalEdgeWhenRiskDoesNotApply() {
        PathResult result = ExampleGraph.planEus(RiskOutcome.NO_MATCH);
        assertThat(result).isInstanceOf(PathResult.Found.class);
        UpdatePath path = ((PathResult.Found) result).path();
        assertThat(path.versions()).containsExactly("4.14.38", "4.15.35", "4.16.15", "4.17.10", "4.18.5");
        assertThat(path.hops())
                .extracting(Hop::workers)
                .containsExactly(WorkerPools.PAUSED, WorkerPools.UNPAUSED, WorkerPools.PAUSED, WorkerPools.UNPAUSED);
        assertThat(path.hops())
                .extracting(Hop::channel)
                .containsExactly("eus-4.16", "eus-4.16", "eus-4.18", "eus-4.18");
        assertThat(path.channelChanges()).isEqualTo(2);
        assertThat(path.hops().get(3).conditional()).isTrue();
        assertThat(path.hops().get(3).reason()).contains("risk MachineConfigRenderingChurn does not apply");
        assertThat(path.eus().workerRebootsSavedPerNode()).isEqualTo(2);
        RebootEstimate reboots = path.reboots(ExampleGraph.demoPools());
        assertThat(reboots.hops()).extracting(HopReboots::total).containsExactly(3, 15, 3, 15);
        assertThat(reboots.workerRebootsSaved()).isEqualTo(24);
    }

    @Test
    void planEus_goesAroundConditionalEdgeWhenRiskCannotBeEvaluated() {
        PathResult result = ExampleGraph.planEus(RiskOutcome.UNKNOWN);
        UpdatePath path = ((PathResult.Found) result).path();
        assertThat(path.versions()).containsExactly("4.14.38", "4.15.35", "4.16.15", "4.17.10", "4.17.14", "4.18.5");
        assertThat(path.hops()).noneMatch(Hop::conditional);
        assertThat(path.eus().segments()).extracting(EusSegment::unpauseAt).containsExactly("4.16.15", "4.18.5");
        assertThat(path.eus().segments().get(1).controlPlaneOnly()).isEqualTo(List.of("4.17.10", "4.17.14"));
    }
}
