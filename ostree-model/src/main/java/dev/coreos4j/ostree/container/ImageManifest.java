package dev.coreos4j.ostree.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An image manifest (OCI {@code application/vnd.oci.image.manifest.v1+json}, or Docker schema 2, which has the same
 * shape). Immutable.
 *
 * @param mediaType the manifest's media type
 * @param config the config blob
 * @param layers the layer blobs, base first
 * @param annotations the manifest annotations, sorted by key (ostree-ext repeats its labels here)
 */
public record ImageManifest(
        String mediaType, Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {

    /** The OCI manifest media type. */
    public static final String OCI_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
    /** The Docker schema 2 manifest media type. */
    public static final String DOCKER_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    /** Checks for nulls; collections are copied unmodifiable. */
    public ImageManifest {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /** The serialized manifest (compact JSON, field order of the OCI spec, annotation keys sorted). */
    byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 2L);
        m.put("mediaType", mediaType);
        m.put("config", config.toJson());
        List<Object> ls = new ArrayList<>();
        for (Descriptor d : layers) {
            ls.add(d.toJson());
        }
        m.put("layers", ls);
        if (!annotations.isEmpty()) {
            m.put("annotations", new LinkedHashMap<String, Object>(annotations));
        }
        return Json.write(m);
    }

    /**
     * Parses a manifest.
     *
     * @param where the manifest's name in messages
     * @throws ImageException on malformed JSON, a missing field, or a media type that is not an image manifest
     */
    public static ImageManifest parse(byte[] json, String where) throws ImageException {
        Json.Node root = Json.parse(json, where);
        long schema = root.get("schemaVersion").integer();
        if (schema != 2) {
            throw new ImageException(
                    ImageException.Kind.UNSUPPORTED, where + " $.schemaVersion", "unsupported schemaVersion " + schema);
        }
        String mediaType = root.get("mediaType").stringOrNull();
        if (mediaType == null) {
            mediaType = OCI_MEDIA_TYPE;
        }
        if (!mediaType.equals(OCI_MEDIA_TYPE) && !mediaType.equals(DOCKER_MEDIA_TYPE)) {
            throw new ImageException(
                    ImageException.Kind.UNSUPPORTED, where + " $.mediaType", "not an image manifest: " + mediaType);
        }
        Descriptor config = Descriptor.fromJson(root.get("config"));
        List<Descriptor> layers = new ArrayList<>();
        for (Json.Node n : root.get("layers").array()) {
            layers.add(Descriptor.fromJson(n));
        }
        return new ImageManifest(
                mediaType, config, layers, root.get("annotations").stringMap());
    }
}
