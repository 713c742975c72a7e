package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotBuildersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void builders_giveTheRecordsWithTheJsonDefaults() {
        Snapshot s = SnapshotBuilder.at(NOW)
                .pool(PoolBuilder.named("worker")
                        .target("rendered-worker-b")
                        .previous("rendered-worker-a")
                        .maxUnavailable("25%"))
                .node(NodeBuilder.named("w1")
                        .pool("worker")
                        .zone("a")
                        .config("rendered-worker-a")
                        .currentImage("quay.io/os@sha256:aa")
                        .pod("router-1", Map.of("app", "router")))
                .build();
        assertThat(s)
                .isEqualTo(new Snapshot(
                        NOW,
                        List.of(new Pool(
                                "worker",
                                false,
                                new MaxUnavailable.Percent(25),
                                false,
                                false,
                                Target.of("rendered-worker-b"),
                                Target.of("rendered-worker-a"),
                                false,
                                null,
                                null,
                                null)),
                        List.of(new Node(
                                "w1",
                                "worker",
                                "a",
                                Instant.EPOCH,
                                true,
                                false,
                                null,
                                "rendered-worker-a",
                                "rendered-worker-a",
                                "quay.io/os@sha256:aa",
                                "quay.io/os@sha256:aa",
                                NodeState.DONE,
                                null,
                                false,
                                false,
                                List.of(new Pod("router-1", Map.of("app", "router"))))),
                        Map.of(),
                        DisruptionPolicies.defaults(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Limits.NONE,
                        Topology.HIGHLY_AVAILABLE,
                        false));
        Node moved = NodeBuilder.from(s.node("w1"))
                .desiredConfig("rendered-worker-b")
                .desiredImage(null)
                .build();
        assertThat(moved.desiredImage()).isNull();
        assertThat(moved.currentImage()).isEqualTo("quay.io/os@sha256:aa");
        assertThat(NodeBuilder.named("c")
                        .config("x")
                        .cordonedBy(Planner.CORDON_OWNER)
                        .build()
                        .isCordonedByPlanner())
                .isTrue();
    }

    @Test
    void builders_rejectMissingRequiredFields() {
        assertThatThrownBy(() -> NodeBuilder.named("w1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currentConfig must be set");
        assertThatThrownBy(() -> PoolBuilder.named("worker").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pool worker: target must be set");
        assertThatThrownBy(() -> NodeBuilder.named(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    /** Every example snapshot of the corpus reads, writes and reads back to an equal snapshot. */
    @ParameterizedTest
    @ValueSource(strings = {"cluster-3m12w.json", "everything.json", "ignition-configs.json"})
    void writeSnapshot_roundTripsTheCorpus(String name) throws Exception {
        Snapshot s = PlannerJson.readSnapshot(Files.readString(ProjectRoot.corpus("planner", name)));
        String json = PlannerJson.writeSnapshot(s);
        assertThat(PlannerJson.readSnapshot(json)).isEqualTo(s);
        assertThat(PlannerJson.writeSnapshot(PlannerJson.readSnapshot(json))).isEqualTo(json);
    }
}
