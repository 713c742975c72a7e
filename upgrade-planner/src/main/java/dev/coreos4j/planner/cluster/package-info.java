/**
 * The cluster's real Kubernetes objects to a planner {@link dev.coreos4j.planner.Snapshot}: {@link
 * dev.coreos4j.planner.cluster.Cluster#read} takes what {@code oc get nodes,mcp,mc,pdb,pods,infrastructure -o json}
 * prints and reads every field where the Machine Config Operator reads it. Pure: no clock (the instant is an
 * argument), no I/O; every type is immutable and thread-safe.
 */
package dev.coreos4j.planner.cluster;
