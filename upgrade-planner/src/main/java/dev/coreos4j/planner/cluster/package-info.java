/**
 * The cluster's real Kubernetes objects to a planner {@link dev.coreos4j.planner.Snapshot}: {@link
 * dev.coreos4j.planner.cluster.Cluster#read} takes what {@code oc get nodes,mcp,mc,pdb,pods,infrastructure -o json}
 * prints and reads every field where the Machine Config Operator reads it. Pure: no clock (the instant is an
 * argument), no I/O; every type is immutable and thread-safe.
 *
 * <p>Problems in the objects are {@link dev.coreos4j.problem.Problem}s with a
 * {@code ClusterRule} code and the object ({@code kind/name}) and JSON path they are
 * in. README.md, "Planning from the cluster's objects", describes what is read.
 *
 * <p>Null policy: nothing here accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable};
 * {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.planner.cluster;

import org.jspecify.annotations.NullMarked;
