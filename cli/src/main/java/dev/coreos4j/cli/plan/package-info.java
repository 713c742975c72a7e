/**
 * {@code coreos4j plan}: rolling upgrades over {@code dev.coreos4j.planner} — the whole rollout as waves
 * ({@code plan}), the actions to take now ({@code plan next}), MachineConfig rendering and disruption
 * ({@code plan render}) and version paths through an update graph ({@code plan graph}); from a snapshot file or from
 * {@code oc get … -o json} output ({@code --cluster}). Text or JSON output; the JSON comes from the planner's
 * {@code dev.coreos4j.planner.json} writers.
 */
@NullMarked
package dev.coreos4j.cli.plan;

import org.jspecify.annotations.NullMarked;
