/**
 * {@code coreos4j ignition}: validate (the verdict and wording of {@code ignition-validate}), translate
 * between spec versions, merge a child config over a parent, and print the JSON Schema of a spec version. Reports
 * go to standard error (standard output for {@code validate}); a command that fails writes nothing to standard
 * output. The JSON forms ({@code validate --format=json}, {@code merge --transcript}) are written with Jackson.
 */
@NullMarked
package dev.coreos4j.cli.ignition;

import org.jspecify.annotations.NullMarked;
