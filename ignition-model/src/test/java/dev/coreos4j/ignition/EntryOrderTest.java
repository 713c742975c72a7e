package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 1: the order of entries inside one object is upstream's. Ignition's report is vcontext's walk
 * ({@code validate.Validate}, coreos/vcontext validate/validate.go): a struct's {@code Validate()} in statement order,
 * then its fields in declaration order (embedded structs flattened), then a second walk for duplicates
 * ({@code ValidateDups}, coreos/ignition v2.26.0 config/validate/validate.go:31, a struct's own lists first), then
 * unused keys. Every case names the upstream function it follows (coreos/ignition v2.26.0, config/v3_3/types unless
 * said otherwise; the same statements in every spec version that has them); the 3.3.0 cases are also what the
 * installed {@code ignition-validate} 2.14 prints, line for line ({@code EntryOrderOracleTest} checks the whole
 * corpus that way).
 */
class EntryOrderTest {

    /** The 3.3.0 documents of the examples below, which the installed ignition-validate 2.14 can judge. */
    private static final java.util.Set<String> JUDGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The report as ignition-validate prints it, without line/column. */
    private static List<String> lines(String json) {
        if (json.startsWith("{\"ignition\":{\"version\":\"3.3.0\"")) {
            JUDGED.add(json);
        }
        return Ignition.parse(json).report().entries().stream()
                .map(e -> e.severity().label() + " at " + Report.dottedPath(e) + ": " + e.message())
                .toList();
    }

    /** Runs after the examples: each 3.3.0 example's full report text equals the tool's stdout, line for line. */
    @org.junit.jupiter.api.AfterAll
    static void examplesOf3_3_0_areWhatIgnitionValidatePrints(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path tool = dev.coreos4j.testsupport.Oracles.require("ignition-validate");
        assertThat(JUDGED).hasSizeGreaterThanOrEqualTo(8);
        for (String json : JUDGED) {
            java.nio.file.Path f = dir.resolve("e.ign");
            java.nio.file.Files.writeString(f, json);
            Process p = new ProcessBuilder(tool.toString(), f.toString()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            assertThat(Ignition.parse(json).report().ignitionValidateText())
                    .as(json)
                    .isEqualTo(out);
        }
    }

    @Test
    void links_targetRequiredBeforeTheNextLinksUnderLinkError() {
        // storage.go:64 validateLinks: per link, "includes link" then (3.3.0+) "target is required"
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"links\":[{\"path\":\"/l\"},"
                        + "{\"path\":\"/l/m\",\"target\":\"/t\"}]}}"))
                .containsExactly(
                        "error at $.storage.links.0.target: link target is required",
                        "error at $.storage.links.1: link path includes link in config");
    }

    @Test
    void filesystems_pathBeforeDevice() {
        // filesystem.go:36 Filesystem.Validate: path, device, format, label
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":\"dev\","
                        + "\"path\":\"rel\",\"format\":\"ext4\"}]}}"))
                .containsExactly(
                        "error at $.storage.filesystems.0.path: path not absolute",
                        "error at $.storage.filesystems.0.device: path not absolute");
    }

    @Test
    void partitions_guidBeforeTypeGuid() {
        // partition.go:47 Partition.Validate: shouldExist, number/label, label, guid, typeGuid
        String form = "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"";
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sda\","
                        + "\"partitions\":[{\"number\":1,\"guid\":\"x\",\"typeGuid\":\"y\"}]}]}}"))
                .containsExactly(
                        "error at $.storage.disks.0.partitions.0.guid: " + form,
                        "error at $.storage.disks.0.partitions.0.typeGuid: " + form);
    }

    @Test
    void dropins_contentsBeforeName() {
        // unit.go:57 Dropin.Validate: contents, then name
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"systemd\":{\"units\":[{\"name\":\"a.service\","
                        + "\"dropins\":[{\"name\":\"x.cnf\",\"contents\":\"[Unit\"}]}]}}"))
                .containsExactly(
                        "error at $.systemd.units.0.dropins.0.contents: invalid unit content: unable to find end of section",
                        "error at $.systemd.units.0.dropins.0.name: invalid systemd drop-in extension");
    }

    @Test
    void files_modeBeforeGroupThenUser() {
        // file.go:25 File.Validate (path, mode, special bits, overwrite), then the Node fields group, user (node.go)
        assertThat(lines("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/f\","
                        + "\"user\":{\"id\":1,\"name\":\"a\"},\"group\":{\"id\":1,\"name\":\"b\"},\"mode\":99999,"
                        + "\"overwrite\":true}]}}"))
                .containsExactly(
                        "error at $.storage.files.0.mode: illegal file mode",
                        "error at $.storage.files.0.overwrite: overwrite must be false if source is unspecified",
                        "error at $.storage.files.0.group: cannot set both id and name",
                        "error at $.storage.files.0.user: cannot set both id and name");
    }

    @Test
    void disks_numbersCollideBeforeTheZeroesRule() {
        // disk.go:29 Disk.Validate: numbers collide, overlap, zeroes with shouldExist false, labels; then partitions;
        // duplicates in the second walk
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"disks\":[{\"device\":\"/dev/sda\","
                        + "\"partitions\":[{\"number\":1},{\"number\":1},{\"shouldExist\":false,\"label\":\"x\"}]}]}}"))
                .containsExactly(
                        "error at $.storage.disks.0.partitions.1: partition numbers collide",
                        "error at $.storage.disks.0.partitions: shouldExist is false for a partition and other "
                                + "partition(s) has start or size 0",
                        "error at $.storage.disks.0.partitions.2: shouldExist specified false with other options "
                                + "also specified",
                        "error at $.storage.disks.0.partitions.1: duplicate entry defined");
    }

    @Test
    void luks_clevisExclusivityBeforeKeyFile() {
        // luks.go:37 Luks.Validate: name, label, device, clevis custom-with-others, keys; then keyFile's Resource
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"luks\":[{\"name\":\"a/b\","
                        + "\"device\":\"/dev/sda\",\"clevis\":{\"custom\":{\"pin\":\"tpm2\",\"config\":\"c\"},\"tpm2\":true},"
                        + "\"keyFile\":{\"source\":\"foo://x\"}}]}}"))
                .containsExactly(
                        "error at $.storage.luks.0.name: device names cannot contain slashes",
                        "error at $.storage.luks.0.clevis: cannot use custom clevis config with tpm2, tang, or threshold",
                        "error at $.storage.luks.0.keys: invalid key-file source",
                        "error at $.storage.luks.0.keyFile.source: invalid url scheme");
    }

    @Test
    void systemd_templateWarningsBeforeEveryUnit() {
        // systemd.go:28 Systemd.Validate (template units of every unit) runs before the walk reaches units[i]
        // (unit.go:37 Unit.Validate); only services are instances (systemd.go's ^(.+?)@(.+?)\.service$)
        assertThat(
                        lines(
                                "{\"ignition\":{\"version\":\"3.6.0\"},\"systemd\":{\"units\":[{\"name\":\"x.sevice\"},"
                                        + "{\"name\":\"a@b.service\",\"enabled\":true,\"contents\":\"[Unit]\"},"
                                        + "{\"name\":\"a@.service\",\"contents\":\"[Unit]\"},"
                                        + "{\"name\":\"s@b.socket\",\"enabled\":true},{\"name\":\"s@.socket\",\"contents\":\"[Unit]\"}]}}"))
                .containsExactly(
                        "warning at $.systemd.units.1.contents: template unit \"a@.service\" for \"a@b.service\" "
                                + "doesn't have Install section",
                        "error at $.systemd.units.0.name: invalid systemd unit extension",
                        "warning at $.systemd.units.1.contents: unit \"a@b.service\" is enabled, but has no install "
                                + "section so enable does nothing");
    }

    @Test
    void config_systemdConflictsFilesThenDirectoriesThenLinks() {
        // config.go:33 Config.Validate: files, directories, links
        String unit = "/etc/systemd/system/a.service";
        assertThat(lines("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"directories\":[{\"path\":\"" + unit
                        + "\"}],\"links\":[{\"path\":\"" + unit + "\",\"target\":\"/t\"}],\"files\":[{\"path\":\""
                        + unit
                        + "\"}]},\"systemd\":{\"units\":[{\"name\":\"a.service\",\"contents\":\"[Unit]\"}]}}"))
                .startsWith(
                        "error at $.storage.files.0.path: path conflicts with systemd unit or dropin",
                        "error at $.storage.directories.0.path: path conflicts with systemd unit or dropin",
                        "error at $.storage.links.0.path: path conflicts with systemd unit or dropin");
    }

    @Test
    void ignitionConfig_everyRequiredSourceBeforeTheMergedResources() {
        // ignition.go:30 IgnitionConfig.Validate checks all merge sources before the walk reaches merge[i]
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\",\"config\":{\"merge\":[{\"source\":\"\"},"
                        + "{\"source\":\"\",\"compression\":\"xz\"}]}}}"))
                .containsExactly(
                        "error at $.ignition.config.merge.0: source is required",
                        "error at $.ignition.config.merge.1: source is required",
                        "error at $.ignition.config.merge.1.compression: invalid compression method",
                        "error at $.ignition.config.merge.1: duplicate entry defined");
    }

    @Test
    void duplicates_storageListsInFieldOrder() {
        // validate.go:31 ValidateDups: Storage's own lists in field order (directories, disks, files, ...)
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/a\"},"
                        + "{\"path\":\"/a\"}],\"disks\":[{\"device\":\"/d\"},{\"device\":\"/d\"}]}}"))
                .containsExactly(
                        "error at $.storage.disks.1: duplicate entry defined",
                        "error at $.storage.files.1: duplicate entry defined");
    }

    @Test
    void luksDuplicates_openOptionsBeforeTangAndKeyFileHeaders() {
        // validate.go:31: Luks's own list openOptions, then the walk into clevis (tang) and keyFile (httpHeaders)
        assertThat(lines("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"luks\":[{\"name\":\"n\","
                        + "\"device\":\"/dev/sda\",\"openOptions\":[\"a\",\"a\"],"
                        + "\"clevis\":{\"tang\":[{\"url\":\"http://t\",\"thumbprint\":\"x\"},"
                        + "{\"url\":\"http://t\",\"thumbprint\":\"x\"}]}}]}}"))
                .containsExactly(
                        "error at $.storage.luks.0.openOptions.1: duplicate entry defined",
                        "error at $.storage.luks.0.clevis.tang.1: duplicate entry defined");
    }

    @Test
    void filesystemEmptyLabel_isNoLabel() {
        // filesystem.go validateFormat/validateLabel use util.NotEmpty/NilOrEmpty: "" is no label (2.14 agrees)
        assertThat(lines("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"filesystems\":[{\"device\":"
                        + "\"/dev/sda\",\"label\":\"\"}]}}"))
                .isEmpty();
    }
}
