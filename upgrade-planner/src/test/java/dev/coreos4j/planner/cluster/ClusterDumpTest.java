package dev.coreos4j.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Wave;
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Import of real {@code oc get … -o json} dumps (src/test/resources/planner/cluster, sources named in its README).
 */
class ClusterDumpTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static ClusterInput dump(String name) throws IOException {
        return new ClusterInput(name, Files.readString(ProjectRoot.corpus("planner", "cluster", name)));
    }

    @Test
    void mcpListAndNodeList_importIntoPoolsByTheirSelectors() throws IOException {
        ClusterReadResult r = Cluster.read(
                NOW, List.of(dump("complianceascode-mcp-list.json"), dump("complianceascode-infra-nodes.json")));
        Snapshot s = r.snapshotOrThrow();
        assertThat(s.pools()).extracting(p -> p.name()).containsExactly("infra", "master");
        assertThat(s.pool("master").controlPlane()).isTrue();
        assertThat(s.pool("infra").target().config()).isEqualTo("rendered-infra-f4e5b015e49ebe23158b1ac1029b13fb");
        assertThat(s.nodes()).hasSize(7);
        List<String> pools = new ArrayList<>();
        for (Node n : s.nodes()) {
            pools.add(n.name() + "=" + n.pool());
        }
        // worker1..3 carry the infra and worker roles: the custom pool wins; worker4 is a plain worker, and the dump
        // has no worker pool.
        assertThat(pools)
                .containsExactly(
                        "ocp-control1.domain.local=master",
                        "ocp-control2.domain.local=master",
                        "ocp-control3.domain.local=master",
                        "ocp-worker1.domain.local=infra",
                        "ocp-worker2.domain.local=infra",
                        "ocp-worker3.domain.local=infra",
                        "ocp-worker4.domain.local=null");
        assertThat(r.warnings())
                .extracting(ProblemLine::of)
                .containsExactly(
                        "complianceascode-infra-nodes.json: Node ocp-worker4.domain.local: $.items[6].metadata.labels"
                                + " (line 285, column 27): no MachineConfigPool selects this node");
        Node c1 = s.node("ocp-control1.domain.local");
        assertThat(c1.zone()).isEqualTo("eu-central-1b");
        assertThat(c1.created()).isEqualTo(Instant.parse("2023-01-04T14:23:02Z"));
        assertThat(c1.currentConfig()).isEqualTo("rendered-master-d0a23f1409780adbe3913473e3e42154");
        assertThat(c1.isDone()).isTrue();
        assertThat(c1.isSchedulable()).isTrue();
        assertThat(c1.drained()).as("desiredDrain is uncordon-…").isFalse();
    }

    @Test
    void importedDump_plansTheControlPlaneOneAtATime() throws IOException {
        Snapshot s = Cluster.readOrThrow(
                NOW, List.of(dump("complianceascode-mcp-list.json"), dump("complianceascode-infra-nodes.json")));
        Plan plan = Planner.plan(s);
        List<String> masters = new ArrayList<>();
        for (Wave w : plan.waves()) {
            long m = w.nodes().stream().filter(e -> e.pool().equals("master")).count();
            assertThat(m).isLessThanOrEqualTo(1);
            w.nodes().stream().filter(e -> e.pool().equals("master")).forEach(e -> masters.add(e.name()));
        }
        assertThat(masters)
                .containsExactlyInAnyOrder(
                        "ocp-control1.domain.local", "ocp-control2.domain.local", "ocp-control3.domain.local");
        assertThat(plan.blocked()).extracting(b -> b.node()).contains("ocp-worker4.domain.local");
    }

    @Test
    void singleObjectAndList_merge() throws IOException {
        ClusterReadResult r = Cluster.read(
                NOW,
                List.of(dump("complianceascode-mcp-master.json"), dump("complianceascode-control-plane-nodes.json")));
        Snapshot s = r.snapshotOrThrow();
        assertThat(r.problems().all()).isEmpty();
        assertThat(s.pools()).extracting(p -> p.name()).containsExactly("master");
        assertThat(s.nodes()).extracting(Node::pool).containsOnly("master");
        assertThat(s.nodes())
                .extracting(Node::zone)
                .containsExactlyInAnyOrder("eu-central-1a", "eu-central-1b", "eu-central-1c");
    }

    /** The imported snapshot written as snapshot JSON reads back equal, and plans the same. */
    @Test
    void importedSnapshot_roundTripsThroughSnapshotJson() throws IOException {
        for (List<ClusterInput> in : List.of(
                List.of(dump("complianceascode-mcp-list.json"), dump("complianceascode-infra-nodes.json")),
                List.of(dump("complianceascode-mcp-master.json"), dump("complianceascode-control-plane-nodes.json")))) {
            Snapshot s = Cluster.readOrThrow(NOW, in);
            Snapshot back = PlannerJson.readSnapshot(PlannerJson.writeSnapshot(s));
            assertThat(back).isEqualTo(s);
            assertThat(PlannerJson.writePlan(Planner.plan(back), NOW))
                    .isEqualTo(PlannerJson.writePlan(Planner.plan(s), NOW));
        }
    }
}
