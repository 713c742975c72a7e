package dev.coreos4j.ostree;

/**
 * Bytes that are not a valid OSTree object of the expected type (bad GVariant framing, not normal form, a checksum
 * of the wrong length, an invalid name or mode). The message says what is wrong.
 */
public final class ObjectFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bytes that are not a valid object of the expected type; {@code message} says where and why. */
    public ObjectFormatException(String message) {
        super(message);
    }
}
