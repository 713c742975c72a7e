package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 6: 3.7.0-experimental follows one upstream revision throughout, coreos/ignition's main branch at
 * {@code a5d574a8} (2026-07-23), not v2.26.0 (whose 3.7.0-experimental has neither virtiofs nor a change to the
 * partition rules). At that revision config/v3_7_experimental/types/disk.go:28 {@code Disk.Validate} no longer has
 * v2.26.0's :42 {@code partitionsMixZeroesAndNonexistence} check, and config/v3_7_experimental/types/filesystem.go:36
 * validates virtiofs (:76 {@code validateDevice}, :48 {@code validateBlockDeviceOnlyFields}, :159 no label).
 * Stable versions keep v2.26.0's rules.
 */
class Experimental37Test {

    private static List<String> messages(String version, String storage) {
        return Ignition.parse("{\"ignition\":{\"version\":\"" + version + "\"},\"storage\":" + storage + "}")
                .report()
                .entries()
                .stream()
                .map(e -> Report.dottedPath(e) + ": " + e.message())
                .toList();
    }

    private static final String MIXED = "{\"disks\":[{\"device\":\"/dev/sda\",\"partitions\":[{\"number\":1,"
            + "\"shouldExist\":false},{\"label\":\"root\"}]}]}";

    @Test
    void startSizeZeroRule_goneFrom3_7_keptIn3_6() {
        assertThat(messages("3.7.0-experimental", MIXED)).isEmpty();
        assertThat(messages("3.6.0", MIXED))
                .containsExactly("$.storage.disks.0.partitions: shouldExist is false "
                        + "for a partition and other partition(s) has start or size 0");
    }

    @Test
    void virtiofs_onlyIn3_7_withHeadsRules() {
        String fs = "{\"filesystems\":[{\"device\":\"" + "t".repeat(37) + "\",\"format\":\"virtiofs\","
                + "\"label\":\"l\",\"uuid\":\"u\",\"wipeFilesystem\":true,\"options\":[\"o\"],\"path\":\"/mnt\"}]}";
        assertThat(messages("3.7.0-experimental", fs))
                .containsExactly(
                        "$.storage.filesystems.0.device: virtiofs device tag cannot be longer than 36 bytes",
                        "$.storage.filesystems.0.label: filesystem labels cannot be set when using virtiofs",
                        "$.storage.filesystems.0.uuid: filesystem uuid cannot be set for non-block-device filesystems",
                        "$.storage.filesystems.0.wipeFilesystem: wipeFilesystem cannot be set for non-block-device "
                                + "filesystems",
                        "$.storage.filesystems.0.options: filesystem options (mkfs) cannot be set for non-block-device "
                                + "filesystems");
        assertThat(messages("3.6.0", "{\"filesystems\":[{\"device\":\"tag\",\"format\":\"virtiofs\"}]}"))
                .containsExactly(
                        "$.storage.filesystems.0.device: path not absolute",
                        "$.storage.filesystems.0.format: invalid filesystem format");
        assertThat(messages("3.7.0-experimental", "{\"filesystems\":[{\"device\":\"\",\"format\":\"virtiofs\"}]}"))
                .containsExactly("$.storage.filesystems.0.device: device not specified");
    }
}
