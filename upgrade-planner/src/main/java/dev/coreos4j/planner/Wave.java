package dev.coreos4j.planner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Nodes that start together, with every step each of them takes until it is steady again.
 *
 * @param index 0-based
 * @param start when the wave starts (the snapshot's {@code now}, or a later maintenance window)
 * @param nodes the nodes, sorted by name
 */
public record Wave(int index, Instant start, List<Entry> nodes) {

    public Wave {
        Objects.requireNonNull(start, "start");
        nodes = List.copyOf(nodes);
    }

    /**
     * One node of a wave.
     *
     * @param name  node name
     * @param pool  pool name
     * @param steps the step names in order ({@code SetDesired}, {@code Cordon}, …)
     */
    public record Entry(String name, String pool, List<String> steps) {
        public Entry {
            steps = List.copyOf(steps);
        }
    }
}
