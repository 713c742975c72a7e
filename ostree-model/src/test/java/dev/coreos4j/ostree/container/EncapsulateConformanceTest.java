package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our images judged by the real tools: {@code skopeo inspect} shows our labels and digest, {@code skopeo copy}
 * (which verifies every digest) accepts them, and extracting the layers in order with {@code tar -xp} gives a
 * {@code bare-split-xattrs} repository that {@code ostree fsck} accepts and {@code ostree pull-local} copies back to
 * the original commit with the same {@code ostree ls -R}.
 */
class EncapsulateConformanceTest {

    @TempDir
    Path tmp;

    private Checksum commit(Repository repo) throws Exception {
        return Fixtures.commit(repo, Fixtures.osTree("1.0"), "os/x86_64", "1.0", 1_700_000_000L);
    }

    @ParameterizedTest(name = "{0} compression, {1} layers")
    @CsvSource({"gzip,1", "zstd,1", "none,1", "gzip,4", "zstd,3", "gzip,64"})
    void encapsulate_isAcceptedBySkopeoAndOstree(String compression, int layers) throws Exception {
        Path skopeo = Tools.skopeo();
        Path ostree = Tools.ostree();
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c = commit(repo);
        Path oci = tmp.resolve("oci");
        EncapsulateResult r = Encapsulation.encapsulate(
                repo,
                "os/x86_64",
                ImageReference.ociDir(oci, "v1"),
                EncapsulateOptions.defaults()
                        .withCompression(Compression.parse(compression))
                        .withMaxLayers(layers)
                        .withLabels(Map.of("com.example.k", "v")));
        assertThat(r.manifest().layers()).hasSizeBetween(1, layers);

        String inspect = Tools.run(skopeo, "inspect", "oci:" + oci + ":v1").ok().out();
        assertThat(inspect)
                .contains(
                        "\"ostree.commit\": \"" + c.hex() + "\"",
                        "\"com.example.k\": \"v\"",
                        "\"org.opencontainers.image.version\": \"1.0\"",
                        "\"ostree.bootable\": \"true\"",
                        "\"containers.bootc\": \"1\"",
                        "\"ostree.final-diffid\": \""
                                + r.config().diffIds().get(r.config().diffIds().size() - 1) + "\"",
                        "\"Digest\": \"" + r.manifestDigest() + "\"");
        Tools.run(skopeo, "copy", "--quiet", "oci:" + oci + ":v1", "oci:" + tmp.resolve("copy") + ":x")
                .ok();

        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        for (Descriptor layer : r.manifest().layers()) {
            Path blob = oci.resolve("blobs/sha256").resolve(layer.hex());
            String flag = compression.equals("gzip") ? "-xzpf" : compression.equals("zstd") ? "--zstd" : "-xpf";
            if (compression.equals("zstd")) {
                Tools.run("tar", "--zstd", "-xpf", blob, "-C", root).ok();
            } else {
                Tools.run("tar", flag, blob, "-C", root).ok();
            }
        }
        Path extracted = root.resolve("sysroot/ostree/repo");
        assertThat(Files.readString(extracted.resolve("config"))).contains("mode=bare-split-xattrs");
        Tools.run(ostree, "fsck", "--repo=" + extracted).ok();
        Path back = tmp.resolve("back");
        Tools.run(ostree, "init", "--mode=archive", "--repo=" + back).ok();
        Tools.run(ostree, "pull-local", "--repo=" + back, extracted, c.hex()).ok();
        Tools.run(ostree, "fsck", "--repo=" + back).ok();
        String lsOrig = Tools.run(ostree, "ls", "-R", "-X", "--repo=" + repo.path(), c.hex())
                .ok()
                .out();
        String lsBack = Tools.run(ostree, "ls", "-R", "-X", "--repo=" + back, c.hex())
                .ok()
                .out();
        assertThat(lsBack).isEqualTo(lsOrig);
        // the checkout paths are there as hardlinks, /usr/etc as /etc
        assertThat(root.resolve("etc/os-release")).hasContent("NAME=Test\nVERSION=1.0");
        assertThat(Files.isSymbolicLink(root.resolve("usr/bin/sh"))).isTrue();
        assertThat(Files.getAttribute(root.resolve("usr/bin/hello"), "unix:nlink"))
                .isEqualTo(2);
        assertThat(Files.isDirectory(root.resolve("var/tmp"))).isTrue();
    }

    @Test
    void encapsulate_isDeterministic() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        commit(repo);
        for (Compression comp : Compression.values()) {
            EncapsulateOptions o =
                    EncapsulateOptions.defaults().withCompression(comp).withMaxLayers(3);
            String a = Encapsulation.encapsulate(
                            repo, "os/x86_64", ImageReference.ociDir(tmp.resolve("a-" + comp), null), o)
                    .manifestDigest();
            String b = Encapsulation.encapsulate(
                            repo, "os/x86_64", ImageReference.ociDir(tmp.resolve("b-" + comp), "t"), o)
                    .manifestDigest();
            assertThat(b).as(comp.name()).isEqualTo(a);
        }
    }

    @Test
    void ociArchive_isReadBySkopeo() throws Exception {
        Path skopeo = Tools.skopeo();
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c = commit(repo);
        Path file = tmp.resolve("image.ociarchive");
        EncapsulateResult r = Encapsulation.encapsulate(
                repo,
                c.hex(),
                ImageReference.ociArchive(file),
                EncapsulateOptions.defaults().withMaxLayers(2));
        String inspect =
                Tools.run(skopeo, "inspect", "oci-archive:" + file).ok().out();
        assertThat(inspect).contains(r.manifestDigest(), c.hex());
        Tools.run(skopeo, "copy", "--quiet", "oci-archive:" + file, "oci:" + tmp.resolve("copy") + ":x")
                .ok();
        byte[] again = Files.readAllBytes(file);
        Encapsulation.encapsulate(
                repo,
                c.hex(),
                ImageReference.ociArchive(file),
                EncapsulateOptions.defaults().withMaxLayers(2));
        assertThat(Files.readAllBytes(file)).isEqualTo(again);
        assertThat(List.of(tmp.toFile().list())).allMatch(n -> !n.startsWith("."));
    }
}
