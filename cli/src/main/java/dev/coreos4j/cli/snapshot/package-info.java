/**
 * {@code coreos4j snapshot}: planner snapshots from other sources ({@code snapshot import}: Kubernetes
 * objects as {@code oc get … -o json} prints them), written as the snapshot JSON the {@code plan} commands read.
 */
@NullMarked
package dev.coreos4j.cli.snapshot;

import org.jspecify.annotations.NullMarked;
