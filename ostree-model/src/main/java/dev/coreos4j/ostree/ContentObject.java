package dev.coreos4j.ostree;

import java.util.Objects;

/**
 * A content object's header as stored in a {@code .filez}: the file metadata and the uncompressed size it declares.
 *
 * @param checksum the object name
 * @param header owner, mode, symlink target, xattrs
 * @param size the declared uncompressed content size (0 for symlinks)
 */
public record ContentObject(Checksum checksum, FileHeader header, long size) {
    public ContentObject {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(header, "header");
    }
}
