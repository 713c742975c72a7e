package dev.coreos4j.ostree.container;

import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * How a layer blob is compressed. gzip comes from the JDK (level 6, as ostree-ext's {@code flate2} default), zstd from
 * aircompressor's pure-Java codec, so no native code is needed.
 */
public enum Compression {
    /** {@code application/vnd.oci.image.layer.v1.tar+gzip} (the default). */
    GZIP("+gzip"),
    /** {@code application/vnd.oci.image.layer.v1.tar+zstd}. */
    ZSTD("+zstd"),
    /** {@code application/vnd.oci.image.layer.v1.tar}. */
    NONE("");

    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    /** The OCI layer media type. */
    public String layerMediaType() {
        return OCI_LAYER + suffix;
    }

    /**
     * Parses {@code gzip}, {@code zstd} or {@code none} (case-insensitive).
     *
     * @throws IllegalArgumentException on anything else
     */
    public static Compression parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gzip" -> GZIP;
            case "zstd" -> ZSTD;
            case "none" -> NONE;
            default ->
                throw new IllegalArgumentException("unknown compression '" + name + "' (expected gzip, zstd or none)");
        };
    }

    /**
     * The compression of a layer media type (OCI or Docker schema 2).
     *
     * @throws ImageException ({@link ImageException.Kind#UNSUPPORTED}) for any other media type
     */
    static Compression ofMediaType(String mediaType, String where) throws ImageException {
        return switch (mediaType) {
            case OCI_LAYER + "+gzip", DOCKER_LAYER_GZIP -> GZIP;
            case OCI_LAYER + "+zstd" -> ZSTD;
            case OCI_LAYER, DOCKER_LAYER -> NONE;
            default ->
                throw new ImageException(
                        ImageException.Kind.UNSUPPORTED, where, "unsupported layer media type " + mediaType);
        };
    }

    /** As {@link #compress(OutputStream)}; gzip is compressed on {@code pool} (pigz-style) when one is given. */
    OutputStream compress(OutputStream out, java.util.concurrent.@Nullable ExecutorService pool, int threads)
            throws IOException {
        if (this == GZIP && pool != null) {
            return new ParallelGzipOutputStream(out, pool, threads);
        }
        return compress(out);
    }

    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPOutputStream(out, 65536);
            case ZSTD -> new ZstdOutputStream(out);
            default -> out;
        };
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(in, 65536);
            case ZSTD -> new ZstdInputStream(in);
            default -> in;
        };
    }
}
