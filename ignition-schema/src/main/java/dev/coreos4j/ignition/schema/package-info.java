/**
 * JSON Schemas (draft-04) of every Ignition spec version and a structural pre-check against them; start at
 * {@link dev.coreos4j.ignition.schema.Schemas}. The authoritative validator stays
 * {@link dev.coreos4j.ignition.Ignition#parse(byte[])} in {@code ignition-model}.
 *
 * <p>Schemas are generated once per version and immutable; every method is thread-safe. Problems of the pre-check
 * come from the enumerated {@link dev.coreos4j.ignition.schema.SchemaRule}. Nothing here accepts or returns
 * {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.schema;

import org.jspecify.annotations.NullMarked;
