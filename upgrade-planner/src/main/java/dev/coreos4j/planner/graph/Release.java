package dev.coreos4j.planner.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One node of an update graph.
 *
 * @param version the release version, never null; unique within a graph
 * @param payload the release image pull spec (OpenShift) or the OSTree commit checksum (Fedora CoreOS); never null
 *     (may be empty)
 * @param channels the channels listing this release (from {@code io.openshift.upgrades.graph.release.channels}), an
 *     immutable copy in graph order; empty for Fedora CoreOS
 * @param ageIndex the Fedora CoreOS age index (higher is newer), or null in an OpenShift graph
 * @param barrierReason why every older release must update through this one, or null when it is not a barrier
 * @param deadEndReason why there is no way forward from this release, or null when it is not a dead end
 * @param metadata every metadata entry as served, an immutable map sorted by key
 */
public record Release(
        String version,
        String payload,
        List<String> channels,
        @Nullable Long ageIndex,
        @Nullable String barrierReason,
        @Nullable String deadEndReason,
        Map<String, String> metadata) {

    /** The node metadata key listing a release's channels, comma-separated. */
    public static final String CHANNELS_KEY = "io.openshift.upgrades.graph.release.channels";
    /** The node metadata key holding a Fedora CoreOS release's age index. */
    public static final String AGE_INDEX_KEY = "org.fedoraproject.coreos.releases.age_index";
    /** The node metadata key marking a Fedora CoreOS barrier ({@code "true"}). */
    public static final String BARRIER_KEY = "org.fedoraproject.coreos.updates.barrier";
    /** The node metadata key with a barrier's reason. */
    public static final String BARRIER_REASON_KEY = "org.fedoraproject.coreos.updates.barrier_reason";
    /** The node metadata key marking a Fedora CoreOS dead end ({@code "true"}). */
    public static final String DEADEND_KEY = "org.fedoraproject.coreos.updates.deadend";
    /** The node metadata key with a dead end's reason. */
    public static final String DEADEND_REASON_KEY = "org.fedoraproject.coreos.updates.deadend_reason";

    public Release {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(payload, "payload");
        channels = List.copyOf(channels);
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** An OpenShift release in the given channels, with no other metadata. */
    public static Release openshift(String version, List<String> channels) {
        return new Release(version, "", channels, null, null, null, Map.of(CHANNELS_KEY, String.join(",", channels)));
    }

    /** True when every older release must update through this one (Fedora CoreOS). */
    public boolean isBarrier() {
        return barrierReason != null;
    }

    /** True when there is no way forward from this release and it must never be chosen as a target. */
    public boolean isDeadEnd() {
        return deadEndReason != null;
    }

    /** True when this release is listed in {@code channel}. */
    public boolean inChannel(String channel) {
        return channels.contains(channel);
    }
}
