package dev.coreos4j.ignition.merge;

import dev.coreos4j.ignition.Config;
import java.util.Objects;

/**
 * The outcome of {@link Merge#merge(Config, Config)}.
 *
 * @param config     the merged config; never null. It is not validated: two valid configs can merge into an
 *                   invalid one (for example a partition label duplicated under different keys), exactly as in
 *                   Ignition, so callers re-validate with {@link dev.coreos4j.ignition.Ignition#validate(Config)}
 * @param transcript where each value of {@code config} came from; never null
 */
public record MergeResult(Config config, Transcript transcript) {
    public MergeResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transcript, "transcript");
    }
}
