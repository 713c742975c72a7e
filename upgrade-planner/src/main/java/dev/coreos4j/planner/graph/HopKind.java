package dev.coreos4j.planner.graph;

/** What kind of update a hop is. */
public enum HopKind {
    /** Same major and minor version (OpenShift z-stream). */
    PATCH,
    /** To the next (or, downgrading, previous) minor version. */
    MINOR,
    /** A Fedora CoreOS update between releases of the stream. */
    RELEASE
}
