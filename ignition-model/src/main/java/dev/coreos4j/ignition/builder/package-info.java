/**
 * Builders for assembling {@link dev.coreos4j.ignition.Config} values in code: {@link
 * dev.coreos4j.ignition.builder.ConfigBuilder} for a whole config and one builder per part ({@link
 * dev.coreos4j.ignition.builder.FileBuilder}, {@link dev.coreos4j.ignition.builder.UnitBuilder}, {@link
 * dev.coreos4j.ignition.builder.UserBuilder}, …), plus {@link dev.coreos4j.ignition.builder.Contents} (inline
 * {@code data:} URLs, hashes) and {@link dev.coreos4j.ignition.builder.PosixMode}.
 *
 * <p>Builders are mutable and not thread-safe; {@code build()} validates what was assembled with Ignition's rules
 * and throws {@link dev.coreos4j.ignition.IgnitionException} carrying the whole report when it is invalid. The values
 * they build are immutable. Setters take non-null arguments unless a parameter is marked {@link
 * org.jspecify.annotations.Nullable} (null there means "absent", as in the model).
 */
@NullMarked
package dev.coreos4j.ignition.builder;

import org.jspecify.annotations.NullMarked;
