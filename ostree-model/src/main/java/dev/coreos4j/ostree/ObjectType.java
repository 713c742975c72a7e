package dev.coreos4j.ostree;

import org.jspecify.annotations.Nullable;

/** The OSTree object types an archive repository stores, with libostree's numeric codes and file suffixes. */
public enum ObjectType {
    /** A content object (regular file or symlink); {@code .filez} in archive mode. */
    FILE(1, "filez"),
    /** A directory listing {@code (a(say)a(sayay))}. */
    DIR_TREE(2, "dirtree"),
    /** Directory metadata {@code (uuua(ayay))}. */
    DIR_META(3, "dirmeta"),
    /** A commit {@code (a{sv}aya(say)sstayay)}. */
    COMMIT(4, "commit"),
    /** The marker left behind for a pruned commit. */
    TOMBSTONE_COMMIT(5, "tombstone-commit"),
    /** Detached commit metadata {@code a{sv}} (signatures); named by its commit's checksum. */
    COMMIT_META(6, "commitmeta");

    private final int code;
    private final String extension;

    ObjectType(int code, String extension) {
        this.code = code;
        this.extension = extension;
    }

    /** libostree's {@code OstreeObjectType} value. */
    public int code() {
        return code;
    }

    /** The loose-object file suffix in an archive repository, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether this is a metadata type (never compressed). */
    public boolean isMeta() {
        return this != FILE;
    }

    /** The type whose archive-mode suffix is {@code extension}, or null. */
    public static @Nullable ObjectType ofExtension(String extension) {
        for (ObjectType t : values()) {
            if (t.extension.equals(extension)) {
                return t;
            }
        }
        return null;
    }

    /** The type with libostree's numeric {@code code}. */
    public static ObjectType ofCode(int code) {
        for (ObjectType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown object type code " + code);
    }
}
