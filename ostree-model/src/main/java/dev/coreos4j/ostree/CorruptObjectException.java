package dev.coreos4j.ostree;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** An object in a repository that is missing, unreadable as its type, or whose content does not match its name. */
public final class CorruptObjectException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Checksum checksum;
    private final ObjectType type;

    /** An object that is missing, unreadable or does not hash to its name. */
    public CorruptObjectException(Checksum checksum, ObjectType type, @Nullable String message) {
        super(type.extension() + " object " + checksum + ": " + message);
        this.checksum = checksum;
        this.type = type;
    }

    /** The object's name. */
    public Checksum checksum() {
        return checksum;
    }

    /** The object's type. */
    public ObjectType type() {
        return type;
    }
}
