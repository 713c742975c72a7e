/**
 * Butane front end: Butane YAML ({@code fcos} and {@code openshift} variants) translated to Ignition configs and
 * MachineConfigs, as Butane's {@code TranslateBytes} does. Start at {@link dev.coreos4j.ignition.butane.Butane};
 * the outcome is a {@link dev.coreos4j.ignition.butane.ButaneResult} whose report holds every error and warning with
 * the YAML path (RFC 9535 syntax, {@code $.storage.files[0].mode}) and the YAML line and column.
 *
 * <p>Translation never throws for bad content (it is data in the report); {@code …OrThrow} accessors throw {@link
 * dev.coreos4j.ignition.IgnitionException} carrying the report. Results and options are immutable and thread-safe;
 * local files are read only from the {@link dev.coreos4j.ignition.butane.FilesDir} the caller names. Nothing here
 * accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ignition.butane;

import org.jspecify.annotations.NullMarked;
