package dev.coreos4j.planner.graph;

import java.util.List;
import java.util.Objects;

/**
 * One control-plane-only stretch of an EUS-to-EUS plan: workers pause at {@code workersFrom}, the control plane
 * passes through {@code controlPlaneOnly} (the odd minor among them), and at {@code unpauseAt} (an even minor) the
 * workers are unpaused and reboot once, straight to it. The kubelet/API-server skew stays within two minors.
 *
 * @param workersFrom the version workers run while paused, never null
 * @param controlPlaneOnly versions only the control plane runs during the segment, in order; an immutable copy
 * @param unpauseAt the even-minor version the workers go to, never null
 * @param hops the number of control-plane hops in the segment, at least 1
 */
public record EusSegment(String workersFrom, List<String> controlPlaneOnly, String unpauseAt, int hops) {

    public EusSegment {
        Objects.requireNonNull(workersFrom, "workersFrom");
        controlPlaneOnly = List.copyOf(controlPlaneOnly);
        Objects.requireNonNull(unpauseAt, "unpauseAt");
        if (hops < 1) {
            throw new IllegalArgumentException("a segment has at least one hop, got " + hops);
        }
    }
}
