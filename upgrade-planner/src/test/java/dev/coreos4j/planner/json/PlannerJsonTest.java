package dev.coreos4j.planner.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PlannerJsonTest {

    static final String MINIMAL = """
            {"now":"2026-03-02T10:00:00Z",
             "pools":[{"name":"worker","controlPlane":false,"maxUnavailable":"25%","paused":false,
                       "target":{"config":"rendered-worker-b","osImage":"quay.io/rhcos@sha256:b"}}],
             "nodes":[{"name":"w1","pool":"worker","zone":"us-east-1a","created":"2026-01-01T00:00:00Z",
                       "ready":true,"unschedulable":false,"currentConfig":"rendered-worker-a",
                       "desiredConfig":"rendered-worker-a","currentImage":"quay.io/rhcos@sha256:a","state":"Done"}]}
            """;

    @Test
    void read_minimalSnapshotWithDefaults() {
        Snapshot s = PlannerJson.readSnapshot(MINIMAL);
        assertThat(s.now()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(s.pools().get(0).maxUnavailable()).isEqualTo(MaxUnavailable.parse("25%"));
        Node w1 = s.node("w1");
        assertThat(w1.desiredImage()).isEqualTo("quay.io/rhcos@sha256:a");
        assertThat(w1.isDone()).isTrue();
        assertThat(w1.isUnavailable()).isFalse();
        Snapshot bare = PlannerJson.readSnapshot("""
                {"now":"2026-03-02T10:00:00Z","pools":[{"name":"p","target":{"config":"c2"}}],
                 "nodes":[{"name":"n","pool":"p","currentConfig":"c1"}]}""");
        assertThat(bare.pools().get(0).maxUnavailable()).isEqualTo(MaxUnavailable.DEFAULT);
        assertThat(bare.node("n").zone()).isNull();
        assertThat(bare.node("n").created()).isEqualTo(Instant.EPOCH);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"maxUnavailable\":\"25%\" | \"maxUnavailable\":-1    | $.pools[0].maxUnavailable: must not be negative",
                "\"maxUnavailable\":\"25%\" | \"maxUnavailable\":\"25\" | $.pools[0].maxUnavailable: a string must be a percentage",
                "\"maxUnavailable\":\"25%\" | \"maxUnavailable\":\"-5%\" | $.pools[0].maxUnavailable: must be a non-negative percentage",
                "\"maxUnavailable\":\"25%\" | \"maxUnavailable\":1.5   | $.pools[0].maxUnavailable: must be a non-negative integer",
                "\"pool\":\"worker\"        | \"pool\":\"wrker\"        | $.nodes[0].pool: unknown pool \"wrker\"",
                "\"state\":\"Done\"         | \"state\":\"Finished\"    | $.nodes[0].state: state must be one of",
                "\"ready\":true             | \"ready\":\"yes\"         | $.nodes[0].ready: expected true or false",
                "\"created\":\"2026-01-01T00:00:00Z\" | \"created\":\"yesterday\" | $.nodes[0].created: expected an RFC 3339 time",
                "\"now\":\"2026-03-02T10:00:00Z\", | ''                  | $.now: required field is missing",
            })
    void read_rejectsInvalidSnapshotsNamingTheField(String from, String to, String message) {
        String json = MINIMAL.replace(from.strip(), to.strip());
        assertThat(json).isNotEqualTo(MINIMAL);
        assertThatThrownBy(() -> PlannerJson.readSnapshot(json))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void read_rejectsDuplicateNodeNamesAndMalformedJson() {
        String dup = MINIMAL.replace(
                "\"state\":\"Done\"}]",
                "\"state\":\"Done\"},"
                        + "{\"name\":\"w1\",\"pool\":\"worker\",\"currentConfig\":\"rendered-worker-a\"}]");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(dup))
                .hasMessage("$.nodes[1].name: duplicate node name \"w1\"");
        assertThatThrownBy(() -> PlannerJson.readSnapshot("{\"now\": "))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageStartingWith("$: malformed JSON at line 1");
        assertThatThrownBy(() -> PlannerJson.readSnapshot("[]")).hasMessage("$: expected a JSON object");
    }

    @Test
    void read_parsesEveryOptionalSection() throws Exception {
        Path file = ProjectRoot.corpus("planner", "everything.json");
        Snapshot s = PlannerJson.readSnapshot(Files.readString(file));
        assertThat(s.configs()).containsKeys("rendered-worker-a", "rendered-worker-b");
        assertThat(s.pdbs()).extracting(Pdb::name).containsExactly("router");
        assertThat(s.windows()).hasSize(1);
        assertThat(s.locks()).extracting(LockGroup::group).containsExactly("workers");
        assertThat(s.limits().maxUnavailablePerZone()).isEqualTo(MaxUnavailable.parse("2"));
        assertThat(s.policies().units()).containsKey("chronyd.service");
        assertThat(s.pools().get(1).lockGroup()).isEqualTo("workers");
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).isNotEmpty();
    }

    /** The output is a function of the snapshot's content: shuffled input arrays give identical bytes. */
    @Test
    void write_isIndependentOfInputArrayOrder() throws Exception {
        String json = Files.readString(ProjectRoot.corpus("planner", "cluster-3m12w.json"));
        Snapshot s = PlannerJson.readSnapshot(json);
        String plan = PlannerJson.writePlan(Planner.plan(s), s.now());
        String next = PlannerJson.writeNext(Planner.next(s), s);
        JsonMapper mapper = JsonMapper.shared();
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            ObjectNode root = (ObjectNode) mapper.readTree(json);
            for (String array : List.of("pools", "nodes")) {
                List<JsonNode> items = new ArrayList<>(root.get(array).values());
                Collections.shuffle(items, random);
                ArrayNode shuffled = root.putArray(array);
                items.forEach(shuffled::add);
            }
            Snapshot t = PlannerJson.readSnapshot(mapper.writeValueAsString(root));
            assertThat(PlannerJson.writePlan(Planner.plan(t), t.now())).isEqualTo(plan);
            assertThat(PlannerJson.writeNext(Planner.next(t), t)).isEqualTo(next);
        }
    }

    @Test
    void writePlan_hasTheIssueShape() {
        Snapshot s = PlannerJson.readSnapshot(MINIMAL);
        JsonNode out = JsonMapper.shared().readTree(PlannerJson.writePlan(Planner.plan(s), s.now()));
        assertThat(out.propertyNames()).containsExactly("waves", "blocked");
        JsonNode node = out.get("waves").get(0).get("nodes").get(0);
        assertThat(out.get("waves").get(0).get("index").intValue()).isZero();
        assertThat(node.get("name").stringValue()).isEqualTo("w1");
        assertThat(node.get("pool").stringValue()).isEqualTo("worker");
        assertThat(node.get("steps").values())
                .extracting(JsonNode::stringValue)
                .containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Reboot", "Uncordon");
    }

    /** Golden outputs in the shared corpus pin the JSON formats (regenerate with {@code coreos4j plan}). */
    @ParameterizedTest
    @CsvSource({"cluster-3m12w", "everything"})
    void write_matchesTheGoldenPlan(String name) throws Exception {
        Snapshot s = PlannerJson.readSnapshot(Files.readString(ProjectRoot.corpus("planner", name + ".json")));
        assertThat(PlannerJson.writePlan(Planner.plan(s), s.now()))
                .isEqualTo(Files.readString(ProjectRoot.corpus("planner", name + ".plan.json")));
        if (name.equals("everything")) {
            assertThat(PlannerJson.writeNext(Planner.next(s), s))
                    .isEqualTo(Files.readString(ProjectRoot.corpus("planner", name + ".next.json")));
        }
    }

    @Test
    void readSnapshot_reportsEveryProblemWithItsRule() {
        String json =
                "{\"now\": \"2026-01-01T00:00:00Z\", \"pools\": [{\"name\": \"worker\", \"target\": {\"config\": \"a\"}},"
                        + " {\"name\": \"worker\", \"target\": {\"config\": \"a\"}}], \"nodes\": [{\"name\": \" \", \"currentConfig\": \"a\"},"
                        + " {\"name\": \"w2\", \"pool\": \"infra\", \"currentConfig\": \"a\"}]}";
        assertThatThrownBy(() -> PlannerJson.readSnapshot(json))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
                    assertThat(e.problems().all())
                            .extracting(p -> p.location().path().toString(), p -> p.code())
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("$.pools[1].name", "snapshot.name.duplicate"),
                                    org.assertj.core.groups.Tuple.tuple("$.nodes[0].name", "snapshot.field.blank"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "$.nodes[1].pool", "snapshot.reference.unknown"));
                    assertThat(e.getMessage())
                            .isEqualTo("$.pools[1].name: duplicate pool name \"worker\" (and 2 more)");
                    assertThat(e.path()).hasToString("$.pools[1].name");
                });
    }
}
