package dev.coreos4j.cli.butane;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.butane.Butane;
import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.ButaneResult;
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.planner.render.MachineConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.ObjectMapper;

class ButaneCommandTest {

    @TempDir
    Path dir;

    static final String OPENSHIFT = """
            variant: openshift
            version: 4.16.0
            metadata:
              name: 99-worker-chrony
              labels:
                machineconfiguration.openshift.io/role: worker
            openshift:
              kernel_arguments: [loglevel=7]
              extensions: [usbguard]
              fips: true
              kernel_type: realtime
            storage:
              files:
                - path: /etc/chrony.conf
                  mode: 0644
                  overwrite: true
                  contents:
                    inline: |
                      pool 0.rhel.pool.ntp.org iburst
                      driftfile /var/lib/chrony/drift
            systemd:
              units:
                - name: chronyd.service
                  enabled: true
            """;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void butane_fcosWritesIgnitionJson() throws Exception {
        Path in = write(
                "a.bu",
                "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/hostname\n"
                        + "      mode: 0644\n      contents:\n        inline: node1\n");
        CliRun r = run("butane", in.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "{\"ignition\":{\"version\":\"3.5.0\"},\"storage\":{\"files\":[{\"path\":"
                                + "\"/etc/hostname\",\"contents\":{\"compression\":\"\",\"source\":\"data:,node1\"},\"mode\":420}]}}\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void butane_errorsArePrettyPrintedWithTheSourceAndExitOne() throws Exception {
        Path in = write("bad.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: rel\n");
        Path out = dir.resolve("out.ign");
        CliRun r = run("butane", "-o", out.toString(), in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(
                        "error[$.storage.files.0.path]:",
                        "--> " + in + ":5:13",
                        " 5 |     - path: rel",
                        "^^^ path not absolute",
                        "Error translating config: config generated was invalid");
        assertThat(out).doesNotExist();
        CliRun raw = run("butane", "--raw-errors", in.toString());
        assertThat(raw.err()).startsWith("error at $.storage.files.0.path, line 5 col 13: path not absolute\n");
    }

    @Test
    void butane_strictFailsOnWarnings() throws Exception {
        Path in = write("w.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      q: 1\n");
        assertThat(run("butane", in.toString()).exit()).isZero();
        CliRun r = run("butane", "--strict", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unused key q", "Config produced warnings and --strict was specified");
    }

    @Test
    void butane_filesDirAndOutputFile() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        Path in = write(
                "l.bu",
                "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/motd\n"
                        + "      contents:\n        local: motd\n");
        Path out = dir.resolve("out.ign");
        CliRun r = run("butane", "--files-dir", dir.resolve("files").toString(), "-o", out.toString(), in.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out)).contains("data:,hello%0A").endsWith("}\n");
        assertThat(Ignition.parse(Files.readAllBytes(out)).isValid()).isTrue();
        CliRun escape = run(
                "butane",
                "--files-dir",
                dir.resolve("files").toString(),
                write(
                                "e.bu",
                                "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /x\n"
                                        + "      contents:\n        local: ../l.bu\n")
                        .toString());
        assertThat(escape.exit()).isEqualTo(1);
        assertThat(escape.err()).contains("local file path traverses outside the files directory");
    }

    /** The openshift variant's MachineConfig is accepted by the planner's MachineConfig reader, as JSON and YAML. */
    @Test
    void butane_machineConfigIsReadByThePlanner() throws Exception {
        CliRun r = run("butane", "--json", write("mc.bu", OPENSHIFT).toString());
        assertThat(r.exit()).isZero();
        MachineConfig mc = PlannerJson.readMachineConfig(r.out());
        assertThat(mc.name()).isEqualTo("99-worker-chrony");
        assertThat(mc.role()).isEqualTo("worker");
        assertThat(mc.kernelArguments()).containsExactly("loglevel=7");
        assertThat(mc.extensions()).containsExactly("usbguard");
        assertThat(mc.fips()).isTrue();
        assertThat(mc.kernelType()).isEqualTo("realtime");
        assertThat(mc.config().storage().files())
                .singleElement()
                .satisfies(f -> assertThat(f.mode()).isEqualTo(420L));
        assertThat(mc.config().systemd().units())
                .singleElement()
                .satisfies(u -> assertThat(u.name()).isEqualTo("chronyd.service"));

        // the YAML Butane writes by default holds the same object
        CliRun yaml = run("butane", write("mc2.bu", OPENSHIFT).toString());
        assertThat(yaml.out())
                .startsWith("# Generated by Butane; do not edit\napiVersion: "
                        + "machineconfiguration.openshift.io/v1\nkind: MachineConfig\n");
        Object fromYaml = new Load(LoadSettings.builder().build()).loadFromString(yaml.out());
        Object fromJson = new ObjectMapper().readValue(r.out(), Map.class);
        assertThat(normalise(fromYaml)).isEqualTo(normalise(fromJson));
        MachineConfig viaYaml = PlannerJson.readMachineConfig(new ObjectMapper().writeValueAsString(fromYaml));
        assertThat(viaYaml).isEqualTo(mc);
    }

    @Test
    void butane_apiAndCliAgree() throws Exception {
        ButaneResult api =
                Butane.translate(OPENSHIFT, ButaneOptions.DEFAULT.withRaw(true).withPretty(true));
        CliRun cli = run("butane", "--raw", "--pretty", write("r.bu", OPENSHIFT).toString());
        assertThat(cli.out()).isEqualTo(new String(api.output(), StandardCharsets.UTF_8) + "\n");
        assertThat(cli.err()).contains("field ignored in raw mode");
    }

    private static Object normalise(Object o) {
        if (o instanceof Map<?, ?> m) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        } else if (o instanceof List<?> l) {
            return l.stream().map(ButaneCommandTest::normalise).toList();
        } else if (o instanceof Number n) {
            return n.longValue();
        }
        return o;
    }
}
