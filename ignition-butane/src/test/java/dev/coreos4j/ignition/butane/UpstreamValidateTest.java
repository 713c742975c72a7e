package dev.coreos4j.ignition.butane;

import static dev.coreos4j.ignition.butane.Harness.hasEntry;
import static dev.coreos4j.ignition.butane.Harness.hasNone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's validation tables, re-expressed as Butane documents run through the whole translation. Each case
 * names the upstream file and test function it comes from. Where upstream calls one type's {@code Validate}, we
 * embed the value in a document at the path given and look for the same entry there (or for the absence of that
 * validator's messages).
 */
class UpstreamValidateTest {

    private static final String TOO_MANY = "only one of the following can be set: inline, local, source";
    private static final String DECIMAL =
            "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero";
    private static final String NO_FORMAT = "format is required if with_mount_unit is true";
    private static final String NO_PATH = "path is required if with_mount_unit is true and format is not swap";
    private static final String SYSTEMD_SOURCES = "only one of the following can be set: contents, contents_local";

    record Case(String source, String yaml, Severity severity, String path, String message, List<String> watch) {}

    static Case err(String source, String yaml, String path, String message) {
        return new Case(source, yaml, Severity.ERROR, path, message, List.of(message));
    }

    static Case warn(String source, String yaml, String path, String message) {
        return new Case(source, yaml, Severity.WARNING, path, message, List.of(message));
    }

    static Case ok(String source, String yaml, String... watch) {
        return new Case(source, yaml, null, null, null, List.of(watch));
    }

    /** base/v0_N/validate_test.go, run against every fcos version whose base has the fields. */
    static List<Case> base() {
        String b = "base/v0_7/validate_test.go ";
        String res = "storage:\n  files:\n    - path: /f\n      contents:\n";
        List<Case> c = new ArrayList<>();
        c.add(ok(b + "TestValidateResource#0", res + "        {}\n", TOO_MANY));
        c.add(ok(
                b + "TestValidateResource#1",
                res + "        source: http://example/com\n        compression: gzip\n"
                        + "        verification:\n          hash: this isn't validated\n",
                TOO_MANY));
        c.add(ok(b + "TestValidateResource#2", res + "        inline: hello\n        compression: gzip\n", TOO_MANY));
        c.add(ok(b + "TestValidateResource#3", res + "        local: hello\n        compression: gzip\n", TOO_MANY));
        c.add(err(
                b + "TestValidateResource#4",
                res + "        source: data:,hello\n        inline: hello\n",
                "$.storage.files.0.contents.source",
                TOO_MANY));
        c.add(err(
                b + "TestValidateResource#5",
                res + "        source: data:,hello\n        local: hello\n",
                "$.storage.files.0.contents.source",
                TOO_MANY));
        c.add(err(
                b + "TestValidateResource#6",
                res + "        inline: hello\n        local: hello\n",
                "$.storage.files.0.contents.inline",
                TOO_MANY));
        c.add(err(
                b + "TestValidateResource#7",
                res + "        source: data:,hello\n        inline: hello\n" + "        local: hello\n",
                "$.storage.files.0.contents.source",
                TOO_MANY));
        c.add(err(
                b + "TestValidateTree#0", "storage:\n  trees:\n    - {}\n", "$.storage.trees.0", "local is required"));
        c.add(ok(b + "TestValidateFileMode#0", "storage:\n  files:\n    - path: /f\n", DECIMAL));
        c.add(ok(b + "TestValidateFileMode#1", "storage:\n  files:\n    - path: /f\n      mode: 0600\n", DECIMAL));
        c.add(warn(
                b + "TestValidateFileMode#2",
                "storage:\n  files:\n    - path: /f\n      mode: 600\n",
                "$.storage.files.0.mode",
                DECIMAL));
        c.add(ok(b + "TestValidateDirMode#0", "storage:\n  directories:\n    - path: /d\n", DECIMAL));
        c.add(ok(
                b + "TestValidateDirMode#1", "storage:\n  directories:\n    - path: /d\n      mode: 01770\n", DECIMAL));
        c.add(warn(
                b + "TestValidateDirMode#2",
                "storage:\n  directories:\n    - path: /d\n      mode: 1770\n",
                "$.storage.directories.0.mode",
                DECIMAL));
        String fs = "storage:\n  filesystems:\n    - ";
        c.add(ok(b + "TestValidateFilesystem#0", fs + "{}\n", NO_FORMAT, NO_PATH));
        c.add(ok(b + "TestValidateFilesystem#1", fs + "device: /dev/foo\n", NO_FORMAT, NO_PATH));
        c.add(ok(
                b + "TestValidateFilesystem#2",
                fs + "device: /dev/foo\n      format: zzz\n      path: /z\n" + "      with_mount_unit: true\n",
                NO_FORMAT,
                NO_PATH));
        c.add(ok(
                b + "TestValidateFilesystem#3",
                fs + "device: /dev/foo\n      format: swap\n" + "      with_mount_unit: true\n",
                NO_FORMAT,
                NO_PATH));
        c.add(err(
                b + "TestValidateFilesystem#4",
                fs + "device: /dev/foo\n      with_mount_unit: true\n",
                "$.storage.filesystems.0.format",
                NO_FORMAT));
        c.add(err(
                b + "TestValidateFilesystem#5",
                fs + "device: /dev/foo\n      format: zzz\n" + "      with_mount_unit: true\n",
                "$.storage.filesystems.0.path",
                NO_PATH));
        String unit = "systemd:\n  units:\n    - name: a.service\n";
        c.add(ok(b + "TestValidateUnit#0", unit, SYSTEMD_SOURCES));
        c.add(ok(b + "TestValidateUnit#1", unit + "      contents: hello\n", SYSTEMD_SOURCES));
        c.add(ok(b + "TestValidateUnit#2", unit + "      contents_local: hello\n", SYSTEMD_SOURCES));
        c.add(err(
                b + "TestValidateUnit#3",
                unit + "      contents: hello\n      contents_local: hello, too\n",
                "$.systemd.units.0.contents_local",
                SYSTEMD_SOURCES));
        String dropin = unit + "      dropins:\n        - name: a.conf\n";
        c.add(ok(b + "TestValidateDropin#0", dropin, SYSTEMD_SOURCES));
        c.add(ok(b + "TestValidateDropin#1", dropin + "          contents: hello\n", SYSTEMD_SOURCES));
        c.add(ok(b + "TestValidateDropin#2", dropin + "          contents_local: hello\n", SYSTEMD_SOURCES));
        c.add(err(
                b + "TestValidateDropin#3",
                dropin + "          contents: hello\n" + "          contents_local: hello, too\n",
                "$.systemd.units.0.dropins.0.contents_local",
                SYSTEMD_SOURCES));
        c.add(warn(
                b + "TestUnkownIgnitionVersion",
                "ignition:\n  config:\n    merge:\n" + "      - inline: '{\"ignition\": {\"version\": \"10.0.0\"}}'\n",
                "$.ignition.config.merge.0.version",
                "skipping validation for the merge/replace ignition config due to an unkown version"));
        return c;
    }

    /** config/fcos/v1_7/validate_test.go. */
    static List<Case> fcos() {
        String f = "config/fcos/v1_7/validate_test.go ";
        List<Case> c = new ArrayList<>();
        String bd = "boot_device:\n";
        String cexWithClevis = "cannot use cex with clevis";
        String arch = "when using cex the targeted architecture must match s390x";
        List<String> all = List.of(
                cexWithClevis,
                arch,
                "mirroring requires at least two devices",
                "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64",
                "device is required for layouts: s390x-eckd, s390x-zfcp",
                "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt",
                "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout",
                "boot_device.layout should be specified when boot_device.mirror is specified");
        c.add(ok(f + "TestValidateBootDevice#0", "boot_device: {}\n", all.toArray(String[]::new)));
        c.add(ok(
                f + "TestValidateBootDevice#1",
                bd + "  layout: x86_64\n  luks:\n    tang:\n"
                        + "      - url: https://example.com/\n        thumbprint: x\n    threshold: 2\n    tpm2: true\n"
                        + "  mirror:\n    devices: [/dev/vda, /dev/vdb]\n",
                all.toArray(String[]::new)));
        c.add(ok(
                f + "TestValidateBootDevice#2",
                bd + "  layout: s390x-eckd\n  luks:\n    device: /dev/dasda\n" + "    cex:\n      enabled: true\n",
                all.toArray(String[]::new)));
        c.add(err(
                f + "TestValidateBootDevice#3",
                bd + "  layout: s390x-eckd\n  luks:\n    device: /dev/dasda\n"
                        + "    cex:\n      enabled: true\n    tang:\n      - url: https://example.com/\n        thumbprint: x\n",
                "$.boot_device.luks",
                cexWithClevis));
        c.add(err(
                f + "TestValidateBootDevice#4",
                bd + "  layout: s390x-eckd\n  luks:\n    device: /dev/dasda\n"
                        + "    cex:\n      enabled: true\n    tpm2: true\n",
                "$.boot_device.luks",
                cexWithClevis));
        c.add(err(
                f + "TestValidateBootDevice#5",
                bd + "  layout: x86_64\n  luks:\n    device: /dev/sda\n" + "    cex:\n      enabled: true\n",
                "$.boot_device.layout",
                arch));
        c.add(err(
                f + "TestValidateBootDevice#6",
                bd + "  luks:\n    device: /dev/sda\n    cex:\n      enabled: true\n",
                "$.boot_device.luks.cex",
                arch));
        c.add(err(
                f + "TestValidateBootDevice#7",
                bd + "  layout: sparc\n",
                "$.boot_device.layout",
                "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64"));
        c.add(err(
                f + "TestValidateBootDevice#8",
                bd + "  layout: x86_64\n  mirror:\n    devices: [/dev/vda]\n",
                "$.boot_device.mirror.devices",
                "mirroring requires at least two devices"));
        c.add(err(
                f + "TestValidateBootDevice#9",
                bd + "  layout: s390x-eckd\n",
                "$.boot_device.layout",
                "device is required for layouts: s390x-eckd, s390x-zfcp"));
        c.add(err(
                f + "TestValidateBootDevice#10",
                bd + "  layout: s390x-zfcp\n  luks:\n    device: /dev/sda\n"
                        + "    tpm2: true\n  mirror:\n    devices: [/dev/sda, /dev/sdb]\n",
                "$.boot_device.layout",
                "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt"));
        c.add(err(
                f + "TestValidateBootDevice#11",
                bd + "  layout: s390x-eckd\n  luks:\n    device: /dev/sda\n" + "    tpm2: true\n",
                "$.boot_device.layout",
                "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout"));
        c.add(err(
                f + "TestValidateBootDevice#12",
                bd + "  layout: s390x-eckd\n  luks:\n    device: /dev/dasd\n" + "    tpm2: true\n",
                "$.boot_device.layout",
                "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout"));
        c.add(ok(
                f + "TestValidateBootDevice#13",
                bd + "  layout: aarch64\n  mirror:\n    devices: [/dev/vda, /dev/vdb]\n",
                all.toArray(String[]::new)));
        c.add(err(
                f + "TestValidateBootDevice#14",
                bd + "  mirror:\n    devices: [/dev/vda, /dev/vdb]\n",
                "$.boot_device.mirror",
                "boot_device.layout should be specified when boot_device.mirror is specified"));
        String grub = "grub:\n  users:\n    - ";
        c.add(ok(
                f + "TestValidateGrubUser#0",
                grub + "name: name\n      password_hash: pkcs5-pass\n",
                "field \"name\" is required",
                "field \"password_hash\" is required"));
        c.add(err(
                f + "TestValidateGrubUser#1",
                grub + "name: ''\n      password_hash: pkcs5-pass\n",
                "$.grub.users.0.name",
                "field \"name\" is required"));
        c.add(err(
                f + "TestValidateGrubUser#2",
                grub + "name: name\n",
                "$.grub.users.0.password_hash",
                "field \"password_hash\" is required"));
        String forbidden = "path must be under /etc or /var if with_mount_unit is true";
        c.add(ok(
                f + "TestValidateMountPoints#0",
                "storage:\n  filesystems:\n"
                        + "    - {path: /etc/foo, with_mount_unit: true}\n    - {path: /var, with_mount_unit: true}\n"
                        + "    - {path: /invalid/path, with_mount_unit: false}\n    - {with_mount_unit: true}\n"
                        + "    - {path: null, with_mount_unit: true}\n",
                forbidden));
        for (String[] p : new String[][] {
            {"1", "/"}, {"2", "/boot"}, {"3", "/thisIsABugTest"}, {"4", "/varnish"}, {"5", "/foo/var"}
        }) {
            c.add(err(
                    f + "TestValidateMountPoints#" + p[0],
                    "storage:\n  filesystems:\n    - path: " + p[1] + "\n      with_mount_unit: true\n",
                    "$.storage.filesystems.0.path",
                    forbidden));
        }
        String reuse = "partitions cannot be reused by label; number must be specified except on boot disk "
                + "(/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true";
        c.add(ok(
                f + "TestValidateConfig#0",
                "storage:\n  disks:\n    - device: /dev/vda\n      wipe_table: true\n"
                        + "      partitions:\n        - label: foo\n",
                reuse));
        c.add(ok(
                f + "TestValidateConfig#1",
                "storage:\n  disks:\n    - device: /dev/disk/by-id/coreos-boot-disk\n"
                        + "      wipe_table: false\n      partitions:\n        - label: bar\n",
                reuse));
        c.add(ok(
                f + "TestValidateConfig#2",
                "storage:\n  disks:\n    - device: /dev/sda\n      partitions:\n"
                        + "        - label: root-1\nboot_device:\n  mirror:\n    devices: [/dev/sda, /dev/sdb]\n",
                reuse));
        c.add(warn(
                f + "TestValidateConfig#3",
                "storage:\n  disks:\n    - device: /dev/vda\n      partitions:\n" + "        - label: foo\n",
                "$.storage.disks.0.partitions.0.number",
                reuse));
        c.add(warn(
                f + "TestValidateConfig#4",
                "storage:\n  disks:\n    - device: /dev/vda\n      wipe_table: false\n"
                        + "      partitions:\n        - label: foo\n        - label: bar\n          number: 2\n",
                "$.storage.disks.0.partitions.0.number",
                reuse));
        return c;
    }

    static FilesDir files() {
        return FilesDir.inMemory(Map.of("hello", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    static DynamicTest test(Case c, String version) {
        return DynamicTest.dynamicTest(c.source() + " [fcos " + version + "]", () -> {
            ButaneResult r = Harness.run("fcos", version, c.yaml(), ButaneOptions.DEFAULT.withFilesDir(files()));
            if (c.message() == null) {
                hasNone(r.report(), c.watch());
            } else {
                hasEntry(r.report(), c.severity(), c.path(), c.message());
                assertThat(r.report().entries())
                        .filteredOn(e -> e.message().equals(c.message()))
                        .allMatch(e -> e.location().position() != null);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> baseValidateTables() {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : base()) {
            for (String v : List.of("1.4.0", "1.5.0", "1.6.0", "1.7.0", "1.8.0-experimental")) {
                boolean needsLocal = c.yaml().contains("_local") || c.yaml().contains("local:");
                if (needsLocal && v.equals("1.4.0") && c.yaml().contains("contents_local")) {
                    continue;
                }
                out.add(test(c, v));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> fcosValidateTables() {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : fcos()) {
            for (String v : List.of("1.6.0", "1.7.0", "1.8.0-experimental")) {
                out.add(test(c, v));
            }
        }
        return out.stream();
    }

    /** config/fcos/v1_7/validate_test.go TestReportCorrelation: one entry, on upstream's line. */
    @TestFactory
    Stream<DynamicTest> reportCorrelation() {
        Object[][] cases = {
            {"storage:\n  files:\n  - path: /z\n    q: z", "unused key q", 4},
            {
                "storage:\n  files:\n  - path: /z\n    contents:\n      source: https://example.com\n      inline: z",
                TOO_MANY,
                5
            },
            {"storage:\n  files:\n  - path: /z\n    mode: 444", DECIMAL, 4},
            {
                "storage:\n  files:\n  - path: /z\n    contents:\n      local: z",
                "local file paths are relative to a files directory that must be specified with -d/--files-dir",
                5
            },
            {"storage:\n  files:\n  - path: z", "path not absolute", 3},
            {
                "storage:\n  disks:\n  - device: /dev/z\n    wipe_table: true\n    partitions:\n      - start_mib: 5",
                "a partition number >= 1 or a label must be specified",
                6
            },
            {
                "storage:\n  disks:\n  - device: /dev/z\n    wipe_table: true\n    partitions:\n      - number: 1\n"
                        + "        should_exist: false\n      - label: z",
                "shouldExist is false for a partition and other partition(s) has start or size 0",
                6
            },
            {"storage:\n  files:\n  - path: /z\n  - path: /z", "duplicate entry defined", 4},
        };
        List<DynamicTest> out = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            out.add(DynamicTest.dynamicTest("config/fcos/v1_7/validate_test.go TestReportCorrelation#" + i, () -> {
                ButaneResult r = Harness.fcos("1.7.0", (String) c[0]);
                assertThat(r.report().entries()).as(r.report().toString()).hasSize(1);
                assertThat(r.report().entries().get(0).message()).isEqualTo(c[1]);
                assertThat(Harness.line(r.report().entries().get(0))).isEqualTo(c[2]);
            }));
        }
        return out.stream();
    }
}
