/**
 * Not API (not exported): a small immutable JSON tree with line and column of every node, read and written through
 * jackson-core's streaming parser and generator, for the module's readers (problems carry positions) and writers
 * (fixed key order).
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner.internal.json;

import org.jspecify.annotations.NullMarked;
