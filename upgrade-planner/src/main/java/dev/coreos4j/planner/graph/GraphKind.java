package dev.coreos4j.planner.graph;

/** Which update service produced a graph; it decides how releases are ordered and which rules apply to a hop. */
public enum GraphKind {

    /**
     * An OpenShift update service (Cincinnati) graph: semantic versions, channel membership in node metadata,
     * conditional edges with risks, serialized minor versions.
     */
    CINCINNATI,

    /**
     * The Fedora CoreOS update graph: releases ordered by their age index, with barrier and dead-end metadata; one
     * stream per graph, so channels and minor versions do not apply.
     */
    FEDORA_COREOS
}
