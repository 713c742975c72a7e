package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysrootTest {

    @TempDir
    Path tmp;

    Sysroot sysroot;
    Checksum c1;
    Checksum c2;
    Checksum c3;

    @BeforeEach
    void setUp() throws IOException {
        sysroot = Sysroot.initFs(tmp.resolve("sr"));
        SystemRepository repo = sysroot.repository();
        c1 = repo.commit(
                OsTrees.tree(tmp.resolve("t1"), "6.1.0", "kernel-1", Map.of("app.conf", "v1\n", "hostname", "host\n")),
                "testos/stable",
                "one",
                "1.0",
                Instant.parse("2024-01-01T00:00:00Z"));
        c2 = repo.commit(
                OsTrees.tree(
                        tmp.resolve("t2"),
                        "6.1.0",
                        "kernel-1",
                        Map.of("app.conf", "v2\n", "hostname", "host2\n", "new.conf", "new\n")),
                "testos/stable",
                "two",
                "2.0",
                Instant.parse("2024-02-01T00:00:00Z"));
        c3 = repo.commit(
                OsTrees.tree(tmp.resolve("t3"), "6.2.0", "kernel-2", Map.of("app.conf", "v3\n")),
                "testos/next",
                "three",
                "3.0",
                Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(sysroot.osInit("testos").isApplied()).isTrue();
    }

    private Path root() {
        return sysroot.path();
    }

    private String read(String rel) throws IOException {
        return Files.readString(root().resolve(rel), StandardCharsets.UTF_8);
    }

    @Test
    void writingDeployments_bumpsTheMtimeOfOstreeDeploy_asLibostree() throws IOException {
        Path deploy = root().resolve("ostree/deploy");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(0);
        Files.setLastModifiedTime(deploy, old);
        assertThat(sysroot.deploy("testos", c1.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        assertThat(Files.getLastModifiedTime(deploy)).isGreaterThan(old);
        Files.setLastModifiedTime(deploy, old);
        assertThat(sysroot.pin(0, true).isApplied()).isTrue();
        assertThat(Files.getLastModifiedTime(deploy))
                .as("pin writes deployments too")
                .isGreaterThan(old);
    }

    @Test
    void blsTitle_doesNotDoubleAVersionPrettyNameCarries() throws IOException {
        Checksum c = sysroot.repository()
                .commit(
                        OsTrees.tree(
                                tmp.resolve("t4"),
                                "6.1.0",
                                "kernel-1",
                                Map.of("os-release", "ID=testos\nPRETTY_NAME=\"Test OS 4.0\"\n")),
                        "testos/four",
                        "four",
                        "4.0",
                        Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(sysroot.deploy("testos", c.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        assertThat(read("boot/loader.1/entries/ostree-1-testos.conf")).startsWith("title Test OS 4.0 (ostree:0)\n");
    }

    @Test
    void deploy_copiesTheKernelsHmacToBoot_asLibostree() throws IOException {
        Path t = OsTrees.tree(tmp.resolve("t5"), "6.5.0", "kernel-5", Map.of());
        Files.writeString(t.resolve("usr/lib/modules/6.5.0/.vmlinuz.hmac"), "hmac of kernel-5\n");
        Checksum c =
                sysroot.repository().commit(t, "testos/five", "five", "5.0", Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(sysroot.deploy("testos", c.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        Deployment d = sysroot.load().deployments().get(0);
        assertThat(read("boot/ostree/testos-" + d.bootcsum().hex() + "/.vmlinuz-6.5.0.hmac"))
                .isEqualTo("hmac of kernel-5\n");
    }

    @Test
    void deploy_writesLibostreeLayout() throws IOException {
        Transition t = sysroot.deploy(
                "testos",
                c1.hex(),
                DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("root=LABEL=root"), KargEdit.set("quiet"))));
        assertThat(t.isApplied()).as(t.message()).isTrue();
        Deployment d = sysroot.load().deployments().get(0);
        assertThat(Files.readSymbolicLink(root().resolve("boot/loader")).toString())
                .isEqualTo("loader.1");
        assertThat(Files.readSymbolicLink(root().resolve("ostree/boot.1")).toString())
                .isEqualTo("boot.1.1");
        String bcs = d.bootcsum().hex();
        assertThat(read("boot/loader.1/entries/ostree-1-testos.conf"))
                .isEqualTo(
                        "title Test OS 1.0 (ostree:0)\nversion 1\noptions root=LABEL=root quiet ostree=/ostree/boot.1/testos/"
                                + bcs + "/0\nlinux /ostree/testos-" + bcs + "/vmlinuz-6.1.0\ninitrd /ostree/testos-"
                                + bcs
                                + "/initramfs-6.1.0.img\n");
        assertThat(Files.readSymbolicLink(root().resolve("ostree/boot.1.1/testos/" + bcs + "/0"))
                        .toString())
                .isEqualTo("../../../deploy/testos/deploy/" + c1.hex() + ".0");
        assertThat(read("ostree/deploy/testos/deploy/" + c1.hex() + ".0.origin"))
                .isEqualTo("[origin]\nrefspec=" + c1.hex() + "\n");
        assertThat(read("ostree/deploy/testos/deploy/" + c1.hex() + ".0/etc/app.conf"))
                .isEqualTo("v1\n");
        assertThat(read("ostree/repo/refs/heads/ostree/1/1/0")).isEqualTo(c1.hex() + "\n");
        assertThat(sysroot.check()).isEmpty();
    }

    @Test
    void secondDeploy_mergesEtcAndSwapsBootversion() throws IOException {
        sysroot.deploy("testos", "testos/stable", DeployOptions.DEFAULTS);
        assertThat(sysroot.boot(0).isApplied()).isTrue();
        // that was c2 (the head of testos/stable); now deploy c1 over a locally edited /etc
        Path etc =
                sysroot.deploymentDirectory(sysroot.load().deployments().get(0)).resolve("etc");
        Files.writeString(etc.resolve("app.conf"), "edited\n");
        Files.writeString(etc.resolve("local.conf"), "mine\n");
        Files.delete(etc.resolve("hostname"));
        Transition t = sysroot.deploy("testos", c3.hex(), DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).as(t.message()).isTrue();
        DeploymentList l = sysroot.load();
        assertThat(l.deployments()).extracting(Deployment::commit).containsExactly(c3, c2);
        assertThat(Files.readSymbolicLink(root().resolve("boot/loader")).toString())
                .isEqualTo("loader.0");
        Path newEtc = sysroot.deploymentDirectory(l.deployments().get(0)).resolve("etc");
        assertThat(Files.readString(newEtc.resolve("app.conf"))).isEqualTo("edited\n");
        assertThat(Files.readString(newEtc.resolve("local.conf"))).isEqualTo("mine\n");
        assertThat(newEtc.resolve("hostname")).doesNotExist();
        assertThat(root().resolve("boot/loader.1")).doesNotExist();
        assertThat(sysroot.check()).isEmpty();
        assertThat(sysroot.configDiff("testos").lines())
                .containsExactly("M    app.conf", "D    hostname", "A    local.conf");
    }

    @Test
    void stageFinalizeRollback_roundTrip() throws IOException {
        sysroot.deploy("testos", c1.hex(), DeployOptions.DEFAULTS);
        sysroot.boot(0);
        assertThat(sysroot.deploy("testos", c2.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        sysroot.boot(0);
        Transition staged = sysroot.stage("testos", c3.hex(), DeployOptions.DEFAULTS);
        assertThat(staged.isApplied()).as(staged.message()).isTrue();
        DeploymentList l = sysroot.load();
        assertThat(l.staged()).isPresent();
        assertThat(l.deployments()).extracting(Deployment::commit).containsExactly(c3, c2, c1);
        assertThat(sysroot.rollback().refusal().reason()).isEqualTo(Refusal.STAGED_PENDING);
        // an /etc edit after staging survives: the merge happens at finalization
        Path etc =
                sysroot.deploymentDirectory(l.bootedDeployment().orElseThrow()).resolve("etc");
        Files.writeString(etc.resolve("late.conf"), "late\n");
        Transition f = sysroot.finalizeStaged();
        assertThat(f.isApplied()).as(f.message()).isTrue();
        l = sysroot.load();
        assertThat(l.staged()).isEmpty();
        assertThat(l.deployments()).extracting(Deployment::commit).containsExactly(c3, c2);
        assertThat(sysroot.deploymentDirectory(l.deployments().get(0)).resolve("etc/late.conf"))
                .exists();
        assertThat(sysroot.finalizeStaged().refusal().reason()).isEqualTo(Refusal.NOT_STAGED);
        Transition r = sysroot.rollback();
        assertThat(r.isApplied()).as(r.message()).isTrue();
        assertThat(sysroot.load().deployments()).extracting(Deployment::commit).containsExactly(c2, c3);
        assertThat(sysroot.check()).isEmpty();
        SysrootStatus status = sysroot.status();
        assertThat(status.toText()).contains("● " + c2.hex()).contains("Version: 2.0 (2024-02-01T00:00:00Z)");
        assertThat(status.toJson()).contains("\"booted\" : true").contains("\"rollback\" : true");
    }

    @Test
    void badInput_isRefusedAndChangesNothing() throws IOException {
        sysroot.deploy("testos", c1.hex(), DeployOptions.DEFAULTS);
        sysroot.boot(0);
        DeploymentList before = sysroot.load();
        java.util.Map<String, String> disk = SysrootConformanceTest.layout(root(), true);
        assertThat(sysroot.deploy("nope", c1.hex(), DeployOptions.DEFAULTS)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.UNKNOWN_STATEROOT);
        assertThat(sysroot.deploy("testos", "no/such/ref", DeployOptions.DEFAULTS)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.MISSING_COMMIT);
        assertThat(sysroot.undeploy(5).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
        assertThat(sysroot.undeploy(0).refusal().reason()).isEqualTo(Refusal.REMOVES_BOOTED);
        assertThat(sysroot.finalizeStaged().refusal().reason()).isEqualTo(Refusal.NOT_STAGED);
        assertThat(sysroot.pin(3, true).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
        assertThat(sysroot.setDefault(-1).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
        assertThat(sysroot.rollback().refusal().reason()).isEqualTo(Refusal.NO_ROLLBACK);
        assertThat(SysrootConformanceTest.layout(root(), true)).isEqualTo(disk);
        assertThat(sysroot.stage("testos", c2.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        DeploymentList staged = sysroot.load();
        java.util.Map<String, String> stagedDisk = SysrootConformanceTest.layout(root(), true);
        assertThat(sysroot.stage("testos", c2.hex(), DeployOptions.DEFAULTS)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.ALREADY_STAGED);
        assertThat(sysroot.load()).isEqualTo(staged);
        assertThat(SysrootConformanceTest.layout(root(), true)).isEqualTo(stagedDisk);
        assertThat(sysroot.cleanup(true, false).isApplied()).isTrue();
        assertThat(sysroot.load()).isEqualTo(before);
        assertThat(sysroot.check()).isEmpty();
    }

    @Test
    void pinUndeployKargs() throws IOException {
        sysroot.deploy("testos", c1.hex(), DeployOptions.DEFAULTS);
        sysroot.deploy("testos", c2.hex(), DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("quiet"))));
        assertThat(sysroot.pin(1, true).isApplied()).isTrue();
        assertThat(read("ostree/deploy/testos/deploy/" + c1.hex() + ".0.origin"))
                .isEqualTo("[origin]\nrefspec=" + c1.hex() + "\n\n[libostree-transient]\npinned=true\n");
        sysroot.deploy("testos", c3.hex(), DeployOptions.DEFAULTS);
        assertThat(sysroot.load().deployments()).extracting(Deployment::commit).containsExactly(c3, c2, c1);
        Transition k = sysroot.changeKargs(List.of(KargEdit.append("debug")), false);
        assertThat(k.isApplied()).as(k.message()).isTrue();
        Deployment first = sysroot.load().deployments().get(0);
        assertThat(first.commit()).isEqualTo(c3);
        assertThat(first.serial()).isEqualTo(1);
        assertThat(first.kernelArgs().args()).containsExactly("quiet", "debug");
        assertThat(sysroot.undeploy(2).isApplied()).isTrue();
        assertThat(sysroot.check()).isEmpty();
    }

    @Test
    void finalize_typeChangeFails_keepsOldListAndRecordsWhy() throws IOException {
        sysroot.deploy("testos", c1.hex(), DeployOptions.DEFAULTS);
        sysroot.boot(0);
        // the new OS turns app.conf into a directory while the local /etc still has an edited app.conf file
        Path t4 = OsTrees.tree(tmp.resolve("t4"), "6.1.0", "kernel-1", Map.of("app.conf/inner.conf", "x\n"));
        Checksum c4 =
                sysroot.repository().commit(t4, "testos/dir", "four", "4.0", Instant.parse("2024-04-01T00:00:00Z"));
        Path etc =
                sysroot.deploymentDirectory(sysroot.load().deployments().get(0)).resolve("etc");
        Files.writeString(etc.resolve("app.conf"), "local edit\n");
        DeploymentList before = sysroot.load();
        assertThat(sysroot.stage("testos", c4.hex(), DeployOptions.DEFAULTS).isApplied())
                .isTrue();
        Transition f = sysroot.finalizeStaged();
        assertThat(f.refusal().reason()).isEqualTo(Refusal.ETC_MERGE_FAILED);
        assertThat(f.message()).contains("app.conf").contains("type change");
        assertThat(sysroot.load()).isEqualTo(before);
        assertThat(sysroot.finalizeFailure())
                .hasValueSatisfying(m -> assertThat(m).contains("app.conf"));
        assertThat(sysroot.status().toText()).contains("failed to finalize previous deployment");
        assertThat(sysroot.check()).isEmpty();
        // a plain deploy with the same conflict is refused and leaves nothing behind
        Transition d = sysroot.deploy("testos", c4.hex(), DeployOptions.DEFAULTS);
        assertThat(d.refusal().reason()).isEqualTo(Refusal.ETC_MERGE_FAILED);
        assertThat(sysroot.load()).isEqualTo(before);
        try (var s = Files.list(root().resolve("ostree/deploy/testos/deploy"))) {
            assertThat(s.count()).isEqualTo(2);
        }
    }

    @Test
    void repository_refusesNonBareAndMissing() throws IOException {
        Path archive = Files.createDirectories(tmp.resolve("archive/objects"));
        Files.writeString(tmp.resolve("archive/config"), "[core]\nrepo_version=1\nmode=archive-z2\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemRepository.open(archive.getParent()))
                .hasMessageContaining("only 'bare'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sysroot.open(tmp.resolve("nothing")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(sysroot.repository().resolve("0".repeat(64))).isEmpty();
        assertThat(sysroot.repository().resolve("../../etc")).isEmpty();
    }
}
