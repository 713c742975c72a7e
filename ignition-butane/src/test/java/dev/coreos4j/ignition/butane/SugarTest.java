package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees and the *_local sugar, after base/v0_7/translate_test.go TestTranslateTree, TestTranslateSSHAuthorizedKey
 * and TestTranslateUnitLocal.
 */
class SugarTest {

    @TempDir
    Path dir;

    @Test
    void trees_filesModesLinksAndOverrides() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/subdir"));
        Files.writeString(dir.resolve("tree/file"), "tree/file");
        Files.writeString(dir.resolve("tree/executable"), "tree/executable");
        Files.setPosixFilePermissions(dir.resolve("tree/executable"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("tree/overridden"), "tree/overridden");
        Files.writeString(tree.resolve("file"), "tree/subdir/file");
        Files.createSymbolicLink(dir.resolve("tree/link"), Path.of("file"));
        ButaneResult r = Harness.run(
                "fcos",
                "1.7.0",
                "storage:\n  files:\n    - path: /etc/overridden\n"
                        + "      mode: 0600\n  trees:\n    - local: tree\n      path: /etc\n",
                ButaneOptions.DEFAULT.withFilesDir(FilesDir.of(dir)));
        assertThat(r.isValid()).as(r.report().toString()).isTrue();
        Map<String, Config.File> files = new java.util.HashMap<>();
        r.config().storage().files().forEach(f -> files.put(f.path(), f));
        assertThat(files.keySet())
                .containsExactlyInAnyOrder("/etc/overridden", "/etc/executable", "/etc/file", "/etc/subdir/file");
        assertThat(files.get("/etc/overridden").mode()).isEqualTo(0600L);
        assertThat(files.get("/etc/overridden").contents().source()).isEqualTo("data:,tree%2Foverridden");
        assertThat(files.get("/etc/executable").mode()).isEqualTo(0755L);
        assertThat(files.get("/etc/file").mode()).isEqualTo(0644L);
        assertThat(files.get("/etc/subdir/file").contents().source()).isEqualTo("data:,tree%2Fsubdir%2Ffile");
        assertThat(r.config().storage().links()).singleElement().satisfies(l -> {
            assertThat(l.path()).isEqualTo("/etc/link");
            assertThat(l.target()).isEqualTo("file");
        });
        assertThat(r.config().storage().directories()).isEmpty();
        assertThat(r.paths())
                .containsEntry(
                        JsonPath.parse("$.storage.files[1].contents.source"), JsonPath.parse("$.storage.trees[0]"));
    }

    @Test
    void trees_customOwnersAndModesMakeDirectories_conflictsRefused() {
        FilesDir mem = FilesDir.inMemory(
                Map.of("t/a", "a".getBytes(StandardCharsets.UTF_8), "t/d/b", "b".getBytes(StandardCharsets.UTF_8)));
        ButaneResult r = Harness.run(
                "fcos",
                "1.7.0",
                "storage:\n  trees:\n    - local: t\n      path: /opt\n"
                        + "      file_mode: 0640\n      dir_mode: 0750\n      user:\n        name: core\n",
                ButaneOptions.DEFAULT.withFilesDir(mem));
        assertThat(r.config().storage().directories())
                .extracting(Config.Directory::path, Config.Directory::mode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/opt", 0750L),
                        org.assertj.core.groups.Tuple.tuple("/opt/d", 0750L));
        assertThat(r.config().storage().files())
                .allMatch(f -> f.mode() == 0640L && "core".equals(f.user().name()));
        ButaneResult clash = Harness.run(
                "fcos",
                "1.7.0",
                "storage:\n  links:\n    - path: /opt/a\n      target: x\n"
                        + "  trees:\n    - local: t\n      path: /opt\n",
                ButaneOptions.DEFAULT.withFilesDir(mem));
        Harness.hasEntry(
                clash.report(),
                dev.coreos4j.problem.Severity.ERROR,
                "$.storage.trees.0",
                "matching filesystem node has existing contents or different type");
        ButaneResult notDir = Harness.run(
                "fcos", "1.7.0", "storage:\n  trees:\n    - local: t/a\n", ButaneOptions.DEFAULT.withFilesDir(mem));
        Harness.hasEntry(
                notDir.report(),
                dev.coreos4j.problem.Severity.ERROR,
                "$.storage.trees.0",
                "root of tree must be a directory");
        ButaneResult escape = Harness.run(
                "fcos", "1.7.0", "storage:\n  trees:\n    - local: ../t\n", ButaneOptions.DEFAULT.withFilesDir(mem));
        Harness.hasEntry(
                escape.report(),
                dev.coreos4j.problem.Severity.ERROR,
                "$.storage.trees.0",
                "local file path traverses outside the files directory");
    }

    @Test
    void sshKeysLocal_andContentsLocal() {
        FilesDir mem = FilesDir.inMemory(Map.of(
                "id_rsa.pub",
                "ssh-rsa AAAA\r\n\nssh-ed25519 BBBB\n".getBytes(StandardCharsets.UTF_8),
                "unit",
                "[Service]\n".getBytes(StandardCharsets.UTF_8)));
        ButaneResult r = Harness.run(
                "fcos",
                "1.7.0",
                "passwd:\n  users:\n    - name: core\n"
                        + "      ssh_authorized_keys: [ssh-x CCCC]\n      ssh_authorized_keys_local: [id_rsa.pub]\n"
                        + "systemd:\n  units:\n    - name: a.service\n      contents_local: unit\n      dropins:\n"
                        + "        - name: a.conf\n          contents_local: unit\n",
                ButaneOptions.DEFAULT.withFilesDir(mem));
        assertThat(r.config().passwd().users().get(0).sshAuthorizedKeys())
                .containsExactly("ssh-x CCCC", "ssh-rsa AAAA", "ssh-ed25519 BBBB");
        assertThat(r.paths())
                .containsEntry(
                        JsonPath.parse("$.passwd.users[0].sshAuthorizedKeys[1]"),
                        JsonPath.parse("$.passwd.users[0].ssh_authorized_keys_local[0]"));
        assertThat(r.config().systemd().units().get(0).contents()).isEqualTo("[Service]\n");
        assertThat(r.config().systemd().units().get(0).dropins().get(0).contents())
                .isEqualTo("[Service]\n");
        ButaneResult none = Harness.fcos(
                "1.7.0", "passwd:\n  users:\n    - name: core\n" + "      ssh_authorized_keys_local: [id_rsa.pub]\n");
        Harness.hasEntry(
                none.report(),
                dev.coreos4j.problem.Severity.ERROR,
                "$.passwd.users.0.ssh_authorized_keys_local",
                "local file paths are relative to a files directory that must be specified with -d/--files-dir");
        ButaneResult missing = Harness.run(
                "fcos",
                "1.7.0",
                "systemd:\n  units:\n    - name: a.service\n" + "      contents_local: nope\n",
                ButaneOptions.DEFAULT.withFilesDir(mem));
        Harness.hasEntry(
                missing.report(),
                dev.coreos4j.problem.Severity.ERROR,
                "$.systemd.units.0.contents_local",
                "open nope: no such file or directory");
    }
}
