package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ObjectType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ostree-ext's unit-test tables (bootc-dev/bootc {@code crates/ostree-ext}), re-expressed on our code. */
class OstreeExtPortedTest {

    /** {@code src/tar/export.rs}: {@code test_map_path} — {@code usr/etc} becomes {@code etc}, nothing else moves. */
    @Test
    void mapPath_usrEtcBecomesEtc() {
        for (String unchanged : List.of("boot", "usr/bin", "usr/lib/foo", "usr/etcetera")) {
            assertThat(LayerWriter.mapEtc(unchanged)).isEqualTo(unchanged);
        }
        assertThat(LayerWriter.mapEtc("usr/etc")).isEqualTo("etc");
        assertThat(LayerWriter.mapEtc("usr/etc/foo")).isEqualTo("etc/foo");
    }

    /** {@code src/tar/export.rs}: {@code test_v1_xattrs_object_path}. */
    @Test
    void xattrsObjectPath() {
        Checksum c = Checksum.of("b8627e3ef0f255a322d2bd9610cfaaacc8f122b7f8d17c0e7e3caafa160f9fc7");
        assertThat(LayerWriter.objectPath(ObjectType.FILE, c) + "-xattrs-link")
                .isEqualTo(
                        "sysroot/ostree/repo/objects/b8/627e3ef0f255a322d2bd9610cfaaacc8f122b7f8d17c0e7e3caafa160f9fc7"
                                + ".file-xattrs-link");
    }

    /** {@code src/container/encapsulate.rs}: {@code test_parse_ocipath} — the first colon splits path and tag. */
    @Test
    void parseOciPathAndTag() throws Exception {
        assertThat(ImageReference.parse("oci:/foo/bar").path()).isEqualTo(Path.of("/foo/bar"));
        assertThat(ImageReference.parse("oci:/foo/bar").tag()).isEmpty();
        assertThat(ImageReference.parse("oci:/foo/bar:baz").tag()).isEqualTo(Optional.of("baz"));
        ImageReference tagged = ImageReference.parse("oci:/foo/bar:baz:latest");
        assertThat(tagged.path()).isEqualTo(Path.of("/foo/bar"));
        assertThat(tagged.tag()).isEqualTo(Optional.of("baz:latest"));
    }

    /** {@code src/container/mod.rs}: the invalid/valid image-reference tables (the unverified spellings we accept). */
    @Test
    void imageReferenceTables() throws Exception {
        for (String bad : List.of("", "foo://", "docker:blah", "registry:", "foo:bar")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageReference.parse(bad))
                    .isInstanceOf(ImageException.class);
        }
        for (String good : List.of(
                "ostree-unverified-registry:quay.io/exampleos/blah",
                "ostree-unverified-image:registry:quay.io/exampleos/blah",
                "ostree-unverified-image:docker://quay.io/exampleos/blah",
                "ostree-unverified-image:oci:/some/dir:tag",
                "ostree-unverified-image:oci-archive:/some/file")) {
            assertThat(ImageReference.parse(good)).isNotNull();
        }
        assertThat(ImageReference.parse("ostree-unverified-image:registry:quay.io/exampleos/blah")
                        .toString())
                .isEqualTo("ostree-unverified-registry:quay.io/exampleos/blah");
    }

    /** {@code src/chunking.rs}: chunk names — one name, up to five joined with " and ", else "N components". */
    @Test
    void chunkNames() {
        assertThat(Chunking.chunkName(List.of("a"))).isEqualTo("a");
        assertThat(Chunking.chunkName(List.of("a", "b", "c"))).isEqualTo("a and b and c");
        assertThat(Chunking.chunkName(List.of("1", "2", "3", "4", "5", "6"))).isEqualTo("6 components");
        assertThat(Chunking.component("/usr/lib/modules/6.1/vmlinuz")).isEqualTo("/usr/lib/modules");
        assertThat(Chunking.component("/usr/bin/bash")).isEqualTo("/usr/bin");
        assertThat(Chunking.component("/topfile")).isEqualTo("/");
    }

    /** GLib's {@code g_format_size}, which ostree-ext's {@code ManifestDiff::print} uses. */
    @Test
    void formatSize_likeGlib() {
        assertThat(LayerDiff.formatSize(0)).isEqualTo("0 bytes");
        assertThat(LayerDiff.formatSize(1)).isEqualTo("1 byte");
        assertThat(LayerDiff.formatSize(999)).isEqualTo("999 bytes");
        assertThat(LayerDiff.formatSize(1000)).isEqualTo("1.0 kB");
        assertThat(LayerDiff.formatSize(117_600_000)).isEqualTo("117.6 MB");
    }
}
