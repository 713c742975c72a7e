package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Inline file contents as {@code data:} URLs, and verification hashes. Pure functions; thread-safe.
 */
public final class Contents {
    private Contents() {}

    /**
     * The shortest {@code data:} URL resource for {@code data}: percent-encoded ({@code data:,…}), base64
     * ({@code data:;base64,…}) or gzip + base64 (with {@code compression: "gzip"}). {@code compression} is always
     * set ({@code ""} or {@code "gzip"}) so that merging over a compressed parent file cannot inherit the parent's
     * compression (coreos/ignition#1327). Gzip output is deterministic (no timestamp), so equal input gives an equal
     * resource.
     *
     * @throws NullPointerException if {@code data} is null
     */
    public static Config.Resource inline(byte[] data) {
        Objects.requireNonNull(data, "data");
        String percent = "data:," + percentEncode(data);
        String base64 = "data:;base64," + Base64.getEncoder().encodeToString(data);
        String gzip = "data:;base64," + Base64.getEncoder().encodeToString(gzip(data));
        if (gzip.length() < percent.length() && gzip.length() < base64.length()) {
            return new Config.Resource("gzip", null, gzip, null);
        }
        return new Config.Resource("", null, percent.length() <= base64.length() ? percent : base64, null);
    }

    /** How {@link #inline(byte[], Encoding)} writes the bytes into the {@code data:} URL. */
    public enum Encoding {
        /** The shortest of the three below (what {@link #inline(byte[])} does). */
        SHORTEST,
        /** Percent-encoded, {@code data:,…}; {@code compression: ""}. */
        PLAIN,
        /** Base64, {@code data:;base64,…}; {@code compression: ""} (how installers write CA bundles). */
        BASE64,
        /** Gzip (deterministic: no timestamp), then base64; {@code compression: "gzip"} (spec 3.1.0+). */
        GZIP
    }

    /**
     * The {@code data:} URL resource for {@code data} in the chosen encoding. {@code compression} is always set
     * ({@code ""}, or {@code "gzip"} for {@link Encoding#GZIP}), as in {@link #inline(byte[])}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Config.Resource inline(byte[] data, Encoding encoding) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(encoding, "encoding");
        return switch (encoding) {
            case SHORTEST -> inline(data);
            case PLAIN -> new Config.Resource("", null, "data:," + percentEncode(data), null);
            case BASE64 ->
                new Config.Resource(
                        "", null, "data:;base64," + Base64.getEncoder().encodeToString(data), null);
            case GZIP ->
                new Config.Resource(
                        "gzip", null, "data:;base64," + Base64.getEncoder().encodeToString(gzip(data)), null);
        };
    }

    /**
     * {@link #inline(byte[], Encoding)} of the UTF-8 encoding of {@code text}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Config.Resource inline(String text, Encoding encoding) {
        Objects.requireNonNull(text, "text");
        return inline(text.getBytes(StandardCharsets.UTF_8), encoding);
    }

    /** {@link #inline(byte[])} of the UTF-8 encoding of {@code text}. */
    public static Config.Resource inline(String text) {
        Objects.requireNonNull(text, "text");
        return inline(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha512-<lower-case hex>} of {@code data}, the form of {@code verification.hash}. */
    public static String sha512(byte[] data) {
        return "sha512-" + digest("SHA-512", data);
    }

    /** {@code sha256-<lower-case hex>} of {@code data} (spec 3.1.0+). */
    public static String sha256(byte[] data) {
        return "sha256-" + digest("SHA-256", data);
    }

    private static String digest(String algorithm, byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }

    /** Unreserved URL characters stay; everything else becomes {@code %XX}. */
    static String percentEncode(byte[] data) {
        StringBuilder out = new StringBuilder(data.length);
        for (byte b : data) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
