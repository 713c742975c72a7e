package dev.coreos4j.cli.admin;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.deploy.Sysroot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {

    @TempDir
    Path tmp;

    Path sr;
    String c1;
    String c2;

    private CliRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "admin";
        all[1] = "--sysroot=" + sr;
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    private static Path tree(Path dir, String kernel, String conf) throws IOException {
        Files.createDirectories(dir.resolve("usr/lib/modules/6.1.0"));
        Files.writeString(dir.resolve("usr/lib/modules/6.1.0/vmlinuz"), kernel);
        Files.writeString(dir.resolve("usr/lib/modules/6.1.0/initramfs.img"), "initrd " + kernel);
        Files.createDirectories(dir.resolve("usr/etc"));
        Files.writeString(dir.resolve("usr/etc/os-release"), "PRETTY_NAME=\"Test OS\"\n");
        Files.writeString(dir.resolve("usr/etc/app.conf"), conf);
        return dir;
    }

    @BeforeEach
    void setUp() throws IOException {
        sr = tmp.resolve("sr");
        assertThat(run("admin", "init-fs", "--modern", sr.toString()).exit()).isZero();
        var repo = Sysroot.open(sr).repository();
        c1 = repo.commit(
                        tree(tmp.resolve("t1"), "k1", "one\n"),
                        "os/stable",
                        "one",
                        "1.0",
                        Instant.ofEpochSecond(1_700_000_000L))
                .hex();
        c2 = repo.commit(
                        tree(tmp.resolve("t2"), "k2", "two\n"),
                        "os/stable",
                        "two",
                        "2.0",
                        Instant.ofEpochSecond(1_700_100_000L))
                .hex();
    }

    @Test
    void lifecycle_deployStageFinalizeRollbackStatus() {
        assertThat(admin("os-init", "os").exit()).isZero();
        CliRun d = admin("deploy", "--os=os", "--karg=root=LABEL=root", c1);
        assertThat(d.exit()).as(d.err()).isZero();
        assertThat(admin("boot", "0").exit()).isZero();
        CliRun s = admin("stage", "os/stable");
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(s.out()).startsWith("Staged os-" + c2 + ".0");
        CliRun st = admin("status");
        assertThat(st.out()).contains("Staged: yes", "● " + c1, "Version: 1.0 (2023-11-14T22:13:20Z)");
        CliRun f = admin("finalize");
        assertThat(f.exit()).as(f.err()).isZero();
        assertThat(admin("boot").exit()).isZero();
        CliRun json = admin("status", "--json");
        assertThat(json.out())
                .contains("\"checksum\" : \"" + c2 + "\"", "\"booted\" : true", "\"kargs\" : \"root=LABEL=root\"");
        CliRun r = admin("rollback");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(admin("status", "--json").out().indexOf(c1))
                .isLessThan(admin("status", "--json").out().indexOf(c2));
        assertThat(admin("pin", "1").out()).contains("Deployment 1 is now pinned");
        assertThat(admin("kargs", "--append=quiet").exit()).isZero();
        assertThat(admin("kargs").out().strip()).isEqualTo("root=LABEL=root");
        CliRun inPlace = admin("kargs", "--edit-in-place", "--append-if-missing=foo=bar");
        assertThat(inPlace.exit()).as(inPlace.err()).isZero();
        assertThat(admin("kargs").out().strip()).isEqualTo("root=LABEL=root foo=bar");
        assertThat(admin("config-diff").exit()).isZero();
        assertThat(admin("cleanup", "-r").exit()).isZero();
    }

    @Test
    void refusals_exitOneWithReason() {
        admin("os-init", "os");
        CliRun unknown = admin("deploy", "--os=nope", c1);
        assertThat(unknown.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(unknown.err()).startsWith("coreos4j: unknown-stateroot: ").contains("nope");
        assertThat(admin("deploy", "--os=os", "no/such/ref").err()).contains("missing-commit");
        admin("deploy", "--os=os", c1);
        CliRun stage = admin("stage", "--os=os", c2);
        assertThat(stage.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(stage.err()).contains("Not currently booted");
        admin("boot", "0");
        assertThat(admin("undeploy", "0").err()).contains("Cannot undeploy currently booted deployment 0");
        assertThat(admin("undeploy", "9").exit()).isEqualTo(ExitCode.INVALID);
        assertThat(admin("finalize").err()).contains("not-staged");
        assertThat(admin("stage", c2).exit()).isZero();
        assertThat(admin("stage", c2).err()).contains("already-staged");
        assertThat(admin("rollback").err()).contains("staged-pending");
        assertThat(admin("kargs", "--delete=nope").err()).contains("invalid-kargs");
        for (CliRun r : new CliRun[] {unknown, stage}) {
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void usageAndIoErrors_exitTwo() {
        assertThat(admin("undeploy").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(admin("pin", "notanumber").exit()).isEqualTo(ExitCode.USAGE);
        CliRun missing = run("admin", "--sysroot=" + tmp.resolve("nothing"), "status");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).doesNotContain("Exception", "\tat ");
        assertThat(admin("os-init", "bad/name").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("admin", "--help").out()).contains("init-fs", "finalize", "config-diff", "set-default");
    }
}
