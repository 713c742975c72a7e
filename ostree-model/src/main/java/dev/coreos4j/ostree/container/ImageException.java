package dev.coreos4j.ostree.container;

import java.io.IOException;
import java.util.Objects;

/**
 * An image that cannot be encapsulated, imported or fetched: bad content or a refused operation, with a stable
 * {@link Kind}, the location (an image reference, blob digest, JSON path with line and column, or tar entry) and the
 * reason. Whatever raised it, the target repository is left exactly as it was.
 */
public final class ImageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why an image was refused. */
    public enum Kind {
        /** JSON, tar or reference syntax is broken, or a required field is missing. */
        MALFORMED,
        /** The image is not an ostree-ext image (no {@code ostree.commit} label) or names no ostree commit. */
        NOT_OSTREE_IMAGE,
        /** A media type, digest algorithm, transport or layer kind this implementation does not handle. */
        UNSUPPORTED,
        /** A blob's SHA-256 differs from the digest its descriptor names. */
        DIGEST_MISMATCH,
        /** A blob's length differs from the size its descriptor names. */
        SIZE_MISMATCH,
        /** An uncompressed layer's SHA-256 differs from its {@code rootfs.diff_ids} entry. */
        DIFF_ID_MISMATCH,
        /** The commit object in the layers does not hash to the {@code ostree.commit} label. */
        COMMIT_MISMATCH,
        /** An OSTree object in a layer does not hash to its name or is not a valid object. */
        CORRUPT_OBJECT,
        /** A tar entry that could write outside the tree: {@code ..}, an absolute path, an escaping link, a device. */
        HOSTILE_ENTRY,
        /** The layers do not hold every object the commit reaches. */
        INCOMPLETE,
        /** The image, tag or blob does not exist. */
        NOT_FOUND,
        /** A registry answered with an error or could not be reached. */
        REGISTRY
    }

    private final Kind kind;
    private final String location;
    private final String reason;

    /**
     * @param kind why
     * @param location where (never null; may be empty)
     * @param reason the human-readable reason
     */
    public ImageException(Kind kind, String location, String reason) {
        super(location.isEmpty() ? kind.name() + ": " + reason : location + ": " + reason);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.location = location;
        this.reason = reason;
    }

    /** As {@link #ImageException(Kind, String, String)}, with a cause. */
    public ImageException(Kind kind, String location, String reason, Throwable cause) {
        this(kind, location, reason);
        initCause(cause);
    }

    /** Why the image was refused. */
    public Kind kind() {
        return kind;
    }

    /** Where: an image reference, blob digest, JSON path or tar entry name. */
    public String location() {
        return location;
    }

    /** The reason without the location. */
    public String reason() {
        return reason;
    }
}
