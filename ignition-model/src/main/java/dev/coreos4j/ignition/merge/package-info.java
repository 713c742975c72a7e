/**
 * Ignition's config merging and reference resolution: {@link dev.coreos4j.ignition.merge.Merge} merges a child
 * config into a parent as Ignition 2.26 does and records where every value came from in a {@link
 * dev.coreos4j.ignition.merge.Transcript}; {@link dev.coreos4j.ignition.merge.Resolver} follows a config's
 * {@code ignition.config.merge}/{@code replace} references through a caller's {@link
 * dev.coreos4j.ignition.merge.Fetcher} (the library opens no connection itself).
 *
 * <p>Pure functions over immutable values; thread-safe as far as the caller's fetcher is. Nothing here accepts or
 * returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.merge;

import org.jspecify.annotations.NullMarked;
