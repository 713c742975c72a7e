package dev.coreos4j.planner.graph;

import java.util.List;

/**
 * The control-plane-only (EUS-to-EUS) shape of a path: consecutive segments, each ending at an even minor where the
 * workers reboot once.
 *
 * @param segments the segments in order, an immutable copy; empty only for a path without hops
 */
public record EusPlan(List<EusSegment> segments) {

    public EusPlan {
        segments = List.copyOf(segments);
    }

    /** How many times each worker node reboots under this plan: once per segment. */
    public int workerRebootsPerNode() {
        return segments.size();
    }

    /** How many reboots each worker node saves compared with following the control plane through every hop. */
    public int workerRebootsSavedPerNode() {
        return segments.stream().mapToInt(EusSegment::hops).sum() - segments.size();
    }
}
