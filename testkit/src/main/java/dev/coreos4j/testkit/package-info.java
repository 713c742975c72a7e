/**
 * Generators, simulators and invariant checks for property tests of CoreOS upgrade tooling.
 *
 * <p>Everything here is deterministic for a seed: arbitraries are plain jqwik {@code Arbitrary} values that shrink
 * towards small, meaningful inputs, and the simulators take their randomness only from what a test hands them.
 */
package dev.coreos4j.testkit;
