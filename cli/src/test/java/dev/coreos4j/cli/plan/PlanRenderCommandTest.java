package dev.coreos4j.cli.plan;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanRenderCommandTest {

    static final String BASE = """
            {"apiVersion": "machineconfiguration.openshift.io/v1", "kind": "MachineConfig",
             "metadata": {"name": "00-worker", "labels": {"machineconfiguration.openshift.io/role": "worker"}},
             "spec": {"config": {"ignition": {"version": "3.2.0"}, "storage": {"files": [
               {"path": "/etc/containers/registries.conf", "contents": {"source": "data:,a"}}]}},
               "kernelArguments": ["nosmt"]}}
            """;
    static final String POLICY = """
            {"name": "99-worker-policy", "labels": {"machineconfiguration.openshift.io/role": "worker"},
             "ignition": {"ignition": {"version": "3.4.0"}, "storage": {"files": [
               {"path": "/etc/containers/policy.json", "contents": {"source": "data:,%7B%7D"}}]}}}
            """;
    static final String DISK = """
            {"name": "99-worker-disk", "ignition": {"ignition": {"version": "3.4.0"},
              "storage": {"disks": [{"device": "/dev/sdb", "wipeTable": true}]}}}
            """;

    static Path write(Path dir, String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void render_printsTheNameTheMergeOrderAndTheMergedIgnition(@TempDir Path dir) throws Exception {
        Path policy = write(dir, "policy.json", POLICY);
        Path base = write(dir, "base.json", BASE);
        CliRun r = run("plan", "render", "--pool", "worker", policy.toString(), base.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).matches("(?s)rendered-worker-[0-9a-f]{32}\n.*");
        assertThat(r.out())
                .contains("merged from:     00-worker, 99-worker-policy")
                .contains("kernelArguments: nosmt")
                .contains("\"path\" : \"/etc/containers/policy.json\"")
                .contains("\"version\" : \"3.6.0\"")
                .contains("\"overwrite\" : true");
        CliRun again = run("plan", "render", "--pool", "worker", base.toString(), policy.toString());
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void render_comparesWithTheCurrentRenderedConfig(@TempDir Path dir) throws Exception {
        Path base = write(dir, "base.json", BASE);
        Path policy = write(dir, "policy.json", POLICY);
        CliRun first = run("plan", "render", "--pool", "worker", "--format", "json", base.toString());
        assertThat(first.exit()).isEqualTo(ExitCode.OK);
        JsonNode rendered = JsonMapper.builder().build().readTree(first.out());
        Path current = write(dir, "current.json", rendered.get("machineConfig").toString());

        CliRun r = run(
                "plan",
                "render",
                "--pool",
                "worker",
                "--current",
                current.toString(),
                base.toString(),
                policy.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("disruption vs " + rendered.get("name").stringValue()
                        + ": Reload crio.service (no drain, no reboot)");

        CliRun same = run(
                "plan",
                "render",
                "--pool",
                "worker",
                "--format",
                "json",
                "--current",
                current.toString(),
                base.toString());
        JsonNode d = JsonMapper.builder().build().readTree(same.out()).get("disruption");
        assertThat(d.get("reconcilable").booleanValue()).isTrue();
        assertThat(d.get("actions").toString()).isEqualTo("[\"None\"]");
        assertThat(d.get("reboot").booleanValue()).isFalse();
    }

    @Test
    void render_irreconcilableChangeExitsOneNamingThePath(@TempDir Path dir) throws Exception {
        Path base = write(dir, "base.json", BASE);
        CliRun first = run("plan", "render", "--pool", "worker", "--format", "json", base.toString());
        Path current = write(
                dir,
                "current.json",
                JsonMapper.builder()
                        .build()
                        .readTree(first.out())
                        .get("machineConfig")
                        .toString());
        CliRun r = run(
                "plan",
                "render",
                "--pool",
                "worker",
                "--current",
                current.toString(),
                base.toString(),
                write(dir, "disk.json", DISK).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out())
                .contains("cannot be applied in place: $.storage.disks[0]: changes to disks cannot be"
                        + " applied to a running node (from 99-worker-disk)");
    }

    @Test
    void plan_readsConfigsGivenAsIgnitionOrMachineConfigs() {
        CliRun r = run(
                "plan",
                "--format",
                "json",
                ProjectRoot.corpus("planner", "ignition-configs.json").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode plan = JsonMapper.builder().build().readTree(r.out());
        JsonNode wave = plan.get("waves").get(0).get("nodes");
        assertThat(wave.size()).isEqualTo(2);
        assertThat(wave.get(0).get("steps").toString()).isEqualTo("[\"SetDesired\",\"Apply\"]");
        JsonNode blocked = plan.get("blocked").get(0);
        assertThat(blocked.get("node").stringValue()).isEqualTo("i1");
        assertThat(blocked.get("reason").stringValue()).isEqualTo("IrreconcilableTarget");
        assertThat(blocked.get("detail").stringValue()).contains("$.storage.directories[0]");
    }

    @Test
    void render_badInputIsOneLineWithTheFileAndPath(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "bad.json", """
                {"name": "50-bad", "ignition": {"ignition": {"version": "3.4.0"},
                  "storage": {"files": [{"path": "relative"}]}}}
                """);
        CliRun r = run("plan", "render", "--pool", "worker", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err())
                .isEqualTo("coreos4j: plan render: " + bad + ": $.ignition.storage.files[0].path:"
                        + " invalid Ignition config: path not absolute\n");
        Path rt = write(dir, "rt.json", "{\"name\": \"10-rt\", \"kernelType\": \"realtime\"}");
        Path devel = write(dir, "devel.json", "{\"name\": \"20-devel\", \"extensions\": [\"kernel-devel\"]}");
        r = run("plan", "render", "--pool", "worker", rt.toString(), devel.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("kernel-devel").doesNotContain("Exception");
        Path img = write(dir, "img.json", "{\"name\": \"30-img\", \"osImageURL\": \"q@sha256:1\"}");
        r = run("plan", "render", "--pool", "worker", "--os-image-stream", "rhel-10", img.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).startsWith("coreos4j: plan render: MachineConfig 30-img overrides osImageURL");
        r = run(
                "plan",
                "render",
                "--pool",
                "worker",
                dir.resolve("missing.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().count()).isEqualTo(1);
        r = run("plan", "render", BASE);
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    }
}
