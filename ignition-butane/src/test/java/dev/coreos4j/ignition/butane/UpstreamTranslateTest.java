package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Upstream's translation tables re-expressed as documents; each test names the upstream file and case. Data URLs
 * are compared by decoded content (our gzip bytes are zlib's, not Go's).
 */
class UpstreamTranslateTest {

    static final String ZZZ = "z".repeat(151);

    static String json(ButaneResult r) {
        assertThat(r.isValid()).as(r.report().toString()).isTrue();
        return new String(r.output(), StandardCharsets.UTF_8);
    }

    static byte[] decode(String url, String compression) throws Exception {
        int comma = url.indexOf(',');
        String meta = url.substring(5, comma);
        byte[] raw = meta.endsWith(";base64")
                ? Base64.getDecoder().decode(url.substring(comma + 1))
                : java.net.URLDecoder.decode(url.substring(comma + 1).replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                        .getBytes(StandardCharsets.ISO_8859_1);
        if ("gzip".equals(compression)) {
            return new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
        }
        return raw;
    }

    /** base/v0_7/translate_test.go TestTranslateFile "inline and local automatic file encoding". */
    @Test
    void translateFile_chooseShortestEncoding() throws Exception {
        byte[] random = {
            (byte) 0xc0,
            (byte) 0x9c,
            'l',
            0x01,
            (byte) 0x89,
            'i',
            (byte) 0xa5,
            (byte) 0xbf,
            'W',
            (byte) 0xe4,
            0x1b,
            (byte) 0xf4,
            'J',
            '_',
            (byte) 0xb7,
            '9',
            'P',
            (byte) 0xa3,
            '#',
            (byte) 0xa7
        };
        FilesDir dir = FilesDir.inMemory(Map.of("file-2", ZZZ.getBytes(StandardCharsets.UTF_8), "file-3", random));
        String yaml = "storage:\n  files:\n    - path: /foo\n      contents:\n        inline: " + ZZZ + "\n"
                + "      append:\n        - local: file-2\n        - local: file-3\n"
                + "        - inline: " + ZZZ + "\n          compression: invalid\n"
                + "        - local: file-2\n          compression: invalid\n";
        ButaneResult r = Harness.run("fcos", "1.7.0", yaml, ButaneOptions.DEFAULT.withFilesDir(dir));
        // "invalid" compression is an Ignition error; the translation itself is what upstream's table checks
        assertThat(r.report().errors()).allMatch(e -> e.message().equals("invalid compression method"));
        Config.File f = Butane.translate(
                        yaml.replace("compression: invalid", "compression: gzip") + "variant: fcos\nversion: 1.7.0\n",
                        ButaneOptions.DEFAULT.withFilesDir(dir))
                .config()
                .storage()
                .files()
                .get(0);
        assertThat(f.contents().compression()).isEqualTo("gzip");
        assertThat(decode(f.contents().source(), "gzip")).isEqualTo(ZZZ.getBytes(StandardCharsets.UTF_8));
        assertThat(f.append().get(0).compression()).isEqualTo("gzip");
        assertThat(decode(f.append().get(0).source(), "gzip")).isEqualTo(ZZZ.getBytes(StandardCharsets.UTF_8));
        assertThat(f.append().get(1).compression()).isEqualTo("");
        assertThat(f.append().get(1).source()).startsWith("data:;base64,");
        assertThat(decode(f.append().get(1).source(), "")).isEqualTo(random);
        // the user's own compression: URL-escaped, never compressed again
        assertThat(f.append().get(2).source()).isEqualTo("data:," + ZZZ);
        assertThat(f.append().get(3).source()).isEqualTo("data:," + ZZZ);
        assertThat(f.append().get(2).compression()).isEqualTo("gzip");
    }

    /** base/v0_7/translate_test.go TestTranslateFile "Test disable automatic gzip compression". */
    @Test
    void translateFile_noAutoCompression() {
        ButaneResult r = Harness.run(
                "fcos",
                "1.7.0",
                "storage:\n  files:\n    - path: /foo\n      contents:\n" + "        inline: " + ZZZ + "\n",
                ButaneOptions.DEFAULT.withNoResourceAutoCompression(true));
        assertThat(json(r)).contains("\"contents\":{\"compression\":\"\",\"source\":\"data:," + ZZZ + "\"}");
    }

    /** base/v0_7/translate_test.go TestTranslateFile: inline text is URL-escaped, the translation maps back. */
    @Test
    void translateFile_inlineEscapedAndTranslated() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "storage:\n  files:\n    - path: /foo\n      contents:\n" + "        inline: \"file contents\\n\"\n");
        assertThat(json(r)).contains("\"source\":\"data:,file%20contents%0A\"");
        assertThat(r.paths())
                .containsEntry(
                        JsonPath.parse("$.storage.files[0].contents.source"),
                        JsonPath.parse("$.storage.files[0].contents.inline"))
                .containsEntry(
                        JsonPath.parse("$.storage.files[0].contents.compression"),
                        JsonPath.parse("$.storage.files[0].contents.inline"))
                .containsEntry(JsonPath.parse("$.storage.files[0].path"), JsonPath.parse("$.storage.files[0].path"))
                .containsEntry(JsonPath.parse("$.ignition.version"), JsonPath.parse("$.version"));
    }

    static String unit(ButaneResult r) {
        return r.config().systemd().units().get(0).contents();
    }

    /** base/v0_7/translate_test.go TestTranslateMountUnit, every case. */
    @Test
    void translateMountUnit_localWithOptionsKeepsTheUsersEnabledFlag() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/disk/by-label/foo\n"
                        + "      format: ext4\n      mount_options: [ro, noatime]\n      path: /var/lib/containers\n"
                        + "      with_mount_unit: true\nsystemd:\n  units:\n    - name: var-lib-containers.mount\n"
                        + "      enabled: false\n");
        assertThat(r.config().systemd().units()).hasSize(1);
        Config.Unit u = r.config().systemd().units().get(0);
        assertThat(u.enabled()).isFalse();
        assertThat(u.name()).isEqualTo("var-lib-containers.mount");
        assertThat(u.contents()).isEqualTo("""
                # Generated by Butane
                [Unit]
                Requires=systemd-fsck@dev-disk-by\\x2dlabel-foo.service
                After=systemd-fsck@dev-disk-by\\x2dlabel-foo.service

                [Mount]
                Where=/var/lib/containers
                What=/dev/disk/by-label/foo
                Type=ext4
                Options=ro,noatime

                [Install]
                RequiredBy=local-fs.target""");
    }

    static final String TANG = "  luks:\n    - name: foo-bar\n      device: /dev/bar\n      clevis:\n        tang:\n"
            + "          - url: http://example.com\n            thumbprint: z\n";

    @Test
    void translateMountUnit_remoteMountOnTangLuks() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/mapper/foo-bar\n"
                        + "      format: ext4\n      mount_options: [ro, noatime]\n      path: /var/lib/containers\n"
                        + "      with_mount_unit: true\n" + TANG);
        assertThat(unit(r))
                .contains(
                        "Requires=systemd-fsck@dev-mapper-foo\\x2dbar.service",
                        "Options=ro,noatime,_netdev\n",
                        "RequiredBy=remote-fs.target");
        ButaneResult noOptions = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/mapper/foo-bar\n"
                        + "      format: ext4\n      path: /var/lib/containers\n      with_mount_unit: true\n" + TANG);
        assertThat(unit(noOptions)).contains("Type=ext4\nOptions=_netdev\n\n[Install]\nRequiredBy=remote-fs.target");
    }

    @Test
    void translateMountUnit_localWithoutOptionsAndUserContents() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/disk/by-label/foo\n"
                        + "      format: ext4\n      path: /var/lib/containers\n      with_mount_unit: true\n");
        assertThat(unit(r)).endsWith("Type=ext4\n\n[Install]\nRequiredBy=local-fs.target");
        assertThat(r.config().systemd().units().get(0).enabled()).isTrue();
        ButaneResult user = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/disk/by-label/foo\n"
                        + "      format: ext4\n      path: /var/lib/containers\n      with_mount_unit: true\nsystemd:\n"
                        + "  units:\n    - name: var-lib-containers.mount\n      contents: \"[Service]\\nExecStart=/bin/false\\n\"\n");
        assertThat(unit(user)).isEqualTo("[Service]\nExecStart=/bin/false\n");
        assertThat(user.config().systemd().units().get(0).enabled()).isTrue();
    }

    @Test
    void translateMountUnit_swap() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/disk/by-label/foo\n"
                        + "      format: swap\n      with_mount_unit: true\n");
        assertThat(r.config().systemd().units().get(0).name()).isEqualTo("dev-disk-by\\x2dlabel-foo.swap");
        assertThat(unit(r))
                .isEqualTo("# Generated by Butane\n[Swap]\nWhat=/dev/disk/by-label/foo\n\n[Install]\n"
                        + "RequiredBy=swap.target");
        ButaneResult opts = Harness.fcos(
                "1.7.0",
                "storage:\n  filesystems:\n    - device: /dev/disk/by-label/foo\n"
                        + "      format: swap\n      mount_options: [pri=1, discard=pages]\n      with_mount_unit: true\n");
        assertThat(unit(opts))
                .isEqualTo("# Generated by Butane\n[Swap]\nWhat=/dev/disk/by-label/foo\n"
                        + "Options=pri=1,discard=pages\n\n[Install]\nRequiredBy=swap.target");
    }

    /** config/fcos/v1_7/translate_test.go TestTranslateBootDevice: x86_64 mirror with TPM2 LUKS. */
    @Test
    void translateBootDevice_x86MirrorWithLuks() {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "boot_device:\n  layout: x86_64\n  luks:\n    tpm2: true\n"
                        + "    discard: true\n  mirror:\n    devices: [/dev/vda, /dev/vdb]\n");
        Config.Storage s = r.config().storage();
        assertThat(s.disks()).extracting(Config.Disk::device).containsExactly("/dev/vda", "/dev/vdb");
        assertThat(s.disks().get(1).partitions())
                .extracting(Config.Partition::label, Config.Partition::sizeMiB, Config.Partition::typeGuid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bios-2", 1L, "21686148-6449-6E6F-744E-656564454649"),
                        org.assertj.core.groups.Tuple.tuple("esp-2", 127L, "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"),
                        org.assertj.core.groups.Tuple.tuple("boot-2", 384L, null),
                        org.assertj.core.groups.Tuple.tuple("root-2", null, null));
        assertThat(s.disks()).allMatch(d -> Boolean.TRUE.equals(d.wipeTable()));
        assertThat(s.raid())
                .extracting(Config.Raid::name, Config.Raid::level, Config.Raid::devices, Config.Raid::options)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "md-boot",
                                "raid1",
                                List.of("/dev/disk/by-partlabel/boot-1", "/dev/disk/by-partlabel/boot-2"),
                                List.of("--metadata=1.0")),
                        org.assertj.core.groups.Tuple.tuple(
                                "md-root",
                                "raid1",
                                List.of("/dev/disk/by-partlabel/root-1", "/dev/disk/by-partlabel/root-2"),
                                List.of()));
        assertThat(s.luks()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("root");
            assertThat(l.label()).isEqualTo("luks-root");
            assertThat(l.device()).isEqualTo("/dev/md/md-root");
            assertThat(l.clevis().tpm2()).isTrue();
            assertThat(l.discard()).isTrue();
            assertThat(l.wipeVolume()).isTrue();
        });
        assertThat(s.filesystems())
                .extracting(Config.Filesystem::device, Config.Filesystem::format, Config.Filesystem::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/dev/disk/by-partlabel/esp-1", "vfat", "esp-1"),
                        org.assertj.core.groups.Tuple.tuple("/dev/disk/by-partlabel/esp-2", "vfat", "esp-2"),
                        org.assertj.core.groups.Tuple.tuple("/dev/md/md-boot", "ext4", "boot"),
                        org.assertj.core.groups.Tuple.tuple("/dev/mapper/root", "xfs", "root"));
        assertThat(r.paths())
                .containsEntry(
                        JsonPath.parse("$.storage.luks[0].clevis.tpm2"), JsonPath.parse("$.boot_device.luks.tpm2"))
                .containsEntry(
                        JsonPath.parse("$.storage.disks[1].partitions[0].label"),
                        JsonPath.parse("$.boot_device.mirror.devices[1]"))
                .containsEntry(
                        JsonPath.parse("$.storage.luks[0].discard"), JsonPath.parse("$.boot_device.luks.discard"));
    }

    /** config/fcos/v1_7/translate_test.go TestTranslateBootDevice: layouts pick BIOS, PReP or reserved partitions. */
    @Test
    void translateBootDevice_layouts() {
        Config.Storage ppc = Harness.fcos(
                        "1.7.0", "boot_device:\n  layout: ppc64le\n  mirror:\n" + "    devices: [/dev/vda, /dev/vdb]\n")
                .config()
                .storage();
        assertThat(ppc.disks().get(0).partitions())
                .extracting(Config.Partition::label)
                .containsExactly("prep-1", "reserved-1", "boot-1", "root-1");
        assertThat(ppc.filesystems())
                .extracting(Config.Filesystem::device)
                .containsExactly("/dev/md/md-boot", "/dev/md/md-root");
        Config.Storage arm = Harness.fcos(
                        "1.7.0", "boot_device:\n  layout: aarch64\n  mirror:\n" + "    devices: [/dev/vda, /dev/vdb]\n")
                .config()
                .storage();
        assertThat(arm.disks().get(0).partitions())
                .extracting(Config.Partition::label)
                .containsExactly("reserved-1", "esp-1", "boot-1", "root-1");
        Config.Storage s390 = Harness.fcos(
                        "1.7.0",
                        "boot_device:\n  layout: s390x-eckd\n  luks:\n"
                                + "    device: /dev/dasda\n    tang:\n      - url: https://t\n        thumbprint: x\n")
                .config()
                .storage();
        assertThat(s390.luks().get(0).device()).isEqualTo("/dev/dasda2");
        assertThat(s390.luks().get(0).clevis().tang())
                .singleElement()
                .satisfies(t -> assertThat(t.url()).isEqualTo("https://t"));
        Config.Storage zfcp = Harness.fcos(
                        "1.7.0",
                        "boot_device:\n  layout: s390x-zfcp\n  luks:\n"
                                + "    device: /dev/sdb\n    cex:\n      enabled: true\n")
                .config()
                .storage();
        assertThat(zfcp.luks().get(0).device()).isEqualTo("/dev/sdb4");
        assertThat(zfcp.luks().get(0).cex().enabled()).isTrue();
    }

    /** config/fcos/v1_7/translate_test.go TestTranslateGrub. */
    @Test
    void translateGrub_userCfgAppendedOnTheBootFilesystem() throws Exception {
        ButaneResult r = Harness.fcos(
                "1.7.0",
                "grub:\n  users:\n    - name: root\n      password_hash: grub.pbkdf2.sha512.10000.874A\n"
                        + "    - name: user1\n      password_hash: grub.pbkdf2.sha512.10000.123B\n");
        Config.Storage s = r.config().storage();
        assertThat(s.filesystems()).singleElement().satisfies(f -> {
            assertThat(f.device()).isEqualTo("/dev/disk/by-label/boot");
            assertThat(f.format()).isEqualTo("ext4");
            assertThat(f.path()).isEqualTo("/boot");
        });
        Config.File f = s.files().get(0);
        assertThat(f.path()).isEqualTo("/boot/grub2/user.cfg");
        Config.Resource a = f.append().get(0);
        assertThat(new String(decode(a.source(), a.compression()), StandardCharsets.UTF_8))
                .isEqualTo(
                        "# Generated by Butane\n\nset superusers=\"root user1\"\npassword_pbkdf2 root grub.pbkdf2.sha512.10000.874A\n"
                                + "password_pbkdf2 user1 grub.pbkdf2.sha512.10000.123B\n");
    }

    /** config/fcos/v1_7/translate_test.go TestRootPartitionConstraints. */
    @Test
    void rootPartition_tooSmallAndConstrained() {
        ButaneResult small = Harness.fcos(
                "1.7.0",
                "storage:\n  disks:\n    - device: /dev/disk/by-id/coreos-boot-disk\n"
                        + "      partitions:\n        - label: root\n          number: 4\n          size_mib: 4096\n");
        Harness.hasEntry(
                small.report(),
                dev.coreos4j.problem.Severity.WARNING,
                "$.storage.disks.0.partitions.0.size_mib",
                "root should have 8GiB of space assigned");
        ButaneResult constrained = Harness.fcos(
                "1.7.0",
                "storage:\n  disks:\n"
                        + "    - device: /dev/disk/by-id/coreos-boot-disk\n      partitions:\n        - label: root\n"
                        + "          number: 4\n        - label: var\n          number: 5\n");
        Harness.hasEntry(
                constrained.report(),
                dev.coreos4j.problem.Severity.WARNING,
                "$.storage.disks.0.partitions.0.label",
                "root partition cannot expand; it is set to fill available "
                        + "space but is followed by an auto-positioned partition");
    }
}
