package dev.coreos4j.planner.graph;

import java.util.List;

/**
 * Reboots a path costs, per hop, assuming every hop changes the OS image (as OpenShift minor and z-stream releases
 * do) so each updating node reboots once per hop.
 *
 * @param hops per-hop reboots in path order, an immutable copy
 * @param workerRebootsSaved worker reboots avoided by pausing worker pools (EUS-to-EUS), zero otherwise
 */
public record RebootEstimate(List<HopReboots> hops, int workerRebootsSaved) {

    public RebootEstimate {
        hops = List.copyOf(hops);
    }

    /** Reboots over the whole path. */
    public int total() {
        return hops.stream().mapToInt(HopReboots::total).sum();
    }
}
