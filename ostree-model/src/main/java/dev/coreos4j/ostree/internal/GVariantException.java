package dev.coreos4j.ostree.internal;

/** Bytes that are not a normal-form GVariant of the expected type; the message says what is wrong. */
public final class GVariantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GVariantException(String message) {
        super(message);
    }
}
