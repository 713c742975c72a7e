package dev.coreos4j.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.cli.demo.ExampleGraph;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanGraphCommandTest {

    @TempDir
    static Path tmp;

    static Path example;
    static Path channels;

    @BeforeAll
    static void graphs() throws Exception {
        example = tmp.resolve("example.json");
        Files.writeString(example, ExampleGraph.json());
        channels = ProjectRoot.corpus("graph", "ocp-channels.json");
    }

    static CliRun run(String... args) {
        return CliRun.run(new CommandLine(new PlanGraphCommand()), args);
    }

    @Test
    void graph_eusPlanShowsHopsReasonsAndSavedReboots() {
        CliRun r = run(
                "--graph",
                example.toString(),
                "--from",
                "4.14.38",
                "--to",
                "4.18.5",
                "--channel",
                "eus-4.14",
                "--eus",
                "--risk-outcome",
                "MachineConfigRenderingChurn=nomatch");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains(
                        "Path 4.14.38 -> 4.18.5: 4 hops, 2 channel changes, no accepted risks",
                        "  1. 4.14.38 -> 4.15.35  minor  [channel eus-4.14 -> eus-4.16]  control plane only, workers paused",
                        "  2. 4.15.35 -> 4.16.15  minor  [eus-4.16]  control plane, then workers unpaused (one reboot to"
                                + " 4.16.15)",
                        "allowed: conditional update: risk MachineConfigRenderingChurn does not apply (rule 1, PromQL: no"
                                + " match)",
                        "risk MachineConfigRenderingChurn: https://",
                        "each worker node reboots 2 times instead of 4 (2 saved per worker node)",
                        "workers paused at 4.16.15, control plane through 4.17.10, workers unpaused at 4.18.5");
    }

    @Test
    void graph_latestStaysInChannel() {
        CliRun r = run("--graph", channels.toString(), "--from", "4.15.25", "--latest", "--channel", "stable-4.16");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(
                        "Path 4.15.25 -> 4.16.5: 2 hops, 0 channel changes",
                        "  2. 4.16.3 -> 4.16.5  patch  [stable-4.16]",
                        "Every node reboots once per hop: 2 reboots per node.");
    }

    @Test
    void graph_listsConditionalUpdatesNotTaken() {
        CliRun r = run("--graph", channels.toString(), "--from", "4.16.3", "--latest", "--channel", "fast-4.16");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Path 4.16.3 -> 4.16.8: 2 hops",
                        "  not taken: 4.16.3 -> 4.16.8  conditional"
                                + " update not recommended: risk AzureDiskEncryptionSetDrift applies (rule 2, Always: match)");
    }

    @Test
    void graph_acceptRiskAndOutcomeByQueryText() {
        CliRun accepted = run(
                "--graph",
                channels.toString(),
                "--from",
                "4.15.20",
                "--to",
                "4.16.3",
                "--accept-risk",
                "OVNEgressIPFailover");
        assertThat(accepted.out()).contains("1 hop", "accepted risks: OVNEgressIPFailover");
        String query = "group(cluster_infrastructure_provider{_id=\"\",type=\"Azure\"})\nor\n"
                + "0 * group(cluster_infrastructure_provider{_id=\"\"})";
        CliRun byQuery = run(
                "--graph",
                channels.toString(),
                "--from",
                "4.16.3",
                "--to",
                "4.16.8",
                "--risk-outcome",
                query + "=nomatch");
        assertThat(byQuery.exit()).as(byQuery.err()).isZero();
        assertThat(byQuery.out()).contains("1 hop", "does not apply (rule 1, PromQL");
    }

    @Test
    void graph_jsonFormatIsMachineReadable() {
        CliRun r = run("--graph", example.toString(), "--from", "4.14.38", "--to", "4.18.5", "--eus", "--format=json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("found").asBoolean()).isTrue();
        assertThat(json.get("hops")).hasSize(5);
        assertThat(json.get("hops").get(0).get("workers").asString()).isEqualTo("PAUSED");
        assertThat(json.get("hops").get(0).get("previousChannel").isNull()).isTrue();
        assertThat(json.get("eus").get("workerRebootsSavedPerNode").asInt()).isEqualTo(3);
    }

    @Test
    void graph_noPathExitsOneWithTheBlockingEdge() {
        CliRun r = run("--graph", channels.toString(), "--from", "4.16.3", "--to", "4.16.0");
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("No path from 4.16.3 to 4.16.0", "DOWNGRADE");
        assertThat(r.err())
                .isEqualTo("coreos4j: 4.16.0 is older than 4.16.3 and downgrades are not allowed"
                        + System.lineSeparator());

        CliRun blocked =
                run("--graph", channels.toString(), "--from", "4.16.3", "--latest", "--channel", "stable-4.14");
        assertThat(blocked.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(blocked.out())
                .contains("Blocked by:", "4.16.3 -> 4.16.5  CHANNEL  4.16.3 is not in channel stable-4.14");
    }

    @Test
    void graph_noPathInJsonStillExitsOne() {
        CliRun r = run("--graph", channels.toString(), "--from", "4.15.25", "--to", "4.99.0", "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("found").asBoolean()).isFalse();
        assertThat(json.get("blockers").get(0).get("code").asString()).isEqualTo("UNKNOWN_RELEASE");
    }

    @Test
    void graph_malformedGraphExitsTwoNamingTheJsonPath() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": [{\"version\": \"4.16.3\"}], \"edges\": [[0, 4]]}");
        CliRun r = run("--graph", bad.toString(), "--from", "4.16.3", "--latest");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip())
                .isEqualTo("coreos4j: " + bad + ": malformed update graph: $.edges[0][1]:"
                        + " expected a node index between 0 and 0, got 4");
    }

    @Test
    void graph_missingFileExitsTwo() {
        CliRun r = run("--graph", tmp.resolve("nope.json").toString(), "--from", "4.16.3", "--latest");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("coreos4j: no such file: ").doesNotContain("Exception");
    }

    @Test
    void graph_usageErrorsExitTwo() {
        String g = example.toString();
        assertThat(run("--graph", g, "--from", "4.16.3").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("--graph", g, "--from", "4.16.3", "--to", "4.16.5", "--latest")
                        .exit())
                .isEqualTo(ExitCode.USAGE);
        CliRun outcome = run("--graph", g, "--from", "4.16.3", "--latest", "--risk-outcome", "X=maybe");
        assertThat(outcome.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.err()).contains("must be match, nomatch or unknown").doesNotContain("\tat ");
        assertThat(run("--graph", g, "--from", "4.16.3", "--latest", "--risk-outcome", "novalue")
                        .exit())
                .isEqualTo(ExitCode.USAGE);
        CliRun format = run("--graph", g, "--from", "4.16.3", "--latest", "--format", "yaml");
        assertThat(format.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("--format must be text or json");
    }

    @Test
    void graph_helpDocumentsExitCodes() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--accept-risk", "--risk-outcome", "--eus", "Exit codes:", "1   no valid path");
    }
}
