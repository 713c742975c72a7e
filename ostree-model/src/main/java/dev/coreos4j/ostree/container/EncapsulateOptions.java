package dev.coreos4j.ostree.container;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Encapsulation#encapsulate} builds an image. Immutable; start from {@link #defaults()}.
 *
 * @param labels extra labels (also manifest annotations); they override the ones ostree-ext derives from the commit
 * @param compression the layer compression (gzip by default)
 * @param maxLayers at most this many layers in all (≥ 1). With 1 the image has the single ostree layer holding
 *     everything; with N ≥ 2 the content is split into up to N − 1 component layers (annotated with
 *     {@code ostree.components}) after the ostree layer, which then holds only the commit metadata
 * @param created the config's {@code created} timestamp, or {@code null} for the commit's timestamp
 * @param architecture the OCI architecture ({@code amd64}, {@code arm64}, …), or {@code null} for this machine's
 */
public record EncapsulateOptions(
        Map<String, String> labels,
        Compression compression,
        int maxLayers,
        @Nullable String created,
        @Nullable String architecture) {

    /** @throws IllegalArgumentException when {@code maxLayers < 1} or a label key is empty */
    public EncapsulateOptions {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(compression, "compression");
        if (maxLayers < 1) {
            throw new IllegalArgumentException("maxLayers must be at least 1, got " + maxLayers);
        }
        for (String k : labels.keySet()) {
            if (k.isEmpty()) {
                throw new IllegalArgumentException("empty label key");
            }
        }
    }

    /** No extra labels, gzip, one layer, the commit's timestamp, this machine's architecture. */
    public static EncapsulateOptions defaults() {
        return new EncapsulateOptions(new TreeMap<>(), Compression.GZIP, 1, null, null);
    }

    /** A copy with {@code labels} added. */
    public EncapsulateOptions withLabels(Map<String, String> more) {
        TreeMap<String, String> l = new TreeMap<>(labels);
        l.putAll(more);
        return new EncapsulateOptions(l, compression, maxLayers, created, architecture);
    }

    /** A copy with another compression. */
    public EncapsulateOptions withCompression(Compression c) {
        return new EncapsulateOptions(labels, c, maxLayers, created, architecture);
    }

    /** A copy with another layer limit. */
    public EncapsulateOptions withMaxLayers(int n) {
        return new EncapsulateOptions(labels, compression, n, created, architecture);
    }

    /** A copy with a fixed {@code created} timestamp. */
    public EncapsulateOptions withCreated(String timestamp) {
        return new EncapsulateOptions(labels, compression, maxLayers, timestamp, architecture);
    }

    /** A copy with a fixed architecture. */
    public EncapsulateOptions withArchitecture(String arch) {
        return new EncapsulateOptions(labels, compression, maxLayers, created, arch);
    }

    static String hostArchitecture() {
        String a = System.getProperty("os.arch", "");
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> a;
        };
    }
}
