package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Images recompressed by {@code skopeo copy --dest-compress-format} (new blob digests, same diff_ids) import to the
 * same commit, and the real {@code ostree fsck} accepts the repository we imported into, with the same
 * {@code ostree ls -R} as the original.
 */
class ImageImportConformanceTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "ours {0} x{1} -> skopeo {2}")
    @CsvSource({"gzip,1,zstd", "zstd,3,gzip", "none,1,gzip", "gzip,4,zstd"})
    void recompressedBySkopeo_importsToTheSameCommit(String ours, int layers, String theirs) throws Exception {
        Path skopeo = Tools.skopeo();
        Path ostree = Tools.ostree();
        Repository src = Repository.init(tmp.resolve("src"));
        Checksum c = Fixtures.commit(src, Fixtures.osTree("1.0"), "os", "1.0", 1_700_000_000L);
        Path oci = tmp.resolve("oci");
        Encapsulation.encapsulate(
                src,
                "os",
                ImageReference.ociDir(oci, "v1"),
                EncapsulateOptions.defaults()
                        .withCompression(Compression.parse(ours))
                        .withMaxLayers(layers));
        Path copy = tmp.resolve("copy");
        Tools.run(
                        skopeo,
                        "copy",
                        "--quiet",
                        "--dest-compress",
                        "--dest-compress-format",
                        theirs,
                        "oci:" + oci + ":v1",
                        "oci:" + copy + ":re")
                .ok();
        ImageInfo info = ImageImport.inspect(ImageReference.parse("ostree-unverified-image:oci:" + copy + ":re"));
        assertThat(info.manifest().layers()).allMatch(l -> l.mediaType().endsWith("+" + theirs));

        for (String ref : new String[] {"oci:" + oci + ":v1", "oci:" + copy + ":re"}) {
            Repository dst = Repository.init(tmp.resolve("dst-" + ref.hashCode()));
            ImportResult r = ImageImport.importImage(
                    dst,
                    ImageReference.parse("ostree-unverified-image:" + ref),
                    ImportOptions.defaults().withRef("os"));
            assertThat(r.commit()).isEqualTo(c);
            Tools.run(ostree, "fsck", "--repo=" + dst.path()).ok();
            assertThat(Tools.run(ostree, "ls", "-R", "-X", "--repo=" + dst.path(), "os")
                            .ok()
                            .out())
                    .isEqualTo(Tools.run(ostree, "ls", "-R", "-X", "--repo=" + src.path(), "os")
                            .ok()
                            .out());
        }
    }
}
