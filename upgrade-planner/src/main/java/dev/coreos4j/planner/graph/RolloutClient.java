package dev.coreos4j.planner.graph;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Fedora CoreOS client's place in phased rollouts (Zincati {@code rollout_wariness}): a release that is being rolled
 * out is offered to this client only once the rollout's progress at {@code now} reaches its wariness. Progress starts
 * at the release's start value at its start epoch and grows linearly to 1 over its duration; without a duration it
 * stays at the start value; before the start epoch it is 0. Unparseable rollout metadata falls back to those defaults,
 * as the update service does.
 *
 * @param now the instant the client asks at, never null (the planner has no clock)
 * @param wariness from 0.0 (eager) to 1.0 (cautious)
 */
public record RolloutClient(Instant now, double wariness) {

    /** The node metadata key marking a release that is being rolled out ({@code "true"}). */
    public static final String ROLLOUT_KEY = "org.fedoraproject.coreos.updates.rollout";
    /** The node metadata key with the rollout's start, in epoch seconds. */
    public static final String START_EPOCH_KEY = "org.fedoraproject.coreos.updates.start_epoch";
    /** The node metadata key with the rollout's starting progress, 0.0 to 1.0. */
    public static final String START_VALUE_KEY = "org.fedoraproject.coreos.updates.start_value";
    /** The node metadata key with the rollout's duration in minutes. */
    public static final String DURATION_KEY = "org.fedoraproject.coreos.updates.duration_minutes";

    /** @throws IllegalArgumentException when {@code wariness} is outside [0, 1] or not a number */
    public RolloutClient {
        Objects.requireNonNull(now, "now");
        if (!(wariness >= 0.0 && wariness <= 1.0)) {
            throw new IllegalArgumentException("rollout wariness must be between 0.0 and 1.0, got " + wariness);
        }
    }

    /**
     * The rollout progress of {@code release} at {@link #now}, from 0.0 to 1.0; 1.0 for a release that is not being
     * rolled out.
     */
    public double progress(Release release) {
        Map<String, String> meta = release.metadata();
        if (!"true".equals(meta.getOrDefault(ROLLOUT_KEY, "").strip())) {
            return 1.0;
        }
        long start = parseLong(meta.get(START_EPOCH_KEY), 0L);
        double startValue = parseDouble(meta.get(START_VALUE_KEY), 0.0);
        long seconds = now.getEpochSecond();
        if (seconds < start) {
            return 0.0;
        }
        long minutes = parseLong(meta.get(DURATION_KEY), -1L);
        if (minutes < 0) {
            return startValue;
        }
        long end = start + Math.max(1L, minutes) * 60L;
        if (seconds > end) {
            return 1.0;
        }
        return startValue + (1.0 - startValue) * (seconds - start) / (double) (end - start);
    }

    /** True when {@code release} is offered to this client. */
    public boolean offered(Release release) {
        return wariness <= progress(release);
    }

    private static long parseLong(@Nullable String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(@Nullable String text, double fallback) {
        try {
            double v = text == null ? fallback : Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
