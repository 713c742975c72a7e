package dev.coreos4j.planner.graph;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What path to plan. Build one with {@link #to(String, String)} or {@link #latest(String)} and the {@code with…}
 * methods; instances are immutable.
 *
 * @param from the version the cluster or host runs, never null
 * @param to the target version, or null for the newest reachable release
 * @param channel the subscribed channel (OpenShift), or null to ignore channel membership
 * @param allowChannelChange true to let the plan switch to a later channel of the same family ({@code stable-4.14} →
 *     {@code stable-4.15}) when a hop needs it; each switch is listed on its hop
 * @param risks PromQL outcomes and accepted risks, never null
 * @param allowDowngrade true to allow hops to older releases (Zincati {@code allow_downgrade}); false by default
 * @param preconditions cluster conditions gating minor hops, never null
 * @param eus true for a control-plane-only (EUS-to-EUS) plan: between even minors, workers paused over odd minors
 * @param rollout the client's place in Fedora CoreOS phased rollouts, or null to offer every release
 */
public record PathRequest(
        String from,
        @Nullable String to,
        @Nullable String channel,
        boolean allowChannelChange,
        RiskInputs risks,
        boolean allowDowngrade,
        Preconditions preconditions,
        boolean eus,
        @Nullable RolloutClient rollout) {

    public PathRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(risks, "risks");
        Objects.requireNonNull(preconditions, "preconditions");
    }

    /** A path to {@code to}; channel changes are allowed (they are needed to cross minors) and listed on the hops. */
    public static PathRequest to(String from, String to) {
        return new PathRequest(
                from,
                Objects.requireNonNull(to, "to"),
                null,
                true,
                RiskInputs.NONE,
                false,
                Preconditions.NONE,
                false,
                null);
    }

    /** A path to the newest reachable release; the plan stays in the channel, like {@code --to-latest}. */
    public static PathRequest latest(String from) {
        return new PathRequest(from, null, null, false, RiskInputs.NONE, false, Preconditions.NONE, false, null);
    }

    /** True when the newest reachable release is wanted rather than a named one. */
    public boolean latest() {
        return to == null;
    }

    /** This request subscribed to {@code channel} (null: ignore channels). */
    public PathRequest withChannel(String channel) {
        return new PathRequest(
                from, to, channel, allowChannelChange, risks, allowDowngrade, preconditions, eus, rollout);
    }

    /** This request, allowing or forbidding switches to later channels of the same family. */
    public PathRequest withAllowChannelChange(boolean allow) {
        return new PathRequest(from, to, channel, allow, risks, allowDowngrade, preconditions, eus, rollout);
    }

    /** This request with these PromQL outcomes and accepted risks. */
    public PathRequest withRisks(RiskInputs risks) {
        return new PathRequest(
                from, to, channel, allowChannelChange, risks, allowDowngrade, preconditions, eus, rollout);
    }

    /** This request, allowing or forbidding hops to older releases (never allowed in EUS plans). */
    public PathRequest withAllowDowngrade(boolean allow) {
        return new PathRequest(from, to, channel, allowChannelChange, risks, allow, preconditions, eus, rollout);
    }

    /** This request under these cluster conditions. */
    public PathRequest withPreconditions(Preconditions preconditions) {
        return new PathRequest(
                from, to, channel, allowChannelChange, risks, allowDowngrade, preconditions, eus, rollout);
    }

    /** This request as a control-plane-only (EUS-to-EUS) plan, or not. */
    public PathRequest withEus(boolean eus) {
        return new PathRequest(
                from, to, channel, allowChannelChange, risks, allowDowngrade, preconditions, eus, rollout);
    }

    /** This request for a client at this place in phased rollouts (null: every release is offered). */
    public PathRequest withRollout(RolloutClient rollout) {
        return new PathRequest(
                from, to, channel, allowChannelChange, risks, allowDowngrade, preconditions, eus, rollout);
    }
}
