package dev.coreos4j.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pool membership through {@link Cluster#read} on real Node and MachineConfigPool objects: our port of the MCO's
 * {@code TestGetPrimaryPoolForNode} and {@code TestGetNodesForPool} tables
 * (openshift/machine-config-operator {@code pkg/controller/node/node_controller_test.go}), re-expressed with the
 * selectors of {@code test/helpers} ({@code MasterSelector} = {@code node-role/master: ""}, and so on).
 */
class PoolMembershipTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String OS = PoolMembership.OS_LABEL;

    private static ObjectNode master() {
        return K8s.pool("master", Map.of("node-role/master", ""), "rendered-master-0");
    }

    private static ObjectNode worker() {
        return K8s.pool("worker", Map.of("node-role/worker", ""), "rendered-worker-0");
    }

    private static ObjectNode infra() {
        return K8s.pool("infra", Map.of("node-role/infra", ""), "rendered-infra-0");
    }

    private static ObjectNode infra2() {
        return K8s.pool("infra2", Map.of("node-role/infra2", ""), "rendered-infra2-0");
    }

    /** TestGetPrimaryPoolForNode, case by case: pools, the node's labels, the primary pool (null: none or error). */
    static List<Arguments> primaryPoolCases() {
        return List.of(
                Arguments.of(
                        "case#0: a node-role label without a role",
                        List.of(master(), worker()),
                        Map.of("node-role", ""),
                        null,
                        false),
                Arguments.of(
                        "case#1: master", List.of(master(), worker()), Map.of("node-role/master", ""), "master", false),
                Arguments.of(
                        "case#2: master and worker live under master",
                        List.of(master(), worker()),
                        Map.of("node-role/master", "", "node-role/worker", ""),
                        "master",
                        false),
                Arguments.of(
                        "case#3: a custom pool wins over worker",
                        List.of(master(), worker(), infra()),
                        Map.of("node-role/worker", "", "node-role/infra", ""),
                        "infra",
                        false),
                Arguments.of(
                        "case#4: master wins over a custom pool (OCPBUGS-2177)",
                        List.of(master(), worker(), infra()),
                        Map.of("node-role/master", "", "node-role/infra", ""),
                        "master",
                        false),
                Arguments.of(
                        "case#5: two custom pools are an error for the node",
                        List.of(master(), worker(), infra(), infra2()),
                        Map.of("node-role/infra", "", "node-role/infra2", ""),
                        null,
                        true),
                Arguments.of(
                        "case#6: a label value the selectors do not match",
                        List.of(
                                K8s.pool("test-cluster-pool-1", Map.of("node-role/master", ""), "rendered-a"),
                                K8s.pool("test-cluster-pool-2", Map.of("node-role/master", ""), "rendered-b")),
                        Map.of("node-role", "master"),
                        null,
                        false),
                Arguments.of(
                        "case#7: a Windows node gets no pool",
                        List.of(worker()),
                        Map.of("node-role/master", "", "node-role/worker", "", OS, "windows"),
                        null,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaryPoolCases")
    void primaryPool_followsTestGetPrimaryPoolForNode(
            String name, List<ObjectNode> pools, Map<String, String> labels, String expected, boolean error) {
        List<ObjectNode> objects = new ArrayList<>(pools);
        objects.add(K8s.managedNode("node-0", labels, "rendered-x"));
        ClusterReadResult r = Cluster.read(NOW, K8s.list(objects));
        Snapshot s = r.snapshotOrThrow();
        boolean windows = "windows".equals(labels.get(OS));
        if (windows) {
            assertThat(s.nodes()).isEmpty();
            assertThat(r.warnings()).anyMatch(w -> w.message().startsWith("Windows node"));
            return;
        }
        assertThat(s.node("node-0").pool()).isEqualTo(expected);
        assertThat(r.warnings()).hasSize(expected == null ? 1 : 0);
        if (error) {
            assertThat(r.warnings().get(0).message())
                    .isEqualTo("node node-0 belongs to 2 custom roles, cannot proceed with this Node (infra, infra2)");
        }
    }

    /** TestGetNodesForPool: a pool, a node set, how many nodes the pool gets. */
    static List<Arguments> nodesForPoolCases() {
        return List.of(
                Arguments.of("case#0", master(), mixed(3, Map.of("node-role", ""), Map.of("node-role/worker", "")), 0),
                Arguments.of(
                        "case#1",
                        master(),
                        mixed(2, Map.of("node-role/master", ""), Map.of("node-role/worker", "")),
                        2),
                Arguments.of(
                        "case#2",
                        infra(),
                        mixed(3, Map.of("node-role/master", ""), Map.of("node-role/worker", "", "node-role/infra", "")),
                        3),
                Arguments.of(
                        "case#3: Windows workers are not managed",
                        worker(),
                        withWindows(mixed(
                                3,
                                Map.of("node-role/master", ""),
                                Map.of("node-role/worker", "", "node-role/infra", ""))),
                        3),
                Arguments.of("case#4: a lone Windows node", worker(), withWindows(List.of()), 0));
    }

    @SafeVarargs
    private static List<ObjectNode> mixed(int n, Map<String, String>... roles) {
        List<ObjectNode> out = new ArrayList<>();
        int k = 0;
        for (Map<String, String> role : roles) {
            for (int i = 0; i < n; i++) {
                out.add(K8s.managedNode("node-" + k++, role, "rendered-x"));
            }
        }
        return out;
    }

    private static List<ObjectNode> withWindows(List<ObjectNode> nodes) {
        List<ObjectNode> out = new ArrayList<>(nodes);
        out.add(K8s.managedNode("windowsNode", Map.of(OS, "windows", "node-role/worker", ""), "rendered-x"));
        return out;
    }

    /**
     * In TestGetNodesForPool the pool is the only one, so a node in case#3 labelled worker and infra belongs to the
     * worker pool; with the infra pool in case#2 the infra nodes are its own.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nodesForPoolCases")
    void nodesForPool_followsTestGetNodesForPool(String name, ObjectNode pool, List<ObjectNode> nodes, int expected) {
        List<ObjectNode> objects = new ArrayList<>(nodes);
        objects.add(pool);
        Snapshot s = Cluster.read(NOW, K8s.list(objects)).snapshotOrThrow();
        String poolName = pool.get("metadata").get("name").stringValue();
        assertThat(s.nodes().stream().map(Node::pool).filter(poolName::equals).count())
                .isEqualTo(expected);
    }

    /**
     * MCO's {@code ListPools} treats the {@code arbiter} pool as a custom pool: an arbiter node is its own, and a node
     * also labelled master stays in master (helpers.go, {@code GetPoolsForNode}).
     */
    @org.junit.jupiter.api.Test
    void arbiter_isACustomPoolThatMasterWinsOver() {
        String infra = "{\"apiVersion\":\"config.openshift.io/v1\",\"kind\":\"Infrastructure\",\"metadata\":"
                + "{\"name\":\"cluster\"},\"status\":{\"controlPlaneTopology\":\"HighlyAvailableArbiter\"}}";
        Snapshot s = Cluster.read(
                        NOW,
                        infra,
                        K8s.list(
                                K8s.pool("master", Map.of("node-role.kubernetes.io/master", ""), "rendered-master-0"),
                                K8s.pool(
                                        "arbiter", Map.of("node-role.kubernetes.io/arbiter", ""), "rendered-arbiter-0"),
                                K8s.managedNode(
                                        "a1", Map.of("node-role.kubernetes.io/arbiter", ""), "rendered-arbiter-0"),
                                K8s.managedNode(
                                        "m1",
                                        Map.of(
                                                "node-role.kubernetes.io/master",
                                                "",
                                                "node-role.kubernetes.io/arbiter",
                                                ""),
                                        "rendered-master-0")))
                .snapshotOrThrow();
        assertThat(s.topology()).isEqualTo(dev.coreos4j.planner.Topology.HIGHLY_AVAILABLE_ARBITER);
        assertThat(s.node("a1").pool()).isEqualTo("arbiter");
        assertThat(s.node("m1").pool()).isEqualTo("master");
        assertThat(s.pool("arbiter").controlPlane()).isFalse();
        assertThat(s.pool("master").controlPlane()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaryPoolCases")
    void membership_isTheSameAsThePureFunction(
            String name, List<ObjectNode> pools, Map<String, String> labels, String expected, boolean error) {
        Map<String, LabelSelector> selectors = new java.util.TreeMap<>();
        for (ObjectNode p : pools) {
            Map<String, String> match = new java.util.TreeMap<>();
            p.get("spec")
                    .get("nodeSelector")
                    .get("matchLabels")
                    .properties()
                    .forEach(e -> match.put(e.getKey(), e.getValue().stringValue()));
            selectors.put(p.get("metadata").get("name").stringValue(), new LabelSelector(match, List.of()));
        }
        PoolMembership m = PoolMembership.of("node-0", labels, selectors);
        assertThat(m.primary()).isEqualTo(expected);
        assertThat(m.error() != null).isEqualTo(error);
    }
}
