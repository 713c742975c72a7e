/**
 * A pure, deterministic rolling-upgrade planner for fleets of CoreOS machines: no clock, no randomness, no I/O.
 */
module dev.coreos4j.planner {
    requires transitive dev.coreos4j.ignition; // MachineConfig and ConfigDerivation.from take Ignition configs
    requires transitive dev.coreos4j.problem; // snapshot, cluster and graph problems
    requires static transitive org.jspecify;
    requires tools.jackson.core;

    exports dev.coreos4j.planner;
    exports dev.coreos4j.planner.cluster;
    exports dev.coreos4j.planner.graph;
    exports dev.coreos4j.planner.json;
    exports dev.coreos4j.planner.render;
}
