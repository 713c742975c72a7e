/**
 * The field-local rules of the model as Jakarta Bean Validation constraints (not exported; opened to a user's
 * Hibernate Validator): Ignition-specific annotations ({@link dev.coreos4j.ignition.internal.constraints.NodePath},
 * {@link dev.coreos4j.ignition.internal.constraints.ByteLength}) with their validators, and {@link
 * dev.coreos4j.ignition.internal.constraints.FieldChecks}, which evaluates every constraint of the model without a
 * Bean Validation provider, so that the annotations are the one source of truth.
 *
 * <p>With Bean Validation's semantics a null value passes every constraint; validator methods therefore take
 * {@link org.jspecify.annotations.Nullable} values. Otherwise nothing here accepts or returns {@code null} unless
 * marked {@code @Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.internal.constraints;

import org.jspecify.annotations.NullMarked;
