package dev.coreos4j.cli.snapshot;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotImportCommandTest {

    private static final String NOW = "--now=2026-03-02T10:00:00Z";

    private static String dump(String name) {
        return ProjectRoot.corpus("planner", "cluster", name).toString();
    }

    private static final String MCP = dump("complianceascode-mcp-list.json");
    private static final String NODES = dump("complianceascode-infra-nodes.json");

    @Test
    void import_printsTheSnapshotAndWarnsAboutUnpooledNodes() {
        CliRun r = run("snapshot", "import", NOW, MCP, NODES);
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("{\n  \"now\" : \"2026-03-02T10:00:00Z\",\n  \"pools\" : [ {\n");
        assertThat(r.err())
                .isEqualTo(
                        "coreos4j: snapshot import: warning: " + NODES + ": Node ocp-worker4.domain.local:"
                                + " $.items[6].metadata.labels (line 285, column 27): no MachineConfigPool selects this node\n");
    }

    /** {@code plan --cluster} and {@code plan next --cluster} print exactly what planning the imported snapshot does. */
    @Test
    void planCluster_isIdenticalToPlanningTheImportedSnapshot(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, run("snapshot", "import", NOW, MCP, NODES).out());
        for (String format : new String[] {"--format=text", "--format=json"}) {
            CliRun fromCluster = run("plan", format, NOW, "--cluster", MCP, NODES);
            CliRun fromSnapshot = run("plan", format, snapshot.toString());
            assertThat(fromCluster.exit()).isEqualTo(ExitCode.OK);
            assertThat(fromCluster.out()).isEqualTo(fromSnapshot.out()).isNotEmpty();
            CliRun nextCluster = run("plan", "next", format, NOW, "--cluster", MCP, NODES);
            CliRun nextSnapshot = run("plan", "next", format, snapshot.toString());
            assertThat(nextCluster.exit()).isEqualTo(ExitCode.OK);
            assertThat(nextCluster.out()).isEqualTo(nextSnapshot.out()).isNotEmpty();
        }
    }

    @Test
    void malformedObjects_exitTwoNamingKindNameAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                Files.readString(Path.of(NODES))
                        .replaceFirst("\"Done\"", "\"Sleeping\"")
                        .replaceFirst("\"creationTimestamp\": \"2023-01-04T14:24:11Z\"", "\"creationTimestamp\": 7"));
        for (String[] args : new String[][] {
            {"snapshot", "import", NOW, MCP, bad.toString()},
            {"plan", NOW, "--cluster", MCP, bad.toString()},
            {"plan", "next", NOW, "--cluster", bad.toString()}
        }) {
            CliRun r = run(args);
            assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(r.out()).isEmpty();
            assertThat(r.err())
                    .contains(bad + ": Node ocp-control1.domain.local: $.items[0].metadata.annotations"
                            + "['machineconfiguration.openshift.io/state'] (line 16, column 64): must be one of Done, Working,"
                            + " Rebooting, Degraded, Unreconcilable, got \"Sleeping\"\n");
            assertThat(r.err())
                    .contains(bad + ": Node ocp-control2.domain.local: $.items[1].metadata.creationTimestamp"
                            + " (line ");
        }
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run("snapshot", "import", "--now=yesterday", MCP).exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("snapshot", "import").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("plan", NOW, "x.json").err()).contains("--now needs --cluster");
        assertThat(run("snapshot", "import", NOW, "/nonexistent/x.json").exit()).isEqualTo(ExitCode.USAGE);
    }
}
