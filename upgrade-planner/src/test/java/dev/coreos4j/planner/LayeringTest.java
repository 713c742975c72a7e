package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Layering;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's layers, bottom up: the JSON tree (internal), the pure planner core, rendering (the only Ignition user),
 * update graphs, the JSON readers and writers, and the cluster reader on top. A package may use its own layer and
 * those below it: the core never imports render, graph, json or cluster.
 */
class LayeringTest {

    static final List<String> LAYERS = List.of(
            "dev.coreos4j.planner.internal",
            "dev.coreos4j.planner",
            "dev.coreos4j.planner.render",
            "dev.coreos4j.planner.graph",
            "dev.coreos4j.planner.json",
            "dev.coreos4j.planner.cluster");

    @Test
    void packages_useOnlyTheirOwnAndLowerLayers() {
        assertThat(Layering.violations("upgrade-planner", LAYERS)).isEmpty();
    }
}
