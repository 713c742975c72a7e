/**
 * The machinery behind {@link dev.coreos4j.ignition.butane.Butane} (not exported): YAML reading with positions and
 * Go yaml.v3's decisions ({@link dev.coreos4j.ignition.butane.internal.Yaml}), decoding into the Butane schema
 * ({@link dev.coreos4j.ignition.butane.internal.Decoder}, {@link dev.coreos4j.ignition.butane.internal.Schema}),
 * struct validation, the sugar translations of the base and variant layers ({@link
 * dev.coreos4j.ignition.butane.internal.Translator}, {@link dev.coreos4j.ignition.butane.internal.Fcos}, {@link
 * dev.coreos4j.ignition.butane.internal.OpenShift}), JSON and YAML output, and the pipeline that maps every
 * Ignition problem back to its YAML path ({@link dev.coreos4j.ignition.butane.internal.Pipeline}). Every problem
 * comes from an enumerated {@link dev.coreos4j.ignition.butane.internal.ButaneRule} (or, for a problem of an
 * Ignition config, from Ignition's rule with its code); paths are kept in Go's dotted form while translating and
 * published as {@link dev.coreos4j.problem.JsonPath}s.
 *
 * <p>State objects here live for one translation and are not thread-safe. Nothing here accepts or returns
 * {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.butane.internal;

import org.jspecify.annotations.NullMarked;
