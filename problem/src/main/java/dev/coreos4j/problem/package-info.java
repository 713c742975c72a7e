/**
 * Problems found in content, one shape for every library.
 *
 * <p>A {@link dev.coreos4j.problem.Problem} has a {@link dev.coreos4j.problem.Severity}, a stable code taken from an
 * enumerated {@link dev.coreos4j.problem.Rule}, the message a user reads, and a {@link
 * dev.coreos4j.problem.Location}: any of a source (a file or repository path), a {@link
 * dev.coreos4j.problem.JsonPath} (one syntax everywhere: {@code $.storage.files[0].path}), an {@link
 * dev.coreos4j.problem.ObjectRef} (an OSTree object, a Kubernetes object, a node) and a {@link
 * dev.coreos4j.problem.Position} (line and column). {@link dev.coreos4j.problem.Problems} is an ordered list of them
 * and {@link dev.coreos4j.problem.ProblemsException} carries all of them when an API throws.
 *
 * <p>Every type is immutable and thread-safe; nothing here accepts or returns {@code null} unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.problem;

import org.jspecify.annotations.NullMarked;
