package dev.coreos4j.planner;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pod that a drain of its node would evict, as far as PodDisruptionBudgets care: a name and labels.
 *
 * @param name   the pod name
 * @param labels the pod labels (copied, sorted)
 */
public record Pod(String name, Map<String, String> labels) {

    public Pod {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
    }
}
