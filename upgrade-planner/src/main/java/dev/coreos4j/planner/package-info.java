/**
 * A pure rolling-upgrade planner for fleets of CoreOS machines.
 *
 * <p>Inputs are immutable values: a {@link dev.coreos4j.planner.Snapshot} of {@link dev.coreos4j.planner.Pool}s,
 * {@link dev.coreos4j.planner.Node}s, the instant {@code now}, and optional rendered configs, disruption policies,
 * PodDisruptionBudgets, maintenance windows, lock groups and limits. {@link dev.coreos4j.planner.Planner} turns a
 * snapshot into the next actions ({@link dev.coreos4j.planner.NextStep}), the whole rollout
 * ({@link dev.coreos4j.planner.Plan} of {@link dev.coreos4j.planner.Wave}s), a rollback plan and the pool statuses.
 * Nothing here reads a clock, draws a random number or performs I/O; every type is immutable and thread-safe.
 *
 * <p>Layout: this package is the pure core (snapshot values, {@code Planner}, actions, waves, reasons, and the gates
 * {@code Pass} runs, each a package-private part named for what it holds back). It imports none of the module's
 * other packages (see {@code LayeringTest}): {@link dev.coreos4j.planner.render} turns MachineConfigs into rendered
 * configs, {@link dev.coreos4j.planner.graph} plans version paths, {@link dev.coreos4j.planner.json} reads and writes
 * the JSON forms the {@code coreos4j plan} command uses and {@link dev.coreos4j.planner.cluster} reads the cluster's
 * objects. A new gate goes next to the others here and gets a {@link dev.coreos4j.planner.Reason}. README.md,
 * "Upgrade planner", describes the semantics.
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner;

import org.jspecify.annotations.NullMarked;
