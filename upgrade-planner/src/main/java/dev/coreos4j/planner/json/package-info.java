/**
 * The planner's JSON forms: snapshots and MachineConfigs read ({@link dev.coreos4j.planner.json.PlannerJson}, which
 * delegates to the named readers and writers of this package), plans, next steps and statuses written, update graphs
 * read ({@link dev.coreos4j.planner.json.UpdateGraphReader}) and path results written
 * ({@link dev.coreos4j.planner.json.PathResultJson}). Readers report every problem of the input as a
 * {@link dev.coreos4j.problem.Problem} (stable code, JSON path in {@code $.pools[0]} syntax, line and column where
 * known) and their {@code …OrThrow} forms throw a {@link dev.coreos4j.problem.ProblemsException} carrying all of them.
 * Writers print keys in a fixed order, so their output is byte-stable. Streaming through jackson-core only.
 * README.md, "Upgrade planner" and "Update-graph paths", shows the formats.
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner.json;

import org.jspecify.annotations.NullMarked;
