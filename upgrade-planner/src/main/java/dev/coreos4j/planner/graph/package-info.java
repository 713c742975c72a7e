/**
 * Update graphs and version paths: an {@link dev.coreos4j.planner.graph.UpdateGraph} (releases, edges, conditional
 * edges with risks), {@link dev.coreos4j.planner.graph.UpdatePathPlanner} (the shortest acceptable path from one
 * version to another, EUS-to-EUS with paused worker pools), risk evaluation and the rollout of each hop over a
 * planner snapshot ({@link dev.coreos4j.planner.graph.PathRollout}). Pure: no clock, no I/O; immutable, thread-safe
 * values. Reading graph JSON lives in {@link dev.coreos4j.planner.json}. README.md, "Update-graph paths", describes
 * the rules.
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner.graph;

import org.jspecify.annotations.NullMarked;
