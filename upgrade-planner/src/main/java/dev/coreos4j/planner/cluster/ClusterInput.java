package dev.coreos4j.planner.cluster;

import java.util.Objects;

/**
 * One JSON document of Kubernetes objects: a single object ({@code oc get node w1 -o json}) or a list with
 * {@code items} ({@code List}, {@code NodeList}, {@code MachineConfigPoolList}, …).
 *
 * @param source where the text came from (a file name), used in problems; not null
 * @param json   the document text; not null
 */
public record ClusterInput(String source, String json) {

    /** Checks both components are non-null. */
    public ClusterInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
    }
}
