/**
 * A pure rolling-upgrade planner for fleets of CoreOS machines.
 *
 * <p>Inputs are immutable values: a {@link dev.coreos4j.planner.Snapshot} of {@link dev.coreos4j.planner.Pool}s,
 * {@link dev.coreos4j.planner.Node}s, the instant {@code now}, and optional rendered configs, disruption policies,
 * PodDisruptionBudgets, maintenance windows, lock groups and limits. {@link dev.coreos4j.planner.Planner} turns a
 * snapshot into the next actions ({@link dev.coreos4j.planner.NextStep}), the whole rollout
 * ({@link dev.coreos4j.planner.Plan} of {@link dev.coreos4j.planner.Wave}s), a rollback plan and the pool statuses.
 * {@link dev.coreos4j.planner.PlannerJson} reads and writes the JSON forms the {@code coreos4j plan} command uses.
 * Nothing here reads a clock, draws a random number or performs I/O; every type is immutable and thread-safe.
 */
package dev.coreos4j.planner;
