package dev.coreos4j.ostree.container;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An OCI content descriptor: what a manifest says about a blob. Immutable.
 *
 * @param mediaType the blob's media type
 * @param digest {@code sha256:<64 lower-case hex>}
 * @param size the blob's length in bytes
 * @param annotations the descriptor's annotations, sorted by key (empty when none)
 */
public record Descriptor(String mediaType, String digest, long size, Map<String, String> annotations) {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    /** @throws IllegalArgumentException on a digest that is not {@code sha256:<hex>} or a negative size */
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (!SHA256.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a sha256 digest: '" + digest + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /** The 64 hex characters of the digest. */
    public String hex() {
        return digest.substring("sha256:".length());
    }

    /** Whether {@code text} is a {@code sha256:<64 lower-case hex>} digest. */
    public static boolean isDigest(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mediaType", mediaType);
        m.put("digest", digest);
        m.put("size", size);
        if (!annotations.isEmpty()) {
            m.put("annotations", new LinkedHashMap<String, Object>(annotations));
        }
        return m;
    }

    static Descriptor fromJson(Json.Node n) throws ImageException {
        String digest = n.get("digest").string();
        if (!isDigest(digest)) {
            throw new ImageException(
                    digest.startsWith("sha256:") || !digest.contains(":")
                            ? ImageException.Kind.MALFORMED
                            : ImageException.Kind.UNSUPPORTED,
                    n.document() + " " + n.path() + ".digest",
                    "not a sha256 digest: '" + digest + "'");
        }
        long size = n.get("size").integer();
        if (size < 0) {
            throw new ImageException(
                    ImageException.Kind.MALFORMED, n.document() + " " + n.path() + ".size", "negative size");
        }
        return new Descriptor(
                n.get("mediaType").string(), digest, size, n.get("annotations").stringMap());
    }
}
