package dev.coreos4j.ostree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 object checksum as OSTree names objects: 64 lowercase hexadecimal characters.
 *
 * @param hex the 64 lowercase hex characters
 */
public record Checksum(String hex) implements Comparable<Checksum> {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * @throws IllegalArgumentException unless {@code hex} is 64 lowercase hexadecimal characters
     */
    public Checksum {
        Objects.requireNonNull(hex, "hex");
        if (!isValid(hex)) {
            throw new IllegalArgumentException("not a SHA-256 checksum (64 lowercase hex characters): '" + hex + "'");
        }
    }

    /** Parses 64 lowercase hex characters. */
    public static Checksum of(String hex) {
        return new Checksum(hex);
    }

    /** The checksum whose 32 raw bytes are given (as OSTree stores them inside dirtree and commit objects). */
    public static Checksum fromBytes(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != 32) {
            throw new IllegalArgumentException("a SHA-256 checksum has 32 bytes, got " + raw.length);
        }
        return new Checksum(HEX.formatHex(raw));
    }

    /** The SHA-256 of {@code data}. */
    public static Checksum sha256(byte[] data) {
        return fromBytes(newDigest().digest(data));
    }

    /** Whether {@code text} is a well-formed checksum. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** A fresh SHA-256 digest, for hashing an object incrementally ({@link #fromBytes} of its result). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The 32 raw bytes. */
    public byte[] toBytes() {
        return HEX.parseHex(hex);
    }

    @Override
    public int compareTo(Checksum other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
