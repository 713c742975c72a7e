/**
 * {@code coreos4j demo}: the main job end to end on embedded data, told as a story, one
 * {@link dev.coreos4j.cli.demo.DemoStep chapter} per library (Ignition, OSTree, deployments, containers, planner).
 * Also home of the demo data the libraries do not ship, such as {@link dev.coreos4j.cli.demo.ExampleGraph}. The
 * chapters write only below the directory they are given and use the reference tools only when installed.
 */
@NullMarked
package dev.coreos4j.cli.demo;

import org.jspecify.annotations.NullMarked;
