/**
 * Ignition configs (spec 3.0.0 to 3.6.0 and 3.7.0-experimental) as immutable Java values.
 *
 * <p>Start at {@link dev.coreos4j.ignition.Ignition}: {@code parse} reads any supported document into the 3.6.0
 * {@link dev.coreos4j.ignition.Config} model with Ignition 2.26's verdict in a {@link dev.coreos4j.ignition.Report};
 * {@code validate} checks a model value; {@code write} emits canonical JSON of a chosen spec version. Everything in
 * this package is immutable and thread-safe.
 *
 * <p>Nulls: in the model an absent optional scalar is {@code null} by design (Ignition tells absent from
 * {@code false}, {@code ""} and {@code 0}, and merging depends on it); those components are marked
 * {@link org.jspecify.annotations.Nullable}. Lists, nested objects and list keys are never null. Nothing else in
 * this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition;

import org.jspecify.annotations.NullMarked;
