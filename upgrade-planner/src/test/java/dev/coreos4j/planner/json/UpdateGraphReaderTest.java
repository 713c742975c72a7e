package dev.coreos4j.planner.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.planner.graph.BlockedEdge;
import dev.coreos4j.planner.graph.Edge;
import dev.coreos4j.planner.graph.GraphKind;
import dev.coreos4j.planner.graph.MatchingRule;
import dev.coreos4j.planner.graph.Release;
import dev.coreos4j.planner.graph.Risk;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateGraphReaderTest {

    static UpdateGraph load(String name) {
        try {
            return UpdateGraphReader.readOrThrow(Files.readString(ProjectRoot.corpus("graph", name)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final String NODES = """
            "nodes": [
              {"version": "4.16.3", "payload": "quay.io/x@sha256:aa",
               "metadata": {"io.openshift.upgrades.graph.release.channels": "stable-4.16, fast-4.16,,stable-4.16"}},
              {"version": "4.16.5", "payload": "quay.io/x@sha256:bb", "metadata": {}},
              {"version": "4.17.1", "payload": "quay.io/x@sha256:cc"}
            ]""";

    static Problem only(String json) {
        GraphReadResult result = UpdateGraphReader.read(json);
        assertThat(result.isValid()).as("%s", result).isFalse();
        assertThat(result.problems().all()).hasSize(1);
        return result.problems().all().get(0);
    }

    /** The problem's RFC 9535 path. */
    static String path(Problem p) {
        return String.valueOf(p.location().path());
    }

    @Test
    void read_cincinnatiGraphWithConditionalEdge() {
        UpdateGraph graph = UpdateGraphReader.readOrThrow("{" + NODES + """
                , "edges": [[0, 1]],
                "conditionalEdges": [{
                  "edges": [{"from": "4.16.5", "to": "4.17.1"}, {"from": "4.16.3", "to": "4.17.1"}],
                  "risks": [{"url": "https://example.com/r", "name": "R", "message": "m",
                             "matchingRules": [{"type": "Mystery"}, {"type": "PromQL", "promql": {"promql": "up"}},
                                               {"type": "Always"}]}]}]}
                """);
        assertThat(graph.kind()).isEqualTo(GraphKind.CINCINNATI);
        assertThat(graph.release("4.16.3").orElseThrow().channels()).containsExactly("stable-4.16", "fast-4.16");
        assertThat(graph.release("4.17.1").orElseThrow().payload()).isEqualTo("quay.io/x@sha256:cc");
        assertThat(graph.edges()).containsExactly(new Edge("4.16.3", "4.16.5"));
        assertThat(graph.conditionalEdges()).singleElement().satisfies(c -> {
            assertThat(c.edges()).hasSize(2);
            assertThat(c.risks().get(0).matchingRules())
                    .containsExactly(
                            new MatchingRule.Unrecognized("Mystery"),
                            new MatchingRule.PromQL("up"),
                            new MatchingRule.Always());
        });
        assertThat(graph.compare("4.16.5", "4.17.1")).isNegative();
    }

    @Test
    void read_fedoraCoreOsGraphIsDetectedByAgeIndex() {
        UpdateGraph graph = load("fcos-stable.json");
        assertThat(graph.kind()).isEqualTo(GraphKind.FEDORA_COREOS);
        Release barrier = graph.release("37.20230322.3.0").orElseThrow();
        assertThat(barrier.isBarrier()).isTrue();
        assertThat(barrier.ageIndex()).isEqualTo(3L);
        assertThat(graph.release("38.20230430.3.0").orElseThrow().deadEndReason())
                .contains("issues/1455");
        assertThat(graph.release("38.20230514.3.0").orElseThrow().isDeadEnd()).isFalse();
        assertThat(graph.compare("38.20230414.3.0", "37.20230322.3.0")).isPositive();
    }

    @Test
    void read_barrierWithoutReasonIsGeneric() {
        UpdateGraph graph = UpdateGraphReader.readOrThrow("""
                {"nodes": [{"version": "a", "payload": "", "metadata": {
                   "org.fedoraproject.coreos.releases.age_index": "0",
                   "org.fedoraproject.coreos.updates.barrier": "true"}}], "edges": []}""");
        assertThat(graph.releases().get(0).barrierReason()).isEqualTo("generic");
    }

    @Test
    void read_blockedEdgesExtensionRemovesOrConditionsEdges() {
        UpdateGraph graph = load("ocp-channels.json");
        assertThat(graph.removedEdges()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("RegistryStorageMigration");
            assertThat(r.edge()).isEqualTo(new Edge("4.15.25", "4.16.5"));
        });
        assertThat(graph.edges()).doesNotContain(new Edge("4.15.25", "4.16.5"), new Edge("4.15.20", "4.16.3"));
        assertThat(graph.conditionalEdges()).anySatisfy(c -> {
            assertThat(c.edges()).containsExactly(new Edge("4.15.20", "4.16.3"));
            assertThat(c.risks()).extracting(Risk::name).containsExactly("OVNEgressIPFailover");
        });
    }

    @Test
    void blockedEdge_fromIsUnanchoredAndSeesTheArchitecture() {
        BlockedEdge d = new BlockedEdge("4.16.5", "4[.]15[.]2", "X", "", "", List.of());
        assertThat(d.covers(new Edge("4.15.25", "4.16.5"), null)).isTrue();
        assertThat(d.covers(new Edge("4.15.25", "4.16.3"), null)).isFalse();
        BlockedEdge amd = new BlockedEdge("4.16.5", "^4[.]15[.]25[+]amd64$", "X", "", "", List.of());
        assertThat(amd.covers(new Edge("4.15.25", "4.16.5"), "amd64")).isTrue();
        assertThat(amd.covers(new Edge("4.15.25", "4.16.5"), "arm64")).isFalse();
        assertThat(amd.covers(new Edge("4.15.25", "4.16.5"), null)).isFalse();
    }

    @Test
    void read_rejectsSyntaxErrorWithLineAndColumn() {
        Problem p = only("{\n  \"nodes\": [,]\n}");
        assertThat(p.code()).isEqualTo("graph.json.syntax");
        assertThat(p.location().position().line()).isEqualTo(2);
        assertThat(p.location().position().column()).isPositive();
        assertThat(ProblemLine.of(p)).startsWith("$ (line 2, column ");
    }

    @Test
    void read_rejectsDuplicateKeys() {
        assertThat(only("{\"nodes\": [], \"nodes\": [], \"edges\": []}").code()).isEqualTo("graph.json.syntax");
    }

    @Test
    void read_rejectsNonObjectDocument() {
        assertThat(only("[]"))
                .isEqualTo(Problem.of(
                        GraphRule.TYPE,
                        "an update graph is a JSON object with nodes and edges",
                        Location.at(JsonPath.ROOT)));
    }

    @Test
    void read_rejectsMissingNodesAndEdges() {
        assertThat(path(only("{\"edges\": []}"))).isEqualTo("$.nodes");
        assertThat(path(only("{\"nodes\": []}"))).isEqualTo("$.edges");
    }

    @Test
    void read_rejectsEdgeIndexOutOfRange() {
        Problem p = only("{" + NODES + ", \"edges\": [[0, 1], [1, 3]]}");
        assertThat(path(p)).isEqualTo("$.edges[1][1]");
        assertThat(p.code()).isEqualTo("graph.edge.index");
        assertThat(p.message()).isEqualTo("expected a node index between 0 and 2, got 3");
    }

    @Test
    void read_rejectsMalformedEdges() {
        assertThat(path(only("{" + NODES + ", \"edges\": [[0]]}"))).isEqualTo("$.edges[0]");
        assertThat(path(only("{" + NODES + ", \"edges\": [[0, \"1\"]]}"))).isEqualTo("$.edges[0][1]");
        assertThat(path(only("{" + NODES + ", \"edges\": [[0, 1.5]]}"))).isEqualTo("$.edges[0][1]");
        assertThat(only("{" + NODES + ", \"edges\": [[2, 2]]}").code()).isEqualTo("graph.edge.loop");
    }

    @Test
    void read_rejectsNonSemanticOpenShiftVersion() {
        Problem p = only("{\"nodes\": [{\"version\": \"4.16\"}], \"edges\": []}");
        assertThat(path(p)).isEqualTo("$.nodes[0].version");
        assertThat(p.code()).isEqualTo("graph.node.version");
    }

    @Test
    void read_rejectsDuplicateVersion() {
        Problem p = only("{\"nodes\": [{\"version\": \"4.16.3\"}, {\"version\": \"4.16.3\"}], \"edges\": []}");
        assertThat(path(p)).isEqualTo("$.nodes[1].version");
        assertThat(p.message()).isEqualTo("release 4.16.3 is already $.nodes[0]");
    }

    @Test
    void read_rejectsNonStringMetadata() {
        Problem p = only("{\"nodes\": [{\"version\": \"4.16.3\", \"metadata\": {\"n\": 1}}], \"edges\": []}");
        assertThat(path(p)).isEqualTo("$.nodes[0].metadata.n");
    }

    @Test
    void read_rejectsFedoraCoreOsReleaseWithoutUsableAgeIndex() {
        String key = Release.AGE_INDEX_KEY;
        GraphReadResult result = UpdateGraphReader.read("{\"nodes\": [{\"version\": \"a\", \"metadata\": {\"" + key
                + "\": \"0\"}}, {\"version\": \"b\"}, {\"version\": \"c\", \"metadata\": {\"" + key
                + "\": \"x\"}}, {\"version\": \"d\", \"metadata\": {\"" + key + "\": \"0\"}}], \"edges\": []}");
        assertThat(result.problems().all())
                .extracting(UpdateGraphReaderTest::path, Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "$.nodes[1].metadata['" + key + "']", "graph.node.age-index.missing"),
                        org.assertj.core.groups.Tuple.tuple(
                                "$.nodes[2].metadata['" + key + "']", "graph.node.age-index"),
                        org.assertj.core.groups.Tuple.tuple(
                                "$.nodes[3].metadata['" + key + "']", "graph.node.age-index.duplicate"));
    }

    @Test
    void read_rejectsBadFlag() {
        Problem p = only("{\"nodes\": [{\"version\": \"a\", \"metadata\": {\"" + Release.AGE_INDEX_KEY + "\": \"0\", \""
                + Release.DEADEND_KEY + "\": \"yes\"}}], \"edges\": []}");
        assertThat(p.code()).isEqualTo("graph.node.flag");
    }

    @Test
    void read_rejectsConditionalEdgeToUnknownRelease() {
        Problem p = only("{" + NODES + """
                , "edges": [], "conditionalEdges": [{"edges": [{"from": "4.16.3", "to": "4.99.0"}],
                  "risks": [{"name": "R", "matchingRules": [{"type": "Always"}]}]}]}""");
        assertThat(path(p)).isEqualTo("$.conditionalEdges[0].edges[0].to");
        assertThat(p.code()).isEqualTo("graph.edge.unknown-release");
    }

    @Test
    void read_rejectsPromQlRuleWithoutQuery() {
        Problem p = only("{" + NODES + """
                , "edges": [], "conditionalEdges": [{"edges": [{"from": "4.16.3", "to": "4.17.1"}],
                  "risks": [{"name": "R", "matchingRules": [{"type": "Always"}, {"type": "PromQL", "promql": {}}]}]}]}""");
        assertThat(path(p)).isEqualTo("$.conditionalEdges[0].risks[0].matchingRules[1].promql.promql");
    }

    @Test
    void read_rejectsRiskWithoutNameOrRules() {
        GraphReadResult result = UpdateGraphReader.read("{" + NODES + """
                , "edges": [], "conditionalEdges": [{"edges": [{"from": "4.16.3", "to": "4.17.1"}],
                  "risks": [{"message": "m"}]}]}""");
        assertThat(result.problems().all())
                .extracting(UpdateGraphReaderTest::path)
                .containsExactly("$.conditionalEdges[0].risks[0].name", "$.conditionalEdges[0].risks[0].matchingRules");
    }

    @Test
    void read_rejectsBadBlockedEdgeRegex() {
        Problem p = only("{" + NODES + ", \"edges\": [], \"blockedEdges\": [{\"to\": \"4.16.5\", \"from\": \"(\","
                + " \"name\": \"X\"}]}");
        assertThat(path(p)).isEqualTo("$.blockedEdges[0].from");
        assertThat(p.code()).isEqualTo("graph.blocked.regex");
    }

    @Test
    void readOrThrow_carriesEveryProblem() {
        assertThatThrownBy(() -> UpdateGraphReader.readOrThrow("{\"nodes\": [{}, {}], \"edges\": 3}"))
                .isInstanceOfSatisfying(MalformedGraphException.class, e -> {
                    assertThat(e.problems().all()).hasSize(3);
                    assertThat(e.getMessage())
                            .isEqualTo("malformed update graph: $.nodes[0].version: version is required (and 2 more)");
                });
    }

    @Test
    void graph_constructorRejectsEdgeToUnknownRelease() {
        assertThatThrownBy(() -> UpdateGraph.cincinnati(
                        List.of(Release.openshift("4.16.3", List.of())), List.of(new Edge("4.16.3", "4.16.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4.16.3 -> 4.16.5");
    }
}
