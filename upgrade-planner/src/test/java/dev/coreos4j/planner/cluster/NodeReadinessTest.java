package dev.coreos4j.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness through {@link Cluster#read}: our port of the MCO's {@code TestIsNodeReady}
 * (openshift/machine-config-operator {@code pkg/controller/node/status_test.go}), which checks
 * {@code LayeredNodeState.IsNodeReady} ({@code pkg/controller/common/layered_node_state.go}): Ready must be True,
 * DiskPressure and NetworkUnavailable False, and the node schedulable. Our {@link Node#isSchedulable()} is that
 * predicate ({@code ready} from the conditions, {@code unschedulable} from the spec).
 */
class NodeReadinessTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static ObjectNode node(String name, String... conditions) {
        return K8s.node(
                name,
                Map.of(),
                Map.of(
                        Cluster.CURRENT_CONFIG,
                        "rendered-a",
                        Cluster.DESIRED_CONFIG,
                        "rendered-a",
                        Cluster.STATE,
                        "Done"),
                conditions);
    }

    private static ObjectNode unschedulable(String name, boolean value) {
        ObjectNode n = node(name);
        ((ObjectNode) n.get("spec")).put("unschedulable", value);
        return n;
    }

    @Test
    void isSchedulable_followsTestIsNodeReady() {
        List<ObjectNode> nodes = new ArrayList<>();
        nodes.add(node("node1", "Ready", "True"));
        nodes.add(node("node2", "Ready", "False"));
        nodes.add(node("node3", "DiskPressure", "True"));
        nodes.add(node("node4", "DiskPressure", "False"));
        nodes.add(node("node5", "Ready", "True", "DiskPressure", "True"));
        nodes.add(node("node6", "Ready", "True", "DiskPressure", "False"));
        nodes.add(node("node7", "Ready", "False", "DiskPressure", "True"));
        nodes.add(node("node8", "Ready", "False", "DiskPressure", "False"));
        nodes.add(unschedulable("node9", true));
        nodes.add(unschedulable("node10", false));
        nodes.add(node("node11"));
        Snapshot s = Cluster.read(NOW, K8s.list(nodes)).snapshotOrThrow();
        List<String> schedulable = new ArrayList<>();
        for (String n : List.of(
                "node1", "node2", "node3", "node4", "node5", "node6", "node7", "node8", "node9", "node10", "node11")) {
            if (s.node(n).isSchedulable()) {
                schedulable.add(n);
            }
        }
        assertThat(schedulable).containsExactly("node1", "node4", "node6", "node10", "node11");
        assertThat(s.node("node9").ready()).as("unschedulable is its own field").isTrue();
        assertThat(s.node("node9").unschedulable()).isTrue();
    }

    /** CheckNodeReady's third condition, which TestIsNodeReady does not cover, and Unknown statuses. */
    @Test
    void ready_readsNetworkUnavailableAndUnknownStatuses() {
        Snapshot s = Cluster.read(
                        NOW,
                        K8s.list(
                                node("a", "Ready", "True", "NetworkUnavailable", "True"),
                                node("b", "Ready", "True", "NetworkUnavailable", "False"),
                                node("c", "Ready", "Unknown"),
                                node("d", "Ready", "True", "DiskPressure", "Unknown"),
                                node("e", "Ready", "True", "MemoryPressure", "True", "PIDPressure", "True")))
                .snapshotOrThrow();
        assertThat(s.node("a").ready()).isFalse();
        assertThat(s.node("b").ready()).isTrue();
        assertThat(s.node("c").ready()).isFalse();
        assertThat(s.node("d").ready()).isFalse();
        assertThat(s.node("e").ready())
                .as("MCO looks at Ready, DiskPressure and NetworkUnavailable only")
                .isTrue();
    }
}
