package dev.coreos4j.planner.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The EUS-to-EUS shape of a path: control-plane hops grouped into segments between even minors at most two minors
 * apart, worker pools paused except at each segment's last hop, and why a request cannot have that shape.
 */
final class EusShape {
    private EusShape() {}

    /**
     * Splits the control-plane hops into segments between even minors at most two minors apart (the kubelet skew
     * EUS-to-EUS updates allow) and marks worker pools paused, except at each segment's last hop.
     */
    static EusPlan plan(List<Hop> hops, String from) {
        List<EusSegment> segments = new ArrayList<>();
        long targetMinor = minor(hops.get(hops.size() - 1).to());
        long segmentEnd = Math.min(minor(from) + 2, targetMinor);
        String workersAt = from;
        List<String> controlPlaneOnly = new ArrayList<>();
        int segmentHops = 0;
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            segmentHops++;
            boolean last = i == hops.size() - 1;
            boolean end = last
                    || (minor(h.to()) == segmentEnd && minor(hops.get(i + 1).to()) > segmentEnd);
            if (end) {
                hops.set(i, h.withWorkers(WorkerPools.UNPAUSED));
                segments.add(new EusSegment(workersAt, controlPlaneOnly, h.to(), segmentHops));
                workersAt = h.to();
                controlPlaneOnly = new ArrayList<>();
                segmentHops = 0;
                segmentEnd = Math.min(segmentEnd + 2, targetMinor);
            } else {
                hops.set(i, h.withWorkers(WorkerPools.PAUSED));
                controlPlaneOnly.add(h.to());
            }
        }
        return new EusPlan(segments);
    }

    /** Why an EUS plan cannot be made for this request, or null when it can. */
    static @Nullable String obstacle(boolean fcos, Map<String, Release> releases, String from, @Nullable String to) {
        if (fcos) {
            return "control-plane-only (EUS) updates apply to OpenShift graphs only";
        }
        if (!evenMinor(Objects.requireNonNull(releases.get(from)))) {
            return "control-plane-only (EUS) updates start at an even minor; " + from + " is on "
                    + Objects.requireNonNull(SemanticVersion.parse(from)).minorLine();
        }
        if (to != null && !evenMinor(Objects.requireNonNull(releases.get(to)))) {
            return "control-plane-only (EUS) updates end at an even minor; " + to + " is on "
                    + Objects.requireNonNull(SemanticVersion.parse(to)).minorLine();
        }
        return null;
    }

    static boolean evenMinor(Release r) {
        SemanticVersion v = SemanticVersion.parse(r.version());
        return v != null && v.minor() % 2 == 0;
    }

    private static long minor(String version) {
        return Objects.requireNonNull(SemanticVersion.parse(version)).minor();
    }
}
