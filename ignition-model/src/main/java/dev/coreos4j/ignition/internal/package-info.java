/**
 * The machinery behind {@link dev.coreos4j.ignition.Ignition} (not exported): a JSON reader with Go's
 * {@code encoding/json} behaviour ({@link dev.coreos4j.ignition.internal.GoJson}, {@link
 * dev.coreos4j.ignition.internal.JNode}), the decoder into the model ({@link dev.coreos4j.ignition.internal.Decoder}),
 * version detection and up-translation ({@link dev.coreos4j.ignition.internal.Versions}, {@link
 * dev.coreos4j.ignition.internal.Translations}), the parse pipeline ({@link dev.coreos4j.ignition.internal.Pipeline}),
 * canonical JSON output ({@link dev.coreos4j.ignition.internal.Writer}), URL and unit-file checks, and small ports of
 * Go's string, path and printf semantics.
 *
 * <p>Stateless classes with static methods, or single-use state objects; everything is deterministic. Nothing here
 * accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.internal;

import org.jspecify.annotations.NullMarked;
