package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An OCI image layout directory being written ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/…}), as
 * the image-spec's {@code image-layout.md} describes it. Blobs are written to a temp file and renamed to their digest;
 * {@code index.json} is replaced atomically last, so a reader never sees a manifest whose blobs are missing.
 */
final class OciLayout {

    static final String LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    final Path dir;

    OciLayout(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Path layout = dir.resolve("oci-layout");
        if (!Files.exists(layout)) {
            writeAtomically(layout, LAYOUT.getBytes(StandardCharsets.US_ASCII));
        }
    }

    Path blobPath(String digest) {
        return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    /**
     * A new temp file among the blobs, for a blob whose digest is known only once written. Layouts are written
     * without syncs ({@link FsyncPolicy#NONE}), as skopeo writes them.
     */
    AtomicFile newBlob() throws IOException {
        return AtomicFile.create(dir.resolve("blobs/sha256"), FsyncPolicy.NONE);
    }

    /** Renames a fully written temp file to its digest (leaving it to be dropped when the blob already exists). */
    void publish(AtomicFile tmp, String digest) throws IOException {
        Path target = blobPath(digest);
        if (Files.exists(target) && Files.size(target) == tmp.channel().size()) {
            return; // closing tmp removes it
        }
        tmp.commit(target);
    }

    /** Writes a small blob; returns its digest. */
    String writeBlob(byte[] data) throws IOException {
        String digest = Digesting.digestOf(data);
        try (AtomicFile tmp = newBlob()) {
            tmp.write(data);
            publish(tmp, digest);
        }
        return digest;
    }

    /**
     * Adds a manifest to {@code index.json}: with a tag, replacing any manifest of that tag and keeping the others
     * (ocidir's {@code insert_manifest}); without one, making it the only manifest ({@code replace_with_single_manifest}).
     */
    void setManifest(Descriptor manifest, @Nullable String tag, String architecture, String os) throws IOException {
        List<Object> manifests = new ArrayList<>();
        Path indexFile = dir.resolve("index.json");
        if (tag != null && Files.exists(indexFile)) {
            Json.Node index = Json.parse(Files.readAllBytes(indexFile), indexFile.toString());
            for (Json.Node m : index.get("manifests").arrayOrEmpty()) {
                String other = m.get("annotations").isMissing()
                        ? null
                        : m.get("annotations").stringMap().get(REF_NAME);
                if (!tag.equals(other)) {
                    manifests.add(m.value());
                }
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", manifest.mediaType());
        d.put("digest", manifest.digest());
        d.put("size", manifest.size());
        if (tag != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put(REF_NAME, tag);
            d.put("annotations", a);
        }
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("architecture", architecture);
        platform.put("os", os);
        d.put("platform", platform);
        manifests.add(d);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2L);
        index.put("mediaType", ImageManifest.OCI_INDEX);
        index.put("manifests", manifests);
        writeAtomically(indexFile, Json.write(index));
    }

    /** Replaces {@code file} with {@code data} through the atomic writer (no syncs, as for blobs). */
    static void writeAtomically(Path file, byte[] data) throws IOException {
        AtomicFile.write(file, data, FsyncPolicy.NONE);
    }
}
