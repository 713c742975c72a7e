/**
 * Generators, simulators and invariant checks for property tests of CoreOS upgrade tooling.
 *
 * <p>Everything here is deterministic for a seed: arbitraries are plain jqwik {@code Arbitrary} values that shrink
 * towards small, meaningful inputs, and the simulators take their randomness only from what a test hands them.
 *
 * <p>Null policy: the package is {@code @NullMarked}; a parameter, return or record component that may be null is
 * {@code @Nullable}, and a value that may be absent is returned as {@code Optional}.
 */
@NullMarked
package dev.coreos4j.testkit;

import org.jspecify.annotations.NullMarked;
