/**
 * {@code coreos4j butane}: Butane's command line over {@code dev.coreos4j.ignition.butane}. Reads a Butane
 * file, writes the Ignition config (or the openshift variant's MachineConfig) and prints the report as Butane does;
 * nothing is written when the translation fails.
 */
@NullMarked
package dev.coreos4j.cli.butane;

import org.jspecify.annotations.NullMarked;
