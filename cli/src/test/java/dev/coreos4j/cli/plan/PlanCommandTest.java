package dev.coreos4j.cli.plan;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanCommandTest {

    /** 1 master pool of 3, 1 worker pool of 4 at 50%, w4 cordoned by an admin, a paused canary pool. */
    static final String SNAPSHOT = """
            {"now":"2026-03-02T10:00:00Z",
             "pools":[
               {"name":"master","controlPlane":true,"target":{"config":"rendered-master-b"}},
               {"name":"worker","maxUnavailable":"50%","target":{"config":"rendered-worker-b"},
                "previous":{"config":"rendered-worker-a"}},
               {"name":"canary","paused":true,"target":{"config":"rendered-canary-b"}}],
             "nodes":[
               {"name":"m1","pool":"master","zone":"a","created":"2026-01-01T00:00:00Z","currentConfig":"rendered-master-a"},
               {"name":"m2","pool":"master","zone":"b","created":"2026-01-02T00:00:00Z","currentConfig":"rendered-master-a"},
               {"name":"m3","pool":"master","zone":"c","created":"2026-01-03T00:00:00Z","currentConfig":"rendered-master-a"},
               {"name":"w1","pool":"worker","zone":"a","created":"2026-01-01T00:00:00Z","currentConfig":"rendered-worker-a"},
               {"name":"w2","pool":"worker","zone":"b","created":"2026-01-02T00:00:00Z","currentConfig":"rendered-worker-a"},
               {"name":"w3","pool":"worker","zone":"a","created":"2026-01-03T00:00:00Z","currentConfig":"rendered-worker-a"},
               {"name":"w4","pool":"worker","zone":"b","created":"2026-01-04T00:00:00Z","currentConfig":"rendered-worker-a",
                "unschedulable":true,"cordonedBy":"admin"},
               {"name":"c1","pool":"canary","created":"2026-01-01T00:00:00Z","currentConfig":"rendered-canary-a"}]}
            """;

    static Path write(Path dir, String json) throws Exception {
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void plan_json_hasWavesAndBlockedWithReasons(@TempDir Path dir) throws Exception {
        CliRun r = run("plan", "--format=json", write(dir, SNAPSHOT).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
        JsonNode out = JsonMapper.shared().readTree(r.out());
        // masters one per wave (3 waves); workers: budget 2, w4 cordoned uses 1 -> one per wave for w1, w3, w2
        assertThat(out.get("waves").size()).isEqualTo(3);
        assertThat(out.get("waves").get(0).get("index").intValue()).isZero();
        JsonNode first = out.get("waves").get(0).get("nodes");
        assertThat(first.values()).extracting(n -> n.get("name").stringValue()).containsExactly("m1", "w1");
        assertThat(out.get("blocked").values())
                .extracting(
                        b -> b.get("node").stringValue() + ":" + b.get("reason").stringValue())
                .containsExactly("c1:Paused", "w4:Cordoned");
        assertThat(out.get("blocked").get(0).get("pool").stringValue()).isEqualTo("canary");
        assertThat(out.get("blocked").get(0).get("detail").stringValue()).isEqualTo("pool canary is paused");
    }

    @Test
    void plan_text_showsTheTableAndAPerPoolSummary(@TempDir Path dir) throws Exception {
        CliRun r = run("plan", write(dir, SNAPSHOT).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "Plan for 8 node(s) in 3 pool(s) at 2026-03-02T10:00:00Z: 3 wave(s)",
                        "WAVE",
                        "SetDesired Cordon Drain Apply Reboot Uncordon",
                        "Not moving:",
                        "w4",
                        "Cordoned",
                        "cordoned by admin",
                        "Pools:");
        assertThat(r.out()).containsPattern("worker\\s+4\\s+0/4\\s+3/4\\s+1\\s+0\\s+3\\s+Updating");
        assertThat(r.out()).containsPattern("canary\\s+1\\s+0/1\\s+0/1\\s+0\\s+0\\s+0\\s+Paused");
    }

    @Test
    void planNext_printsOnlyTheNextActions(@TempDir Path dir) throws Exception {
        CliRun r = run("plan", "next", write(dir, SNAPSHOT).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines())
                .containsExactly("m1 master SetDesired rendered-master-b", "w1 worker SetDesired rendered-worker-b");
        CliRun json = run("plan", "next", "--format=json", write(dir, SNAPSHOT).toString());
        JsonNode out = JsonMapper.shared().readTree(json.out());
        assertThat(out.get("actions").values())
                .extracting(a -> a.get("action").stringValue())
                .containsExactly("SetDesired", "SetDesired");
        assertThat(out.get("blocked").values())
                .extracting(b -> b.get("reason").stringValue())
                .contains("Quorum", "BudgetExhausted", "Cordoned", "Paused");
    }

    @Test
    void plan_rollback_returnsOnlyTouchedNodes(@TempDir Path dir) throws Exception {
        String inFlight = SNAPSHOT.replace(
                "\"name\":\"w1\",\"pool\":\"worker\",\"zone\":\"a\",\"created\":"
                        + "\"2026-01-01T00:00:00Z\",\"currentConfig\":\"rendered-worker-a\"",
                "\"name\":\"w1\",\"pool\":\"worker\",\"zone\":\"a\",\"created\":\"2026-01-01T00:00:00Z\","
                        + "\"currentConfig\":\"rendered-worker-a\",\"desiredConfig\":\"rendered-worker-b\","
                        + "\"unschedulable\":true,\"cordonedBy\":\"coreos4j\",\"drained\":true");
        assertThat(inFlight).isNotEqualTo(SNAPSHOT);
        CliRun r =
                run("plan", "--rollback", "--format=json", write(dir, inFlight).toString());
        assertThat(r.exit()).isZero();
        JsonNode out = JsonMapper.shared().readTree(r.out());
        // MCO: w1 and the admin-cordoned w4 fill maxUnavailable 50% of 4, so w1 is not retargeted while it is in
        // flight; it finishes rendered-worker-b, then goes back
        assertThat(out.get("waves").size()).isEqualTo(2);
        JsonNode node = out.get("waves").get(0).get("nodes").get(0);
        assertThat(node.get("name").stringValue()).isEqualTo("w1");
        assertThat(node.get("steps").values())
                .extracting(JsonNode::stringValue)
                .containsExactly("Apply", "Reboot", "Uncordon");
        JsonNode back = out.get("waves").get(1).get("nodes");
        assertThat(back.size()).isEqualTo(1);
        assertThat(back.get(0).get("name").stringValue()).isEqualTo("w1");
    }

    @Test
    void plan_invalidSnapshotsExitTwoWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"\"maxUnavailable\":\"50%\"", "\"maxUnavailable\":-2", "$.pools[1].maxUnavailable"},
            {"\"maxUnavailable\":\"50%\"", "\"maxUnavailable\":\"50\"", "$.pools[1].maxUnavailable"},
            {"\"name\":\"c1\",\"pool\":\"canary\"", "\"name\":\"c1\",\"pool\":\"nope\"", "$.nodes[7].pool"},
            {"\"name\":\"c1\"", "\"name\":\"w1\"", "$.nodes[7].name: duplicate node name \"w1\""},
            {"\"nodes\":[", "\"nodes\":[[", "$: malformed JSON"},
            {"\"name\":\"c1\"", "\"name\":\"c1\",\"desiredImage\":\"\"", "$.nodes[7].desiredImage: must not be blank"},
        };
        for (String[] c : cases) {
            String json = SNAPSHOT.replace(c[0], c[1]);
            assertThat(json).isNotEqualTo(SNAPSHOT);
            for (String[] args : new String[][] {{"plan"}, {"plan", "next"}}) {
                String[] argv = java.util.Arrays.copyOf(args, args.length + 1);
                argv[args.length] = write(dir, json).toString();
                CliRun r = run(argv);
                assertThat(r.exit())
                        .as(String.join(" ", argv) + " with " + c[1])
                        .isEqualTo(ExitCode.USAGE);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().lines()).hasSize(1);
                assertThat(r.err()).startsWith("coreos4j: plan").contains(c[2]);
            }
        }
    }

    @Test
    void plan_singleReplicaOptInIsNotedAndABadTopologyExitsTwo(@TempDir Path dir) throws Exception {
        String sno = """
                {"now": "2026-03-02T10:00:00Z", "topology": "SingleReplica", "acceptAvailabilityLoss": true,
                 "pools": [{"name": "master", "controlPlane": true, "target": {"config": "rendered-b"}}],
                 "nodes": [{"name": "sno-0", "pool": "master", "currentConfig": "rendered-a"}]}
                """;
        CliRun text = run("plan", write(dir, sno).toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .contains("SetDesired Apply Reboot", "Notes:", "availability loss accepted: sno-0")
                .doesNotContain("Drain");
        CliRun json = run("plan", "--format=json", write(dir, sno).toString());
        JsonNode out = JsonMapper.shared().readTree(json.out());
        assertThat(out.get("notes").get(0).stringValue()).startsWith("availability loss accepted");
        CliRun blocked = run(
                "plan",
                "--format=json",
                write(dir, sno.replace("true,", "false,")).toString());
        JsonNode b = JsonMapper.shared().readTree(blocked.out());
        assertThat(b.get("blocked").get(0).get("reason").stringValue()).isEqualTo("AvailabilityLoss");
        assertThat(b.get("notes").get(0).stringValue())
                .startsWith("pool master stops before reaching")
                .contains("sno-0 AvailabilityLoss");
        CliRun bad =
                run("plan", write(dir, sno.replace("SingleReplica", "Single")).toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err().lines()).hasSize(1);
        assertThat(bad.err()).contains("$.topology");
    }

    @Test
    void plan_usageAndIoErrorsExitTwo(@TempDir Path dir) throws Exception {
        CliRun missing = run("plan", dir.resolve("absent.json").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).startsWith("coreos4j: no such file:");
        assertThat(run("plan").exit()).isEqualTo(ExitCode.USAGE);
        CliRun format = run("plan", "--format=xml", write(dir, SNAPSHOT).toString());
        assertThat(format.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("--format must be text or json");
        assertThat(run("plan", "--help").out()).contains("next", "--format", "--rollback");
    }
}
