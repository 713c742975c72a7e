package dev.coreos4j.cli.ignition;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.ignition.Ignition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeSchemaCommandTest {

    @TempDir
    Path dir;

    private String file(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p.toString();
    }

    @Test
    void merge_printsMergedConfig() throws IOException {
        String parent = file(
                "p.ign",
                "{\"ignition\":{\"version\":\"3.2.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420}]}}");
        String child = file(
                "c.ign",
                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":384}]}}");
        CliRun r = run("ignition", "merge", parent, child);
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip())
                .isEqualTo(
                        "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":384}]}}");
        assertThat(Ignition.parse(r.out().strip()).isValid()).isTrue();
    }

    @Test
    void merge_withTranscriptPrintsOneJsonObject() throws IOException {
        String parent = file(
                "p.ign",
                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420}]}}");
        String child =
                file("c.ign", "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/b\"}]}}");
        CliRun r = run("ignition", "merge", "--transcript", parent, child);
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .startsWith("{\"config\":{")
                .contains(
                        "{\"result\":\"$.storage.files[0].mode\",\"from\":\"parent\",\"path\":\"$.storage.files[0].mode\"}",
                        "{\"result\":\"$.storage.files[1].path\",\"from\":\"child\",\"path\":\"$.storage.files[0].path\"}");
    }

    @Test
    void merge_invalidInputExitsOneWithReport() throws IOException {
        String parent =
                file("p.ign", "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"rel\"}]}}");
        String child = file("c.ign", "{\"ignition\":{\"version\":\"3.6.0\"}}");
        CliRun r = run("ignition", "merge", parent, child);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(parent + ": error at $.storage.files.0.path")
                .contains("path not absolute");
    }

    @Test
    void merge_invalidMergedConfigExitsOne() throws IOException {
        String parent = file(
                "p.ign",
                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sda\",\"partitions\":[{\"number\":1,\"label\":\"root\"}]}]}}");
        String child = file(
                "c.ign",
                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sda\",\"partitions\":[{\"label\":\"root\"}]}]}}");
        CliRun r = run("ignition", "merge", parent, child);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("merged config: error at $.storage.disks.0.partitions");
    }

    @Test
    void merge_missingFileExitsTwo() {
        CliRun r = run(
                "ignition",
                "merge",
                dir.resolve("nope").toString(),
                dir.resolve("nope2").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void schema_printsDraft4Schema() {
        CliRun r = run("ignition", "schema", "--spec", "3.3.0");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"$schema\" : \"http://json-schema.org/draft-04/schema#\"", "kernelArguments");
    }

    @Test
    void schema_unknownVersionIsUsageError() {
        CliRun r = run("ignition", "schema", "--spec", "2.2.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported spec version '2.2.0'");
    }
}
