package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;

/** An entry of a committed tree, by absolute path ({@code /} for the root). */
public sealed interface TreeEntry permits TreeEntry.File, TreeEntry.Directory {

    /** The absolute path in the commit. */
    String path();

    /** A regular file or symlink: its content object. */
    record File(String path, Checksum checksum) implements TreeEntry {}

    /** A directory: its dirtree and dirmeta objects. */
    record Directory(String path, Checksum tree, Checksum meta) implements TreeEntry {}
}
