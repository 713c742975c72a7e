/**
 * Implementation shared by the OSTree packages, not exported: the GVariant codec and types, the {@code .filez}
 * archive-content layout, directory handles ({@link dev.coreos4j.ostree.internal.DirHandle}, libostree's
 * {@code openat} discipline, and the one recursive delete), and the one atomic-file writer
 * ({@link dev.coreos4j.ostree.internal.AtomicFile} with an explicit {@link dev.coreos4j.ostree.internal.FsyncPolicy}).
 * Nothing accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ostree.internal;

import org.jspecify.annotations.NullMarked;
