/**
 * OSTree objects and their checksums, identical to libostree's: {@link dev.coreos4j.ostree.Checksum}, the metadata
 * objects {@link dev.coreos4j.ostree.CommitObject}, {@link dev.coreos4j.ostree.DirTree} and
 * {@link dev.coreos4j.ostree.DirMeta}, content headers ({@link dev.coreos4j.ostree.FileHeader}), GVariant values
 * ({@link dev.coreos4j.ostree.Variant}, {@link dev.coreos4j.ostree.Metadata}, the text format in
 * {@link dev.coreos4j.ostree.GVariantText}) and {@link dev.coreos4j.ostree.ObjectType}.
 *
 * <p>Everything here is pure: encoding, decoding and checksumming never touch a disk; repositories that store
 * objects are in {@link dev.coreos4j.ostree.repo}. A new object type goes here, its storage there. Values are
 * immutable and thread-safe; nothing accepts or returns {@code null} unless marked
 * {@link org.jspecify.annotations.Nullable}. Malformed bytes are an {@link dev.coreos4j.ostree.ObjectFormatException}.
 */
@NullMarked
package dev.coreos4j.ostree;

import org.jspecify.annotations.NullMarked;
