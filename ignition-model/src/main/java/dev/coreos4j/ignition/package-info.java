/**
 * Ignition configs (spec 3.0.0 to 3.6.0 and 3.7.0-experimental) as immutable Java values.
 *
 * <p>Start at {@link dev.coreos4j.ignition.Ignition}: {@code parse} reads any supported document into the 3.6.0
 * {@link dev.coreos4j.ignition.Config} model with Ignition 2.26's verdict in a {@link dev.coreos4j.ignition.Report};
 * {@code validate} checks a model value; {@code write} emits canonical JSON of a chosen spec version. Everything in
 * this package is immutable and thread-safe.
 */
package dev.coreos4j.ignition;
