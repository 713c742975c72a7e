/**
 * MachineConfigs and their rendering: {@link dev.coreos4j.planner.render.Renderer} merges a pool's MachineConfigs
 * the way the Machine Config Operator does into a {@link dev.coreos4j.planner.render.Rendering} (a rendered
 * MachineConfig with a content-derived name), and {@link dev.coreos4j.planner.render.ConfigDerivation} derives the
 * planner core's {@link dev.coreos4j.planner.RenderedConfig} (content hashes) from an Ignition config. The only
 * package of the planner that needs Ignition's model types; the core's disruption policies then compare the derived
 * configs without knowing Ignition. Pure and thread-safe; bad MachineConfigs throw
 * {@link dev.coreos4j.planner.render.RenderException} with a stable code. README.md, "Rendered configs from
 * Ignition", describes the rules.
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner.render;

import org.jspecify.annotations.NullMarked;
