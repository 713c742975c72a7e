package dev.coreos4j.ostree.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an OCI image configuration ({@code application/vnd.oci.image.config.v1+json}) that ostree-ext uses.
 * Immutable.
 *
 * @param created the {@code created} timestamp (RFC 3339), or {@code null}
 * @param architecture e.g. {@code amd64}
 * @param os e.g. {@code linux}
 * @param labels {@code config.Labels}, sorted by key
 * @param diffIds {@code rootfs.diff_ids}: the SHA-256 of each uncompressed layer, base first
 * @param history one {@code created_by} description per layer (ostree-ext names the layer's content there)
 */
public record ImageConfig(
        @Nullable String created,
        String architecture,
        String os,
        Map<String, String> labels,
        List<String> diffIds,
        List<String> history) {

    /** The label naming the encapsulated commit. */
    public static final String OSTREE_COMMIT = "ostree.commit";
    /** The label naming the diff_id of the last layer that belongs to the ostree commit. */
    public static final String FINAL_DIFFID = "ostree.final-diffid";
    /** The OCI version label, copied from the commit's {@code version}. */
    public static final String VERSION = "org.opencontainers.image.version";
    /** The label ostree-ext sets (to the commit's {@code ostree.bootable}) on bootable commits. */
    public static final String BOOTABLE = "ostree.bootable";
    /** The label bootc recognizes bootable images by ({@code 1}). */
    public static final String BOOTC = "containers.bootc";

    /** Checks for nulls; collections are copied unmodifiable. */
    public ImageConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        diffIds = List.copyOf(diffIds);
        history = List.copyOf(history);
    }

    byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (created != null) {
            m.put("created", created);
        }
        m.put("architecture", architecture);
        m.put("os", os);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Labels", new LinkedHashMap<String, Object>(labels));
        m.put("config", config);
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", new ArrayList<Object>(diffIds));
        m.put("rootfs", rootfs);
        List<Object> hist = new ArrayList<>();
        for (String h : history) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (created != null) {
                e.put("created", created);
            }
            e.put("created_by", h);
            hist.add(e);
        }
        m.put("history", hist);
        return Json.write(m);
    }

    /**
     * Parses a config blob.
     *
     * @throws ImageException on malformed JSON or a missing required field
     */
    public static ImageConfig parse(byte[] json, String where) throws ImageException {
        Json.Node root = Json.parse(json, where);
        Json.Node cfg = root.get("config");
        Map<String, String> labels =
                cfg.isMissing() ? new TreeMap<>() : cfg.get("Labels").stringMap();
        Json.Node rootfs = root.get("rootfs");
        List<String> diffIds = new ArrayList<>();
        for (Json.Node n : rootfs.get("diff_ids").array()) {
            diffIds.add(n.string());
        }
        List<String> history = new ArrayList<>();
        for (Json.Node n : root.get("history").arrayOrEmpty()) {
            if (!Boolean.TRUE.equals(n.get("empty_layer").value())) {
                String by = n.get("created_by").stringOrNull();
                history.add(by == null ? "" : by);
            }
        }
        String arch = root.get("architecture").stringOrNull();
        String os = root.get("os").stringOrNull();
        return new ImageConfig(
                root.get("created").stringOrNull(),
                arch == null ? "" : arch,
                os == null ? "" : os,
                labels,
                diffIds,
                history);
    }
}
