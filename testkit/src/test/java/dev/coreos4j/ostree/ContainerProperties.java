package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.container.Compression;
import dev.coreos4j.ostree.container.Descriptor;
import dev.coreos4j.ostree.container.EncapsulateOptions;
import dev.coreos4j.ostree.container.EncapsulateResult;
import dev.coreos4j.ostree.container.Encapsulation;
import dev.coreos4j.ostree.container.ImageException;
import dev.coreos4j.ostree.container.ImageImport;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.ImportOptions;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.FileTrees;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testkit.FileTreeSpec;
import dev.coreos4j.testkit.OstreeArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Container images over random trees (the testkit's {@link OstreeArbitraries#fileTrees()}): encapsulate then import
 * is the identity on the commit checksum, whatever the compression and layer count; any byte flipped in any blob
 * (layers, config, manifest) is refused, and the target repository is byte-for-byte unchanged after the refusal.
 */
class ContainerProperties {

    static Repository repo(Path dir) throws IOException {
        Repository.init(dir).close();
        Files.writeString(dir.resolve("config"), "fsync=false\n", StandardOpenOption.APPEND);
        return Repository.open(dir);
    }

    static Checksum commit(Repository repo, FileTreeSpec tree, String branch) throws IOException {
        return repo.commit(
                        tree.toMutableTree(),
                        CommitOptions.builder()
                                .branch(branch)
                                .subject("random")
                                .timestamp(1_700_000_000L)
                                .addMetadataString("version", "1")
                                .build())
                .checksum();
    }

    @Property(tries = 30)
    void encapsulateThenImport_isTheIdentity(
            @ForAll @From(supplier = RandomTreeConformanceTest.Trees.class) FileTreeSpec tree,
            @ForAll Compression compression,
            @ForAll @IntRange(min = 1, max = 5) int layers)
            throws IOException {
        Path tmp = Files.createTempDirectory("coreos4j-container-props");
        try {
            Repository src = repo(tmp.resolve("src"));
            Checksum c = commit(src, tree, "os");
            ImageReference oci = ImageReference.ociDir(tmp.resolve("oci"), "t");
            Encapsulation.encapsulate(
                    src,
                    "os",
                    oci,
                    EncapsulateOptions.defaults().withCompression(compression).withMaxLayers(layers));
            Repository dst = repo(tmp.resolve("dst"));
            assertThat(ImageImport.importImage(
                                    dst, oci, ImportOptions.defaults().withRef("os"))
                            .commit())
                    .isEqualTo(c);
            assertThat(dst.fsck(FsckOptions.defaults()).ok()).isTrue();
            assertThat(dst.diff(c, c).isEmpty()).isTrue();
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    @Property(tries = 40)
    void anyFlippedByte_isRefused_andTheRepositoryIsUnchanged(
            @ForAll @From(supplier = RandomTreeConformanceTest.Trees.class) FileTreeSpec tree,
            @ForAll @IntRange(min = 0, max = 1000) int blobPick,
            @ForAll @IntRange(min = 0) int offsetPick,
            @ForAll @IntRange(min = 0, max = 7) int bit,
            @ForAll @IntRange(min = 1, max = 3) int layers)
            throws IOException {
        Path tmp = Files.createTempDirectory("coreos4j-container-props");
        try {
            Repository src = repo(tmp.resolve("src"));
            commit(src, tree, "os");
            Path ociDir = tmp.resolve("oci");
            EncapsulateResult r = Encapsulation.encapsulate(
                    src,
                    "os",
                    ImageReference.ociDir(ociDir, null),
                    EncapsulateOptions.defaults().withMaxLayers(layers));
            List<Descriptor> blobs = new ArrayList<>(r.manifest().layers());
            blobs.add(r.manifest().config());
            blobs.add(new Descriptor("manifest", r.manifestDigest(), 0, Map.of()));
            Descriptor victim = blobs.get(blobPick % blobs.size());
            Path blob = ociDir.resolve("blobs/sha256").resolve(victim.hex());
            byte[] b = Files.readAllBytes(blob);
            b[offsetPick % b.length] ^= (byte) (1 << bit);
            Files.write(blob, b);

            Repository dst = repo(tmp.resolve("dst"));
            commit(dst, new FileTreeSpec(0755, List.of(new FileTreeSpec.File("other", 0644, new byte[] {1}))), "keep");
            Map<String, String> before = snapshot(dst.path());
            assertThatThrownBy(() -> ImageImport.importImage(
                            dst,
                            ImageReference.ociDir(ociDir, null),
                            ImportOptions.defaults().withRef("os")))
                    .isInstanceOf(ImageException.class);
            assertThat(snapshot(dst.path())).isEqualTo(before);
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    static Map<String, String> snapshot(Path repo) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(repo)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = repo.relativize(p).toString();
                if (rel.equals(".lock") || rel.equals(".lock-refs")) {
                    continue;
                }
                try {
                    out.put(
                            rel,
                            Files.isRegularFile(p)
                                    ? HexFormat.of()
                                            .formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(Files.readAllBytes(p)))
                                    : "dir");
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
