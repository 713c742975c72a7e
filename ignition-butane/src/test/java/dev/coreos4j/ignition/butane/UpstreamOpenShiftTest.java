package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** config/openshift/v4_22/translate_test.go and validate_test.go, re-expressed as documents. */
class UpstreamOpenShiftTest {

    static final String META = "metadata:\n  name: z\n  labels:\n    machineconfiguration.openshift.io/role: z\n";

    static ButaneResult ocp(String version, String body, ButaneOptions o) {
        return Harness.run("openshift", version, body, o);
    }

    static List<String> entries(Report r) {
        return r.entries().stream()
                .map(e -> e.severity().label() + " " + Report.dottedPath(e) + ": " + e.message())
                .toList();
    }

    /** translate_test.go TestValidateSupport cases 0 to 2: nothing reported. */
    @Test
    void validateSupport_acceptedConfigs() {
        assertThat(ocp("4.22.0", META, ButaneOptions.DEFAULT).report().entries())
                .isEmpty();
        assertThat(ocp(
                                "4.22.0",
                                META + "passwd:\n  users:\n    - name: core\n      password_hash: corned beef\n"
                                        + "      ssh_authorized_keys: [value]\n",
                                ButaneOptions.DEFAULT)
                        .report()
                        .entries())
                .isEmpty();
        assertThat(ocp(
                                "4.22.0",
                                META
                                        + "storage:\n  files:\n    - path: /f\n      contents:\n        source: data:,foo\n",
                                ButaneOptions.DEFAULT)
                        .report()
                        .entries())
                .isEmpty();
    }

    /** translate_test.go TestValidateSupport case 3, the checks on the desugared config ("code"). */
    @Test
    void validateSupport_codeChecks() {
        ButaneResult r = ocp(
                "4.22.0",
                META + "storage:\n  files:\n    - path: /f\n    - path: /h\n      contents:\n"
                        + "        source: https://example.com/\n      mode: 04755\n  filesystems:\n"
                        + "    - device: /dev/vda4\n      format: btrfs\n    - device: /dev/vda5\n      format: none\n"
                        + "passwd:\n  users:\n    - name: core\n    - name: bovik\n",
                ButaneOptions.DEFAULT);
        assertThat(entries(r.report()))
                .containsExactly(
                        "error $.storage.filesystems.0.format: btrfs is not supported in this spec version",
                        "error $.storage.filesystems.1.format: format \"none\" is not supported in this spec version",
                        "error $.storage.files.1.contents.source: file contents source must be data URL in this spec version",
                        "error $.storage.files.1.mode: special mode bits are not supported in this spec version",
                        "error $.passwd.users.1.name: users other than \"core\" are not supported in this spec version");
        assertThat(r.report().entries()).allMatch(e -> e.location().position() != null);
    }

    /** translate_test.go TestValidateSupport case 3, the field filters. */
    @Test
    void validateSupport_fieldFilters() {
        ButaneResult r = ocp(
                "4.22.0",
                META + "storage:\n  files:\n    - path: /f\n    - path: /g\n      append:\n"
                        + "        - inline: z\n    - path: /i\n      contents:\n        source: data:,z\n        http_headers:\n"
                        + "          - name: foo\n            value: bar\n  directories:\n    - path: /d\n  links:\n"
                        + "    - path: /l\n      target: /t\npasswd:\n  users:\n    - name: core\n      gecos: mercury delay line\n"
                        + "      groups: [z]\n      home_dir: /home/drum\n      no_create_home: true\n      no_log_init: true\n"
                        + "      no_user_group: true\n      password_hash: corned beef\n      primary_group: wheel\n"
                        + "      ssh_authorized_keys: [value]\n      shell: /bin/tcsh\n      should_exist: false\n"
                        + "      system: true\n      uid: 42\n  groups:\n    - name: mock\nkernel_arguments:\n"
                        + "  should_exist: [foo]\n  should_not_exist: [bar]\n",
                ButaneOptions.DEFAULT);
        String u = "error $.passwd.users.0.";
        String uf = ": fields other than \"name\", \"ssh_authorized_keys\", and \"password_hash\" (4.13.0+) are not "
                + "supported in this spec version";
        assertThat(entries(r.report()))
                .containsExactly(
                        "error $.kernel_arguments: this section cannot be used for kernel arguments in this spec version; use "
                                + "openshift.kernel_arguments instead",
                        "error $.passwd.groups: groups are not supported in this spec version",
                        u + "gecos" + uf,
                        u + "groups" + uf,
                        u + "home_dir" + uf,
                        u + "no_create_home" + uf,
                        u + "no_log_init" + uf,
                        u + "no_user_group" + uf,
                        u + "primary_group" + uf,
                        u + "shell" + uf,
                        u + "should_exist" + uf,
                        u + "system" + uf,
                        u + "uid" + uf,
                        "error $.storage.directories: directories are not supported in this spec version",
                        "error $.storage.files.1.append: appending to files is not supported in this spec version",
                        "error $.storage.files.2.contents.http_headers: file HTTP headers are not supported in this spec version",
                        "error $.storage.links: links are not supported in this spec version");
    }

    /** translate_test.go TestElidedFieldWarning. */
    @Test
    void elidedFieldWarning_rawMode() {
        ButaneResult r = ocp(
                "4.22.0",
                META + "openshift:\n  kernel_arguments: [a]\n  fips: true\n" + "  kernel_type: realtime\n",
                ButaneOptions.DEFAULT.withRaw(true));
        assertThat(entries(r.report()))
                .containsExactly(
                        "warning $.openshift.kernel_arguments: field ignored in raw mode",
                        "warning $.openshift.fips: field ignored in raw mode",
                        "warning $.openshift.kernel_type: field ignored in raw mode");
        assertThat(new String(r.output(), StandardCharsets.UTF_8)).isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"}}");
    }

    /** validate_test.go TestValidateMetadata and TestValidateOpenShift. */
    @Test
    void validateMetadataAndOpenShift() {
        assertThat(entries(ocp(
                                "4.22.0",
                                "metadata:\n  labels:\n    machineconfiguration.openshift.io/role: z\n",
                                ButaneOptions.DEFAULT)
                        .report()))
                .containsExactly("error $.metadata.name: metadata.name is required");
        assertThat(entries(ocp("4.22.0", "metadata:\n  name: n\n", ButaneOptions.DEFAULT)
                        .report()))
                .containsExactly("error $.metadata.labels: machineconfiguration.openshift.io/role label is required");
        for (String ok : List.of("", "default", "realtime")) {
            assertThat(ocp("4.22.0", META + "openshift:\n  kernel_type: '" + ok + "'\n", ButaneOptions.DEFAULT)
                            .report()
                            .entries())
                    .isEmpty();
        }
        assertThat(entries(ocp("4.22.0", META + "openshift:\n  kernel_type: hurd\n", ButaneOptions.DEFAULT)
                        .report()))
                .containsExactly("error $.openshift.kernel_type: must be empty, \"default\", or \"realtime\"");
    }

    /** validate_test.go TestValidateConfig: CEX needs its kernel argument. */
    @Test
    void validateConfig_cexNeedsKernelArgument() {
        String bd =
                "boot_device:\n  layout: s390x-eckd\n  luks:\n    device: /dev/dasda\n    cex:\n      enabled: true\n";
        Harness.hasEntry(
                ocp("4.22.0", META + bd, ButaneOptions.DEFAULT).report(),
                Severity.ERROR,
                "$.openshift.kernel_arguments",
                "'rd.luks.key=/etc/luks/cex.key' must be set as kernel argument when "
                        + "CEX is enabled for the boot device");
        assertThat(ocp(
                                "4.22.0",
                                META + bd + "openshift:\n  kernel_arguments: [rd.luks.key=/etc/luks/cex.key]\n",
                                ButaneOptions.DEFAULT)
                        .isValid())
                .isTrue();
    }

    /** v4_19 translate: FIPS adds the LUKS cipher (up to 4.19), 4.20+ do not; 4.8 forbids compression. */
    @Test
    void fipsCipherAndOldCompression() {
        String luks = META + "openshift:\n  fips: true\nboot_device:\n  luks:\n    tpm2: true\n";
        assertThat(ocp("4.19.0", luks, ButaneOptions.DEFAULT)
                        .config()
                        .storage()
                        .luks()
                        .get(0)
                        .options())
                .containsExactly("--cipher", "aes-cbc-essiv:sha256");
        assertThat(ocp("4.20.0", luks, ButaneOptions.DEFAULT)
                        .config()
                        .storage()
                        .luks()
                        .get(0)
                        .options())
                .isEmpty();
        ButaneResult old = ocp(
                "4.8.0",
                META + "storage:\n  files:\n    - path: /f\n      contents:\n        inline: " + "z".repeat(200) + "\n",
                ButaneOptions.DEFAULT);
        assertThat(old.config().storage().files().get(0).contents().compression())
                .isEqualTo("");
        assertThat(entries(ocp(
                                "4.8.0",
                                META + "storage:\n  files:\n    - path: /f\n      contents:\n"
                                        + "        source: data:,z\n        compression: gzip\n",
                                ButaneOptions.DEFAULT)
                        .report()))
                .contains("error $.storage.files.0.contents.compression: file compression is not supported in this "
                        + "spec version");
        ButaneResult mc = ocp("4.16.0", META, ButaneOptions.DEFAULT);
        assertThat(mc.machineConfig().name()).isEqualTo("z");
        assertThat(mc.machineConfig().config().ignition().version()).isEqualTo("3.4.0");
        assertThat(mc.paths())
                .containsEntry(JsonPath.parse("$.spec.config.ignition.version"), JsonPath.parse("$.version"))
                .containsEntry(JsonPath.parse("$.metadata.name"), JsonPath.parse("$.metadata.name"));
    }
}
