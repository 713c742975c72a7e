package dev.coreos4j.ostree.container;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an image's manifest and blobs come from: an OCI layout directory, an OCI archive or a registry. Every blob
 * read through {@link #readBlob} is verified here; {@link #openBlob} streams are verified by the caller as it reads.
 */
interface ImageSource extends Closeable {

    /** Small JSON blobs (manifests, configs, indexes) are read into memory up to this size. */
    long MAX_JSON = 8L << 20;

    /** A manifest and the digest it was fetched by (or computed from). Internal: never compared or hashed. */
    @SuppressWarnings("ArrayRecordComponent")
    record Fetched(byte[] bytes, String digest, ImageManifest manifest) {}

    /** The image reference, for messages. */
    String describe();

    /** The image's manifest, its bytes verified against the digest that named it. */
    Fetched manifest() throws IOException;

    /** The raw (compressed) bytes of a blob; the caller verifies them while reading. */
    InputStream openBlob(Descriptor blob) throws IOException;

    /** Reads a small blob fully and verifies its size and digest. */
    default byte[] readBlob(Descriptor blob) throws IOException {
        if (blob.size() > MAX_JSON) {
            throw new ImageException(
                    ImageException.Kind.UNSUPPORTED,
                    describe() + " " + blob.digest(),
                    "JSON blob of " + blob.size() + " bytes is larger than " + MAX_JSON);
        }
        try (InputStream in = openBlob(blob)) {
            return verified(
                    readBounded(in, blob.size(), describe() + " " + blob.digest()),
                    blob,
                    describe() + " " + blob.digest());
        }
    }

    static byte[] readBounded(InputStream in, long limit, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw new ImageException(
                        ImageException.Kind.SIZE_MISMATCH,
                        where,
                        "longer than the " + limit + " bytes its descriptor names");
            }
        }
        return out.toByteArray();
    }

    static byte[] verified(byte[] data, Descriptor d, String where) throws ImageException {
        if (data.length != d.size()) {
            throw new ImageException(
                    ImageException.Kind.SIZE_MISMATCH,
                    where,
                    "blob has " + data.length + " bytes, its descriptor says " + d.size());
        }
        String actual = Digesting.digestOf(data);
        if (!actual.equals(d.digest())) {
            throw new ImageException(ImageException.Kind.DIGEST_MISMATCH, where, "blob hashes to " + actual);
        }
        return data;
    }

    /**
     * Picks the manifest of an OCI index: by tag ({@code org.opencontainers.image.ref.name}) when given, else the only
     * one. Returns its descriptor.
     */
    static Descriptor pick(Json.Node index, @Nullable String tag, String where) throws ImageException {
        List<Json.Node> manifests = index.get("manifests").array();
        Descriptor found = null;
        for (Json.Node m : manifests) {
            String name = m.get("annotations").stringMap().get(OciLayout.REF_NAME);
            if (tag == null || tag.equals(name)) {
                if (found != null && tag == null) {
                    throw new ImageException(
                            ImageException.Kind.MALFORMED,
                            where,
                            "the layout holds several images; name one with :TAG");
                }
                found = Descriptor.fromJson(m);
                if (tag != null) {
                    break;
                }
            }
        }
        if (found == null) {
            throw new ImageException(
                    ImageException.Kind.NOT_FOUND,
                    where,
                    tag == null ? "the layout holds no image" : "no image tagged '" + tag + "'");
        }
        return found;
    }

    /**
     * Reads a manifest descriptor's blob; an image index (multi-platform) is followed to the entry for this machine's
     * architecture.
     */
    default Fetched resolveManifest(Descriptor d, String where) throws IOException {
        for (int depth = 0; depth < 4; depth++) {
            byte[] bytes = readBlob(d);
            if (d.mediaType().equals(ImageManifest.OCI_INDEX) || d.mediaType().equals(ImageManifest.DOCKER_LIST)) {
                Json.Node index = Json.parse(bytes, where + " " + d.digest());
                Descriptor next = null;
                String arch = EncapsulateOptions.hostArchitecture();
                for (Json.Node m : index.get("manifests").array()) {
                    Json.Node platform = m.get("platform");
                    if (platform.isMissing()
                            || arch.equals(platform.get("architecture").stringOrNull())) {
                        next = Descriptor.fromJson(m);
                        break;
                    }
                }
                if (next == null) {
                    throw new ImageException(ImageException.Kind.NOT_FOUND, where, "no manifest for " + arch);
                }
                d = next;
                continue;
            }
            return new Fetched(bytes, d.digest(), ImageManifest.parse(bytes, where + " " + d.digest()));
        }
        throw new ImageException(ImageException.Kind.MALFORMED, where, "image indexes nested too deeply");
    }
}
