package dev.coreos4j.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Topology;
import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.ObjectNode;
import dev.coreos4j.problem.Problem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Map<String, String> WORKER = Map.of("node-role.kubernetes.io/worker", "");

    private static ObjectNode workerPool() {
        return K8s.pool("worker", WORKER, "rendered-worker-b");
    }

    private static Map<String, String> ann(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Node only(ObjectNode... objects) {
        Snapshot s = Cluster.read(NOW, K8s.list(objects)).snapshotOrThrow();
        assertThat(s.nodes()).hasSize(1);
        return s.nodes().get(0);
    }

    @Test
    void node_readsEveryFieldWhereMcoReadsIt() {
        ObjectNode n = K8s.node(
                "w1",
                Map.of("node-role.kubernetes.io/worker", "", Cluster.ZONE_LABEL, "us-east-1a"),
                ann(
                        Cluster.CURRENT_CONFIG,
                        "rendered-worker-a",
                        Cluster.DESIRED_CONFIG,
                        "rendered-worker-b",
                        Cluster.STATE,
                        "Degraded",
                        Cluster.REASON,
                        "failed to drain",
                        Cluster.CURRENT_IMAGE,
                        "quay.io/os@sha256:aa",
                        Cluster.DESIRED_IMAGE,
                        "quay.io/os@sha256:bb",
                        Cluster.DESIRED_DRAIN,
                        "drain-rendered-worker-b",
                        Cluster.LAST_APPLIED_DRAIN,
                        "drain-rendered-worker-b"),
                "Ready",
                "True");
        ((ObjectNode) n.get("metadata")).put("creationTimestamp", "2025-06-01T12:00:00+02:00");
        ((ObjectNode) n.get("spec")).put("unschedulable", true);
        Node w1 = only(workerPool(), n);
        assertThat(w1)
                .isEqualTo(new Node(
                        "w1",
                        "worker",
                        "us-east-1a",
                        Instant.parse("2025-06-01T10:00:00Z"),
                        true,
                        true,
                        null,
                        "rendered-worker-a",
                        "rendered-worker-b",
                        "quay.io/os@sha256:aa",
                        "quay.io/os@sha256:bb",
                        NodeState.DEGRADED,
                        "failed to drain",
                        true,
                        false,
                        List.of()));
    }

    @Test
    void state_readsEveryMcdState() {
        Map<String, NodeState> expected = Map.of(
                "Done",
                NodeState.DONE,
                "Working",
                NodeState.WORKING,
                "Rebooting",
                NodeState.REBOOTING,
                "Degraded",
                NodeState.DEGRADED,
                "Unreconcilable",
                NodeState.UNRECONCILABLE,
                "",
                NodeState.WORKING);
        expected.forEach((text, state) -> {
            Node n = only(
                    workerPool(),
                    K8s.node(
                            "w1",
                            WORKER,
                            ann(
                                    Cluster.CURRENT_CONFIG,
                                    "rendered-worker-a",
                                    Cluster.DESIRED_CONFIG,
                                    "rendered-worker-b",
                                    Cluster.STATE,
                                    text)));
            assertThat(n.state()).as(text).isEqualTo(state);
        });
        Node absent = only(
                workerPool(),
                K8s.node(
                        "w1",
                        WORKER,
                        ann(Cluster.CURRENT_CONFIG, "rendered-worker-a", Cluster.DESIRED_CONFIG, "rendered-worker-a")));
        assertThat(absent.state())
                .as("no state annotation: MCO's IsNodeDone is false")
                .isEqualTo(NodeState.WORKING);
        assertThat(absent.isDone()).isFalse();
    }

    @Test
    void images_emptyAnnotationReadsAsAbsent_leavingImageModeAsMco() {
        Node absent = only(workerPool(), K8s.managedNode("w1", WORKER, "rendered-worker-a"));
        assertThat(absent.currentImage()).isNull();
        assertThat(absent.desiredImage()).isNull();
        Node empty = only(
                workerPool(),
                K8s.node(
                        "w1",
                        WORKER,
                        ann(
                                Cluster.CURRENT_CONFIG,
                                "rendered-worker-a",
                                Cluster.DESIRED_CONFIG,
                                "rendered-worker-a",
                                Cluster.STATE,
                                "Done",
                                Cluster.CURRENT_IMAGE,
                                "quay.io/os@sha256:aa",
                                Cluster.DESIRED_IMAGE,
                                "")));
        assertThat(empty.currentImage()).isEqualTo("quay.io/os@sha256:aa");
        assertThat(empty.desiredImage()).as("no image").isNull();
        assertThat(empty.isDone())
                .as("MCO's isNodeImageDone: an empty desired image is not done")
                .isFalse();
    }

    @Test
    void drained_onlyWhenTheDrainForTheDesiredConfigCompleted() {
        Node uncordon = only(
                workerPool(),
                K8s.node(
                        "w1",
                        WORKER,
                        ann(
                                Cluster.CURRENT_CONFIG,
                                "rendered-worker-a",
                                Cluster.DESIRED_CONFIG,
                                "rendered-worker-a",
                                Cluster.STATE,
                                "Done",
                                Cluster.DESIRED_DRAIN,
                                "uncordon-rendered-worker-a",
                                Cluster.LAST_APPLIED_DRAIN,
                                "uncordon-rendered-worker-a")));
        assertThat(uncordon.drained()).isFalse();
        Node pending = only(
                workerPool(),
                K8s.node(
                        "w1",
                        WORKER,
                        ann(
                                Cluster.CURRENT_CONFIG,
                                "rendered-worker-a",
                                Cluster.DESIRED_CONFIG,
                                "rendered-worker-b",
                                Cluster.STATE,
                                "Working",
                                Cluster.DESIRED_DRAIN,
                                "drain-rendered-worker-b",
                                Cluster.LAST_APPLIED_DRAIN,
                                "uncordon-rendered-worker-a")));
        assertThat(pending.drained()).isFalse();
    }

    @Test
    void pool_readsTargetPreviousBudgetAndPause() {
        ObjectNode p = K8s.pool("worker", WORKER, "rendered-worker-b");
        ObjectNode spec = (ObjectNode) p.get("spec");
        spec.put("maxUnavailable", "25%");
        spec.put("paused", true);
        p.putObject("status").putObject("configuration").put("name", "rendered-worker-a");
        ObjectNode m = K8s.pool("master", Map.of("node-role.kubernetes.io/master", ""), "rendered-master-a");
        ((ObjectNode) m.get("spec")).put("maxUnavailable", 2);
        Snapshot s = Cluster.read(NOW, K8s.list(p, m)).snapshotOrThrow();
        assertThat(s.pool("worker"))
                .isEqualTo(new Pool(
                        "worker",
                        false,
                        new MaxUnavailable.Percent(25),
                        true,
                        false,
                        Target.of("rendered-worker-b"),
                        Target.of("rendered-worker-a"),
                        false,
                        null,
                        null,
                        null));
        assertThat(s.pool("master").controlPlane()).isTrue();
        assertThat(s.pool("master").maxUnavailable()).isEqualTo(new MaxUnavailable.Count(2));
        assertThat(s.pool("master").previous()).isNull();
    }

    @Test
    void selector_matchExpressionsAsApimachinery() {
        ObjectNode p = K8s.pool("gpu", Map.of(), "rendered-gpu-a");
        ObjectNode sel = (ObjectNode) p.get("spec").get("nodeSelector");
        ArrayNode exprs = sel.putArray("matchExpressions");
        ObjectNode in = exprs.addObject();
        in.put("key", "accelerator");
        in.put("operator", "In");
        in.putArray("values").add("a100").add("h100");
        ObjectNode notExists = exprs.addObject();
        notExists.put("key", "node-role.kubernetes.io/master");
        notExists.put("operator", "DoesNotExist");
        Snapshot s = Cluster.read(
                        NOW,
                        K8s.list(
                                p,
                                K8s.managedNode("g1", Map.of("accelerator", "h100"), "rendered-gpu-a"),
                                K8s.managedNode("g2", Map.of("accelerator", "t4"), "rendered-gpu-a"),
                                K8s.managedNode(
                                        "g3",
                                        Map.of("accelerator", "a100", "node-role.kubernetes.io/master", ""),
                                        "rendered-gpu-a")))
                .snapshotOrThrow();
        assertThat(s.node("g1").pool()).isEqualTo("gpu");
        assertThat(s.node("g2").pool()).isNull();
        assertThat(s.node("g3").pool()).isNull();
    }

    @Test
    void emptySelector_matchesNothing() {
        ObjectNode p = K8s.pool("all", Map.of(), "rendered-all-a");
        Snapshot s = Cluster.read(NOW, K8s.list(p, K8s.managedNode("n1", Map.of("a", "b"), "rendered-all-a")))
                .snapshotOrThrow();
        assertThat(s.node("n1").pool()).isNull();
    }

    @Test
    void unmanagedAndWindowsNodes_areLeftOutWithWarnings() {
        ClusterReadResult r = Cluster.read(
                NOW,
                K8s.list(
                        workerPool(),
                        K8s.node("new", WORKER, Map.of()),
                        K8s.managedNode(
                                "win",
                                Map.of(PoolMembership.OS_LABEL, "windows", "node-role.kubernetes.io/worker", ""),
                                "rendered-worker-a")));
        assertThat(r.snapshotOrThrow().nodes()).isEmpty();
        assertThat(r.warnings()).extracting(p -> p.location().object().name()).containsExactly("new", "win");
        assertThat(r.warnings().get(0).message()).contains("not managed by the Machine Config Operator yet");
    }

    @Test
    void podsAndPdbs_onlyWhatADrainEvictsAndPerNamespace() {
        String json = "{\"kind\":\"List\",\"items\":["
                + "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"router-1\",\"namespace\":\"ingress\","
                + "\"labels\":{\"app\":\"router\"}},\"spec\":{\"nodeName\":\"w1\"},\"status\":{\"phase\":\"Running\"}},"
                + "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"dns-x\",\"namespace\":\"dns\",\"ownerReferences\":"
                + "[{\"kind\":\"DaemonSet\",\"name\":\"dns\"}]},\"spec\":{\"nodeName\":\"w1\"}},"
                + "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"job-1\",\"namespace\":\"ci\"},\"spec\":{\"nodeName\":\"w1\"},"
                + "\"status\":{\"phase\":\"Succeeded\"}},"
                + "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"etcd-w1\",\"namespace\":\"etcd\",\"annotations\":"
                + "{\"kubernetes.io/config.mirror\":\"x\"}},\"spec\":{\"nodeName\":\"w1\"}},"
                + "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"pending\",\"namespace\":\"ci\"},\"spec\":{}},"
                + "{\"apiVersion\":\"policy/v1\",\"kind\":\"PodDisruptionBudget\",\"metadata\":{\"name\":\"router\","
                + "\"namespace\":\"ingress\"},\"spec\":{\"minAvailable\":\"50%\",\"selector\":{\"matchLabels\":"
                + "{\"app\":\"router\"}}}}]}";
        Snapshot s = Cluster.read(NOW, K8s.list(workerPool(), K8s.managedNode("w1", WORKER, "rendered-worker-a")), json)
                .snapshotOrThrow();
        assertThat(s.node("w1").pods()).extracting(p -> p.name()).containsExactly("ingress/router-1");
        assertThat(s.node("w1").pods().get(0).labels()).containsEntry(Cluster.NAMESPACE_LABEL, "ingress");
        Pdb pdb = s.pdbs().get(0);
        assertThat(pdb.name()).isEqualTo("ingress/router");
        assertThat(pdb.minAvailable()).isEqualTo(new MaxUnavailable.Percent(50));
        assertThat(pdb.covers(s.node("w1").pods().get(0))).isTrue();
        assertThat(pdb.covers(new dev.coreos4j.planner.Pod(
                        "other/router", Map.of("app", "router", Cluster.NAMESPACE_LABEL, "other"))))
                .isFalse();
    }

    @Test
    void infrastructure_givesTheTopology() {
        String infra = "{\"apiVersion\":\"config.openshift.io/v1\",\"kind\":\"Infrastructure\",\"metadata\":"
                + "{\"name\":\"cluster\"},\"status\":{\"controlPlaneTopology\":\"SingleReplica\","
                + "\"infrastructureTopology\":\"SingleReplica\"}}";
        Snapshot s = Cluster.read(NOW, infra, K8s.list(workerPool())).snapshotOrThrow();
        assertThat(s.topology()).isEqualTo(Topology.SINGLE_REPLICA);
        assertThat(s.now()).isEqualTo(NOW);
    }

    @Test
    void typedListsAndSingleObjectsMerge() {
        String nodeList = "{\"apiVersion\":\"v1\",\"kind\":\"NodeList\",\"items\":[{\"metadata\":{\"name\":\"w1\","
                + "\"creationTimestamp\":\"2026-01-01T00:00:00Z\",\"labels\":{\"node-role.kubernetes.io/worker\":\"\"},"
                + "\"annotations\":{\"" + Cluster.CURRENT_CONFIG + "\":\"rendered-worker-a\",\""
                + Cluster.DESIRED_CONFIG + "\":\"rendered-worker-a\",\"" + Cluster.STATE + "\":\"Done\"}}}]}";
        ClusterReadResult r = Cluster.read(
                NOW,
                List.of(
                        new ClusterInput("nodes.json", nodeList),
                        new ClusterInput("mcp.json", dev.coreos4j.planner.internal.json.Json.pretty(workerPool()))));
        assertThat(r.snapshotOrThrow().node("w1").pool()).isEqualTo("worker");
        assertThat(r.problems().all()).isEmpty();
    }

    @Test
    void malformedObjects_reportEveryProblemWithKindNameAndPath() {
        ObjectNode badNode = K8s.node(
                "w1",
                WORKER,
                ann(
                        Cluster.CURRENT_CONFIG,
                        "rendered-worker-a",
                        Cluster.DESIRED_CONFIG,
                        "rendered-worker-a",
                        Cluster.STATE,
                        "Sleeping"));
        ((ObjectNode) badNode.get("metadata")).put("creationTimestamp", "yesterday");
        ObjectNode badPool = K8s.pool("worker", WORKER, "rendered-worker-b");
        ((ObjectNode) badPool.get("spec")).put("maxUnavailable", "two");
        ObjectNode noName = new ObjectNode();
        noName.put("kind", "Node");
        noName.putObject("metadata");
        ClusterReadResult r =
                Cluster.read(NOW, List.of(new ClusterInput("dump.json", K8s.list(badPool, badNode, noName))));
        assertThat(r.isValid()).isFalse();
        assertThat(r.problems().all())
                .extracting(ProblemLine::of)
                .containsExactly(
                        "dump.json: Node (unnamed): $.items[2].metadata.name (line 42, column 18): required field is missing"
                                + " or not a non-blank string",
                        "dump.json: MachineConfigPool worker: $.items[0].spec.maxUnavailable (line 19, column 26): must be a"
                                + " non-negative integer or a percentage such as \"25%\", got \"two\"",
                        "dump.json: Node w1: $.items[1].metadata.annotations['machineconfiguration.openshift.io/state']"
                                + " (line 33, column 53): must be one of Done, Working, Rebooting, Degraded, Unreconcilable,"
                                + " got \"Sleeping\"",
                        "dump.json: Node w1: $.items[1].metadata.creationTimestamp (line 26, column 29): expected an RFC 3339"
                                + " time such as 2026-01-01T00:00:00Z, got \"yesterday\"");
        assertThatThrownBy(r::snapshotOrThrow)
                .isInstanceOf(InvalidClusterException.class)
                .hasMessageEndingWith("(and 3 more)");
    }

    @Test
    void malformedJson_isAProblemWithLineAndColumn() {
        ClusterReadResult r =
                Cluster.read(NOW, List.of(new ClusterInput("x.json", "{\"kind\": \"List\",\n\"items\": [}")));
        assertThat(r.problems().all()).hasSize(1);
        Problem p = r.problems().all().get(0);
        assertThat(p.location().path()).hasToString("$");
        assertThat(p.location().position().line()).isEqualTo(2);
        assertThat(p.message()).startsWith("malformed JSON: Unexpected close marker '}'");
        ClusterReadResult dup = Cluster.read(NOW, "{\"kind\":\"Node\",\"kind\":\"Pod\"}");
        assertThat(dup.problems().all().get(0).message()).contains("Duplicate Object property \"kind\"");
    }

    @Test
    void machineConfigs_renderedOnesAreConfigsAndSourcesAreRenderedForTheTarget() {
        String rendered = "{\"apiVersion\":\"machineconfiguration.openshift.io/v1\",\"kind\":\"MachineConfig\","
                + "\"metadata\":{\"name\":\"rendered-worker-a\",\"ownerReferences\":[{\"kind\":\"MachineConfigPool\","
                + "\"name\":\"worker\"}]},\"spec\":{\"config\":{\"ignition\":{\"version\":\"3.4.0\"}},"
                + "\"kernelArguments\":[\"nosmt\"]}}";
        String source = "{\"apiVersion\":\"machineconfiguration.openshift.io/v1\",\"kind\":\"MachineConfig\","
                + "\"metadata\":{\"name\":\"99-worker-kargs\",\"labels\":{\"machineconfiguration.openshift.io/role\":"
                + "\"worker\"}},\"spec\":{\"kernelArguments\":[\"nosmt\",\"quiet\"]}}";
        ObjectNode pool = workerPool();
        ObjectNode mcs = ((ObjectNode) pool.get("spec"))
                .putObject("machineConfigSelector")
                .putObject("matchLabels");
        mcs.put("machineconfiguration.openshift.io/role", "worker");
        Snapshot s = Cluster.read(NOW, rendered, source, K8s.list(pool)).snapshotOrThrow();
        assertThat(s.configs().keySet()).containsExactlyInAnyOrder("rendered-worker-a", "rendered-worker-b");
        assertThat(s.configs().get("rendered-worker-a").kernelArguments()).containsExactly("nosmt");
        assertThat(s.configs().get("rendered-worker-b").kernelArguments()).containsExactly("nosmt", "quiet");
    }

    @Test
    void badMachineConfig_namesItsIgnitionPath() {
        String bad = "{\"kind\":\"MachineConfig\",\"metadata\":{\"name\":\"99-bad\"},\"spec\":{\"config\":"
                + "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"relative\"}]}}}}";
        ClusterReadResult r = Cluster.read(NOW, bad);
        assertThat(r.problems().all()).hasSize(1);
        assertThat(r.problems().all().get(0).location().object().kind()).isEqualTo("MachineConfig");
        assertThat(r.problems().all().get(0).location().path()).hasToString("$.spec.config.storage.files[0].path");
    }
}
