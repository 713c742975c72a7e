package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.container.EncapsulateOptions;
import dev.coreos4j.ostree.container.EncapsulateResult;
import dev.coreos4j.ostree.container.Encapsulation;
import dev.coreos4j.ostree.container.ImageException;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy and stage from container images: the origin is rpm-ostree's {@code container-image-reference=}, status
 * shows the manifest digest, rollback and cleanup work unchanged, the real {@code ostree admin status} reads the
 * result, and a refused image deploys nothing.
 */
class ImageDeploymentTest {

    @TempDir
    Path tmp;

    Sysroot sysroot;
    Repository build;

    @BeforeEach
    void setUp() throws IOException {
        sysroot = Sysroot.initFs(tmp.resolve("sr"));
        assertThat(sysroot.osInit("testos").isApplied()).isTrue();
        build = Repository.init(tmp.resolve("build"));
    }

    private EncapsulateResult image(String version, String kernel, String appConf, Path oci, String tag, int layers)
            throws IOException {
        Path tree = OsTrees.tree(tmp.resolve("tree-" + version), "6.1.0", kernel, Map.of("app.conf", appConf));
        build.commit(
                tree,
                CommitOptions.builder()
                        .branch("testos/stable")
                        .subject("Test OS " + version)
                        .timestamp(1_700_000_000L + version.hashCode() % 1000)
                        .ownerUid(0)
                        .ownerGid(0)
                        .noXattrs(true)
                        .addMetadataString("version", version)
                        .build());
        return Encapsulation.encapsulate(
                build,
                "testos/stable",
                ImageReference.ociDir(oci, tag),
                EncapsulateOptions.defaults().withMaxLayers(layers));
    }

    @Test
    void deployStageFinalizeRollback_fromImages() throws Exception {
        Path oci = tmp.resolve("oci");
        EncapsulateResult v1 = image("1.0", "kernel-1", "v1\n", oci, "1.0", 3);
        ImageReference ref1 = ImageReference.parse("ostree-unverified-image:oci:" + oci + ":1.0");
        Transition t = sysroot.deployImage("testos", ref1, DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).as(t.message()).isTrue();
        Deployment d = sysroot.load().deployments().get(0);
        assertThat(d.commit()).isEqualTo(v1.commit());
        assertThat(Files.readString(
                        sysroot.path().resolve("ostree/deploy/testos/deploy/" + d.name() + ".origin"),
                        StandardCharsets.UTF_8))
                .isEqualTo("[origin]\ncontainer-image-reference=" + ref1 + "\n");
        assertThat(sysroot.check()).isEmpty();
        assertThat(sysroot.boot(0).isApplied()).isTrue();
        String text = sysroot.status().toText();
        assertThat(text)
                .contains(
                        "● ostree-unverified-image:oci:" + oci + ":1.0\n",
                        "Digest: " + v1.manifestDigest(),
                        "Version: 1.0");
        assertThat(sysroot.status().toJson())
                .contains("\"container-image-reference-digest\" : \"" + v1.manifestDigest() + "\"");

        EncapsulateResult v2 = image("2.0", "kernel-2", "v2\n", oci, "2.0", 3);
        ImageReference ref2 = ImageReference.parse("ostree-unverified-image:oci:" + oci + ":2.0");
        Transition staged = sysroot.stageImage("testos", ref2, DeployOptions.DEFAULTS);
        assertThat(staged.isApplied()).as(staged.message()).isTrue();
        assertThat(sysroot.finalizeStaged().isApplied()).isTrue();
        assertThat(sysroot.boot(0).isApplied()).isTrue();
        assertThat(sysroot.status().toText())
                .contains("● " + ref2, "Digest: " + v2.manifestDigest(), "  " + ref1, "Digest: " + v1.manifestDigest());
        assertThat(sysroot.rollback().isApplied()).isTrue();
        assertThat(sysroot.load().deployments().get(0).commit()).isEqualTo(v1.commit());
        sysroot.cleanup(false, true);
        assertThat(sysroot.check()).isEmpty();
        assertThat(sysroot.repository().refs("ostree/container/image/")).containsValues(v1.commit(), v2.commit());

        if (Oracles.available("ostree") || System.getenv(Oracles.REQUIRE) != null) {
            Path ostree = Oracles.require("ostree");
            Sh.Result status = Sh.run(List.of(ostree.toString(), "admin", "--sysroot=" + sysroot.path(), "status"));
            assertThat(status.exit()).as(status.output()).isZero();
            Sh.Result fsck = Sh.run(List.of(
                    ostree.toString(), "fsck", "--repo=" + sysroot.path().resolve("ostree/repo")));
            assertThat(fsck.exit()).as(fsck.output()).isZero();
        }
    }

    @Test
    void refusedImage_deploysNothing() throws Exception {
        Path oci = tmp.resolve("oci");
        EncapsulateResult v1 = image("1.0", "kernel-1", "v1\n", oci, null, 1);
        Path blob = oci.resolve("blobs/sha256")
                .resolve(v1.manifest().layers().get(0).hex());
        byte[] b = Files.readAllBytes(blob);
        b[b.length - 10] ^= 1;
        Files.write(blob, b);
        DeploymentList before = sysroot.load();
        assertThatThrownBy(
                        () -> sysroot.deployImage("testos", ImageReference.ociDir(oci, null), DeployOptions.DEFAULTS))
                .isInstanceOfSatisfying(
                        ImageException.class, e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.DIGEST_MISMATCH));
        assertThat(sysroot.load().deployments()).isEqualTo(before.deployments());
        assertThat(sysroot.repository().hasCommit(v1.commit())).isFalse();
        assertThat(sysroot.deployImage("nosuch", ImageReference.ociDir(oci, null), DeployOptions.DEFAULTS)
                        .isApplied())
                .isFalse();
    }

    @Test
    void refEscaping_followsOstreeExt() {
        assertThat(ImageDeployment.escapeRef("ostree-unverified-registry:quay.io/a_b:1"))
                .isEqualTo("ostree-unverified-registry_3A_quay.io_2F_a__b_3A_1");
    }
}
