package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Import of our own images, and refusals that leave the target repository exactly as it was. */
class ImageImportTest {

    @TempDir
    Path tmp;

    Repository source;
    Checksum commit;
    Path oci;
    Repository target;

    @BeforeEach
    void setUp() throws Exception {
        source = Repository.init(tmp.resolve("src"));
        commit = Fixtures.commit(source, Fixtures.osTree("1.0"), "os", "1.0", 1_700_000_000L);
        oci = tmp.resolve("oci");
        target = Repository.init(tmp.resolve("dst"));
    }

    private ImageReference encapsulate(Compression c, int layers) throws Exception {
        Encapsulation.encapsulate(
                source,
                "os",
                ImageReference.ociDir(oci, null),
                EncapsulateOptions.defaults().withCompression(c).withMaxLayers(layers));
        return ImageReference.ociDir(oci, null);
    }

    @ParameterizedTest(name = "{0}, {1} layers")
    @CsvSource({"GZIP,1", "ZSTD,1", "NONE,1", "GZIP,5", "ZSTD,2"})
    void import_givesBackTheCommit(Compression c, int layers) throws Exception {
        ImportResult r = ImageImport.importImage(
                target, encapsulate(c, layers), ImportOptions.defaults().withRef("imported"));
        assertThat(r.commit()).isEqualTo(commit);
        assertThat(target.readRef("imported")).contains(commit);
        assertThat(target.fsck(FsckOptions.defaults()).ok()).isTrue();
        assertThat(target.diff(commit, commit).isEmpty()).isTrue();
        assertThat(target.readDetachedMetadata(commit)).isEqualTo(source.readDetachedMetadata(commit));
        assertThat(r.layersFetched()).isEqualTo(r.manifest().layers().size());
    }

    @Test
    void import_ofAnArchive_andAgain_fetchesNothing() throws Exception {
        Path file = tmp.resolve("img.ociarchive");
        Encapsulation.encapsulate(
                source,
                "os",
                ImageReference.ociArchive(file),
                EncapsulateOptions.defaults().withMaxLayers(3));
        ImageReference ref = ImageReference.parse("ostree-unverified-image:oci-archive:" + file);
        assertThat(ImageImport.importImage(target, ref, ImportOptions.defaults())
                        .commit())
                .isEqualTo(commit);
        ImportResult again = ImageImport.importImage(target, ref, ImportOptions.defaults());
        assertThat(again.layersFetched()).isZero();
        assertThat(again.bytesFetched()).isZero();
    }

    @Test
    void update_fetchesOnlyChangedLayers() throws Exception {
        ImageReference v1 = encapsulate(Compression.GZIP, 12);
        ImageImport.importImage(target, v1, ImportOptions.defaults());
        var tree = Fixtures.osTree("1.0");
        tree.putFile("/usr/bin/hello", 0755, Fixtures.bytes("#!/bin/sh\necho v2\n"));
        Fixtures.commit(source, tree, "os", "2.0", 1_700_000_100L);
        Path oci2 = tmp.resolve("oci2");
        Encapsulation.encapsulate(
                source,
                "os",
                ImageReference.ociDir(oci2, null),
                EncapsulateOptions.defaults().withMaxLayers(12));
        ImportResult r = ImageImport.importImage(target, ImageReference.ociDir(oci2, null), ImportOptions.defaults());
        assertThat(r.layersSkipped()).isGreaterThan(0);
        assertThat(r.layersFetched()).isEqualTo(2); // the ostree layer and the /usr/bin component
        assertThat(target.fsck(FsckOptions.defaults()).ok()).isTrue();
    }

    private void assertRefused(ImageReference ref, ImageException.Kind kind, String message) throws Exception {
        Map<String, String> before = ImageSurgery.snapshot(target.path());
        assertThatThrownBy(() -> ImageImport.importImage(
                        target, ref, ImportOptions.defaults().withRef("x")))
                .isInstanceOfSatisfying(
                        ImageException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
        assertThat(ImageSurgery.snapshot(target.path())).isEqualTo(before);
    }

    private static TarArchiveEntry entry(String name, byte flag) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setUserName("");
        e.setGroupName("");
        return e;
    }

    @Test
    void hostileEntries_areRefused() throws Exception {
        ImageReference ref = encapsulate(Compression.GZIP, 1);
        Path pristine = tmp.resolve("pristine");
        copyTree(oci, pristine);
        record Case(String what, ImageSurgery.TarEdit edit, String message) {}
        Case[] cases = {
            new Case(
                    "dot-dot",
                    ImageSurgery.prepend((in, out) -> ImageSurgery.add(
                            out,
                            entry("usr/../../evil", TarConstants.LF_NORMAL),
                            "x".getBytes(StandardCharsets.UTF_8))),
                    "'..'"),
            new Case(
                    "absolute",
                    ImageSurgery.prepend((in, out) ->
                            ImageSurgery.add(out, entry("/etc/evil", TarConstants.LF_NORMAL), new byte[1])),
                    "absolute"),
            new Case(
                    "hardlink out",
                    ImageSurgery.prepend((in, out) -> {
                        TarArchiveEntry e = entry("usr/passwd", TarConstants.LF_LINK);
                        e.setLinkName("../../etc/shadow");
                        ImageSurgery.add(out, e, new byte[0]);
                    }),
                    "'..'"),
            new Case(
                    "hardlink to non-object",
                    ImageSurgery.prepend((in, out) -> {
                        TarArchiveEntry e = entry("usr/passwd", TarConstants.LF_LINK);
                        e.setLinkName("etc/shadow");
                        ImageSurgery.add(out, e, new byte[0]);
                    }),
                    "no object of this image"),
            new Case(
                    "device",
                    ImageSurgery.prepend((in, out) -> {
                        TarArchiveEntry e = entry("dev/sda", TarConstants.LF_BLK);
                        e.setDevMajor(8);
                        ImageSurgery.add(out, e, new byte[0]);
                    }),
                    "device"),
            new Case(
                    "through symlink",
                    ImageSurgery.prepend((in, out) -> {
                        TarArchiveEntry l = entry("usr/escape", TarConstants.LF_SYMLINK);
                        l.setLinkName("/etc");
                        ImageSurgery.add(out, l, new byte[0]);
                        ImageSurgery.add(out, entry("usr/escape/cron", TarConstants.LF_NORMAL), new byte[2]);
                    }),
                    "below the symlink"),
        };
        for (Case c : cases) {
            FileTreesForTest.replace(pristine, oci);
            ImageSurgery.editLayer(oci, 0, c.edit());
            assertRefused(ref, ImageException.Kind.HOSTILE_ENTRY, c.message());
        }
    }

    @Test
    void flippedLayerByte_isADigestMismatch() throws Exception {
        ImageReference ref = encapsulate(Compression.GZIP, 2);
        Path blob =
                ImageSurgery.blob(oci, (String) ImageSurgery.layers(oci).get(1).get("digest"));
        byte[] b = Files.readAllBytes(blob);
        b[b.length / 2] ^= 0x20;
        Files.write(blob, b);
        assertRefused(ref, ImageException.Kind.DIGEST_MISMATCH, "blob hashes to");
    }

    @Test
    void nonOstreeImage_isRefused() throws Exception {
        ImageReference ref = encapsulate(Compression.GZIP, 1);
        ImageSurgery.editLabels(oci, labels -> labels.remove("ostree.commit"));
        assertRefused(ref, ImageException.Kind.NOT_OSTREE_IMAGE, "no ostree.commit label");
    }

    @Test
    void wrongCommitLabel_isRefused() throws Exception {
        ImageReference ref = encapsulate(Compression.GZIP, 1);
        ImageSurgery.editLabels(oci, labels -> labels.put("ostree.commit", "0".repeat(64)));
        assertRefused(ref, ImageException.Kind.COMMIT_MISMATCH, "label says");
    }

    @Test
    void missingObject_isIncomplete() throws Exception {
        ImageReference ref = encapsulate(Compression.GZIP, 1);
        ImageSurgery.editLayer(oci, 0, (in, out) -> {
            TarArchiveEntry e;
            boolean dropped = false;
            while ((e = in.getNextEntry()) != null) {
                if (!dropped && e.getName().endsWith(".file") && e.isFile() && e.getSize() > 1000) {
                    dropped = true;
                    continue;
                }
                if (e.getName().endsWith(".file-xattrs-link")) {
                    // keep pairs consistent: drop the link of the dropped object too
                }
                out.putArchiveEntry(e);
                in.transferTo(out);
                out.closeArchiveEntry();
            }
        });
        Map<String, String> before = ImageSurgery.snapshot(target.path());
        assertThatThrownBy(() -> ImageImport.importImage(target, ref, ImportOptions.defaults()))
                .isInstanceOf(ImageException.class);
        assertThat(ImageSurgery.snapshot(target.path())).isEqualTo(before);
    }

    @Test
    void references_parseAsOstreeExtSpellsThem() throws Exception {
        ImageReference r = ImageReference.parse("ostree-unverified-registry:quay.io/fedora/fedora-coreos:stable");
        assertThat(r.registryName())
                .isEqualTo(new ImageReference.RegistryName("quay.io", "fedora/fedora-coreos", "stable"));
        assertThat(r.toString()).isEqualTo("ostree-unverified-registry:quay.io/fedora/fedora-coreos:stable");
        assertThat(ImageReference.parse("ostree-unverified-image:registry:localhost:5000/os")
                        .registryName())
                .isEqualTo(new ImageReference.RegistryName("localhost:5000", "os", "latest"));
        assertThat(ImageReference.parse("ostree-unverified-image:docker://fedora")
                        .registryName())
                .isEqualTo(new ImageReference.RegistryName("docker.io", "library/fedora", "latest"));
        ImageReference oci = ImageReference.parse("ostree-unverified-image:oci:/var/tmp/img:v1");
        assertThat(oci.path()).isEqualTo(Path.of("/var/tmp/img"));
        assertThat(oci.tag()).isEqualTo(Optional.of("v1"));
        assertThat(ImageReference.parse("oci-archive:/x.tar").transport())
                .isEqualTo(ImageReference.Transport.OCI_ARCHIVE);
        assertThatThrownBy(() -> ImageReference.parse("ostree-remote-image:fedora:docker://x"))
                .isInstanceOfSatisfying(
                        ImageException.class, e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> ImageReference.parse("foo:bar"))
                .isInstanceOfSatisfying(
                        ImageException.class, e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.MALFORMED));
        assertThatThrownBy(() -> ImageReference.parse("ostree-unverified-registry:quay.io/UPPER:x"))
                .isInstanceOf(ImageException.class);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        FileTreesForTest.copy(from, to);
    }
}
