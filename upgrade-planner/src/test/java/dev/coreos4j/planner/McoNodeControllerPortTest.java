package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.coreos4j.planner.json.PlannerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our port of the Machine Config Operator's node-controller and status tables (openshift/machine-config-operator at
 * 7ff337a4): {@code pkg/controller/node/node_controller_test.go} (TestGetCandidateMachines, TestUpdateCandidates,
 * TestShouldMakeProgress, TestMaxUnavailable, TestSortNodeList), {@code pkg/controller/node/status_test.go}
 * (TestGetUnavailableMachines, TestCalculateStatus) and {@code pkg/controller/common/helpers_test.go}
 * (TestGetMachinesByState). Each case is re-expressed as our own snapshot JSON, read with
 * {@link PlannerJson#readSnapshot}, and judged through {@link Planner#next}, {@link Planner#status} and
 * {@link Node#isUnavailable()}; the test method names the upstream case.
 *
 * <p>Node helpers mirror MCO's {@code test/helpers.NodeBuilder}: without an explicit state a node is {@code Done} when
 * its configs and images are equal and {@code Working} otherwise; a node without a Ready condition is ready. An image
 * annotation MCO sets to {@code ""} (present but empty) is written here as absent: our snapshot has no blank image,
 * and the upstream cases come out the same. Upstream cases that need objects we do not model (MachineOSBuild states,
 * MachineConfigNodes, taints, nodes without a currentConfig annotation) are left out and named in the README.
 */
class McoNodeControllerPortTest {

    static final String V0 = "rendered-machine-config-v0";
    static final String V1 = "rendered-machine-config-v1";
    static final String V2 = "rendered-machine-config-v2";
    static final String IMAGE_V0 = "registry.com/org/repo@sha256:12345";
    static final String IMAGE_V1 = "registry.com/org/repo@sha256:54321";

    /** A node as MCO's NodeBuilder makes it. */
    static final class N {
        final String name;
        String current;
        String desired;
        String currentImage;
        String desiredImage;
        String state;
        boolean ready = true;
        boolean unschedulable;
        String zone;
        String created = "1970-01-01T00:00:00Z";

        N(String name, String current, String desired) {
            this.name = name;
            this.current = current;
            this.desired = desired;
        }

        N images(String cur, String des) {
            currentImage = cur;
            desiredImage = des;
            return this;
        }

        N state(String value) {
            state = value;
            return this;
        }

        N notReady() {
            ready = false;
            return this;
        }

        N zone(String value) {
            zone = value;
            return this;
        }

        N created(String value) {
            created = value;
            return this;
        }

        String json() {
            String st = state != null
                    ? state
                    : current.equals(desired) && java.util.Objects.equals(currentImage, desiredImage)
                            ? "Done"
                            : "Working";
            return "{\"name\": \"" + name + "\", \"pool\": \"pool-1\", \"created\": \"" + created + "\""
                    + (zone == null ? "" : ", \"zone\": \"" + zone + "\"")
                    + ", \"ready\": " + ready + ", \"unschedulable\": " + unschedulable
                    + ", \"currentConfig\": \"" + current + "\", \"desiredConfig\": \"" + desired + "\""
                    + ", \"currentImage\": " + quoted(currentImage) + ", \"desiredImage\": " + quoted(desiredImage)
                    + ", \"state\": \"" + st + "\"}";
        }
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** NewNodeWithReady(name, current, desired, status). */
    static N node(String name, String current, String desired, boolean ready) {
        N n = new N(name, current, desired);
        n.ready = ready;
        return n;
    }

    /** NewNodeBuilder(name).WithConfigs(current, desired). */
    static N node(String name, String current, String desired) {
        return new N(name, current, desired);
    }

    /** A snapshot of pool {@code pool-1} targeting {@code config} (and {@code image}, image mode) with the nodes. */
    static Snapshot snapshot(String config, String image, String maxUnavailable, boolean paused, N... nodes) {
        String target =
                "{\"config\": \"" + config + "\"" + (image == null ? "" : ", \"osImage\": \"" + image + "\"") + "}";
        String json = "{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": \"pool-1\", \"maxUnavailable\": "
                + maxUnavailable + ", \"paused\": " + paused + ", \"target\": " + target + "}], \"nodes\": ["
                + java.util.Arrays.stream(nodes).map(N::json).collect(Collectors.joining(", ")) + "]}";
        return PlannerJson.readSnapshot(json);
    }

    static Snapshot pool(String config, int maxUnavailable, N... nodes) {
        return snapshot(config, null, String.valueOf(maxUnavailable), false, nodes);
    }

    static Snapshot layered(String config, String image, int maxUnavailable, N... nodes) {
        return snapshot(config, image, String.valueOf(maxUnavailable), false, nodes);
    }

    /** The nodes handed the pool target now (MCO's candidates truncated to capacity). */
    static List<String> handedOut(Snapshot s) {
        return Planner.next(s).actions().stream()
                .filter(a -> a instanceof Action.SetDesired)
                .map(Action::node)
                .sorted()
                .collect(Collectors.toList());
    }

    /** The nodes that wait for capacity (MCO's otherCandidates). */
    static List<String> waiting(Snapshot s) {
        return Planner.next(s).blocked().stream()
                .filter(b -> b.reason() == Reason.BUDGET_EXHAUSTED)
                .map(Blocked::node)
                .sorted()
                .collect(Collectors.toList());
    }

    static Set<String> unavailable(Snapshot s) {
        return s.nodes().stream()
                .filter(Node::isUnavailable)
                .map(Node::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ------------------------------------------------- node_controller_test.go TestGetCandidateMachines (16 cases)

    @Test
    void getCandidateMachines_noProgressCapacity1() {
        Snapshot s =
                pool(V1, 1, node("node-0", V1, V1, true), node("node-1", V1, V1, true), node("node-2", V1, V1, true));
        assertThat(handedOut(s)).isEmpty();
        assertThat(Planner.next(s).actions()).isEmpty();
    }

    @Test
    void getCandidateMachines_noProgressCapacity0() {
        Snapshot s =
                pool(V1, 1, node("node-0", V1, V1, true), node("node-1", V1, V1, true), node("node-2", V1, V1, false));
        assertThat(handedOut(s)).isEmpty();
    }

    @Test
    void getCandidateMachines_noProgressBecauseWeHaveAnUnavailableNode() {
        Snapshot s =
                pool(V1, 1, node("node-0", V1, V1, true), node("node-1", V1, V1, false), node("node-2", V0, V1, true));
        assertThat(handedOut(s)).isEmpty();
    }

    @Test
    void getCandidateMachines_node0IsUnavailableAndShouldBeSkippedOver() {
        Snapshot s =
                pool(V1, 2, node("node-0", V0, V0, false), node("node-1", V0, V0, true), node("node-2", V0, V0, true));
        assertThat(handedOut(s)).containsExactly("node-1");
        assertThat(waiting(s)).containsExactly("node-2");
        assertThat(Blocks.of(s, "node-0")).isEqualTo(Reason.NOT_READY);
    }

    @Test
    void getCandidateMachines_node2IsGoingToChangeConfigSoWeCanOnlyProgressOneMore() {
        Snapshot s = pool(
                V1,
                3,
                node("node-0", V1, V1, true),
                node("node-1", V1, V1, false),
                node("node-2", V0, V1, true),
                node("node-3", V0, V0, true),
                node("node-4", V0, V0, true));
        assertThat(handedOut(s)).containsExactly("node-3");
        assertThat(waiting(s)).containsExactly("node-4");
    }

    @Test
    void getCandidateMachines_weHaveANodeWorkingDontStartAnythingElse() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1, true),
                node("node-1", V1, V1, true),
                node("node-2", V0, V1, true),
                node("node-3", V0, V0, true),
                node("node-4", V0, V0, true));
        assertThat(handedOut(s)).isEmpty();
        assertThat(waiting(s)).containsExactly("node-3", "node-4");
        assertThat(Blocks.of(s, "node-2")).isEqualTo(Reason.IN_PROGRESS);
    }

    /** A node failing on an older config competes for a slot in order; it is not restarted for free. */
    @Test
    void getCandidateMachines_progressOnOldStuckNode() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1, true),
                node("node-1", "v0.1", "v0.2", true).state("Degraded"),
                node("node-2", V0, V0, true));
        assertThat(handedOut(s)).containsExactly("node-1");
        assertThat(waiting(s)).containsExactly("node-2");
    }

    @Test
    void getCandidateMachines_dontChangeADegradedNodeToSameConfigButAlsoDontStartAnother() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1, true),
                node("node-1", V1, V1, true).state("Degraded"),
                node("node-2", V0, V0, true));
        assertThat(handedOut(s)).isEmpty();
        assertThat(waiting(s)).containsExactly("node-2");
    }

    @Test
    void getCandidateMachines_mustBeAbleToRollBack() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1, true),
                node("node-1", V1, V1, true),
                node("node-2", V1, V2, true).state("Degraded"),
                node("node-3", V1, V1, true));
        assertThat(handedOut(s)).containsExactly("node-2");
    }

    /** When the unavailable nodes fill maxUnavailable nothing is handed out, not even a retarget. */
    @Test
    void getCandidateMachines_validateWeAlsoDontAffectNodesWhichHaventStartedWork() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1, true),
                node("node-2", V1, V2, true).state("Done"),
                node("node-3", V1, V1, true));
        assertThat(handedOut(s)).isEmpty();
        // the handed-out node goes on towards its own desired config, as its agent would
        assertThat(Planner.next(s).actions()).containsExactly(new Action.Cordon("node-2"));
        assertThat(Planner.next(s).blocked()).isEmpty();
    }

    @Test
    void getCandidateMachines_moreNodesInMixedOrder() {
        Snapshot s = pool(
                V1,
                4,
                node("node-0", V1, V1, true),
                node("node-1", V1, V1, false),
                node("node-2", V0, V1, true),
                node("node-3", V0, V0, true),
                node("node-4", V0, V0, true),
                node("node-5", V0, V0, true),
                node("node-6", V0, V0, true),
                node("node-7", V1, V1, true),
                node("node-8", V1, V1, true));
        assertThat(handedOut(s)).containsExactly("node-3", "node-4");
        assertThat(waiting(s)).containsExactly("node-5", "node-6");
    }

    @Test
    void getCandidateMachines_layeredNodesInMixedOrder() {
        Snapshot s = layered(
                V1,
                IMAGE_V1,
                4,
                node("node-0", V1, V1).images(IMAGE_V1, IMAGE_V1),
                node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1).notReady(),
                node("node-2", V0, V1).images(IMAGE_V0, IMAGE_V1),
                node("node-3", V0, V0).images(IMAGE_V0, IMAGE_V0).notReady(),
                node("node-4", V0, V0).images(IMAGE_V0, IMAGE_V0),
                node("node-5", V0, V0).images(IMAGE_V0, IMAGE_V0),
                node("node-6", V0, V0).images(IMAGE_V0, IMAGE_V0),
                node("node-7", V1, V1).images(IMAGE_V1, IMAGE_V1),
                node("node-8", V1, V1).images(IMAGE_V1, IMAGE_V1));
        assertThat(handedOut(s)).containsExactly("node-4");
        assertThat(waiting(s)).containsExactly("node-5", "node-6");
        assertThat(Planner.next(s).actions()).contains(new Action.SetDesired("node-4", new Target(V1, IMAGE_V1)));
    }

    /** OCPBUGS-24705. */
    @Test
    void getCandidateMachines_nodeHasReceivedDesiredImageAnnotationButMcdHasNotYetStartedWorking() {
        Snapshot s = layered(
                V1,
                IMAGE_V1,
                1,
                node("node-0", V1, V1).images(null, IMAGE_V1).state("Done"),
                node("node-1", V1, V1).state("Done"),
                node("node-2", V1, V1).state("Done"));
        assertThat(handedOut(s)).isEmpty();
        assertThat(waiting(s)).containsExactly("node-1", "node-2");
    }

    /** OCPBUGS-24705. */
    @Test
    void getCandidateMachines_nodeHasReceivedDesiredImageAnnotationAndTheMcdHasStartedWorking() {
        Snapshot s = layered(
                V1,
                IMAGE_V1,
                1,
                node("node-0", V1, V1).images(null, IMAGE_V1).state("Working"),
                node("node-1", V1, V1).state("Done"),
                node("node-2", V1, V1).state("Done"));
        assertThat(handedOut(s)).isEmpty();
        assertThat(Blocks.of(s, "node-0")).isEqualTo(Reason.IN_PROGRESS);
    }

    /** OCPBUGS-43552: leaving image mode goes through the same budget. */
    @Test
    void getCandidateMachines_nodeIsRollingBackFromLayeredModeButMcdHasNotYetStartedWorking() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1).images(IMAGE_V1, null).state("Done"),
                node("node-1", V1, V1).state("Done"),
                node("node-2", V1, V1).state("Done"));
        assertThat(handedOut(s)).isEmpty();
        assertThat(unavailable(s)).containsExactly("node-0");
    }

    /** OCPBUGS-43552. */
    @Test
    void getCandidateMachines_nodeIsRollingBackFromLayeredModeAndTheMcdHasStartedWorking() {
        Snapshot s = pool(
                V1,
                1,
                node("node-0", V1, V1).images(IMAGE_V1, null).state("Working"),
                node("node-1", V1, V1).state("Done"),
                node("node-2", V1, V1).state("Done"));
        assertThat(handedOut(s)).isEmpty();
        assertThat(Blocks.of(s, "node-0")).isEqualTo(Reason.IN_PROGRESS);
    }

    // ------------------------------------------------- node_controller_test.go TestUpdateCandidates (9 of 11)

    /** What SetDesired does to a node: MCO's setDesiredAnnotations through our simulator. */
    static Node setDesired(Snapshot s, String node) {
        Pool p = s.pools().get(0);
        return Simulator.apply(s.node(node), new Action.SetDesired(node, p.target()));
    }

    @Test
    void updateCandidates_nodeHasCurrentMachineConfigAnnotationOnly() {
        // our snapshot defaults an absent desiredConfig to the current one (the "and extra ones" variant is the same:
        // we keep no other annotations)
        String json = "{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": \"pool-1\", \"target\": "
                + "{\"config\": \"" + V1 + "\"}}], \"nodes\": [{\"name\": \"node-0\", \"pool\": \"pool-1\", "
                + "\"currentConfig\": \"" + V0 + "\"}]}";
        Snapshot s = PlannerJson.readSnapshot(json);
        assertThat(handedOut(s)).containsExactly("node-0");
        assertThat(setDesired(s, "node-0").desiredConfig()).isEqualTo(V1);
    }

    @Test
    void updateCandidates_nodeHasBothCurrentAndDesiredMachineConfigAnnotations() {
        Snapshot s = pool(V1, 1, node("node-0", V0, V0));
        assertThat(handedOut(s)).containsExactly("node-0");
        Node n = setDesired(s, "node-0");
        assertThat(n.desiredConfig()).isEqualTo(V1);
        assertThat(n.desiredImage()).isNull();
    }

    @Test
    void updateCandidates_nodeHasMismatchedMachineConfigAnnotations() {
        // desired is already the pool's: no patch
        Snapshot s = pool(V1, 1, node("node-0", V0, V1));
        assertThat(handedOut(s)).isEmpty();
        assertThat(s.node("node-0").targets(s.pools().get(0).target())).isTrue();
    }

    @Test
    void updateCandidates_machineConfigAndOsImageChangeTogether() {
        Snapshot s = layered(V1, IMAGE_V1, 1, node("node-0", V0, V0).images(IMAGE_V0, IMAGE_V0));
        assertThat(handedOut(s)).containsExactly("node-0");
        Node n = setDesired(s, "node-0");
        assertThat(n.desiredConfig()).isEqualTo(V1);
        assertThat(n.desiredImage()).isEqualTo(IMAGE_V1);
    }

    @Test
    void updateCandidates_onlyTheOsChanges() {
        Snapshot s = layered(V1, IMAGE_V1, 1, node("node-0", V1, V1).images(IMAGE_V0, IMAGE_V1));
        Node n = setDesired(s, "node-0");
        assertThat(n.desiredConfig()).isEqualTo(V1);
        assertThat(n.desiredImage()).isEqualTo(IMAGE_V1);
        assertThat(handedOut(s)).isEmpty(); // already told: the node agent is working on it
    }

    /** Leaving image mode: SetDesired clears the desired image; the MCD clears the current one. */
    @Test
    void updateCandidates_nodeLosesDesiredImageAnnotationBecausePoolIsNotLayered() {
        Snapshot s = pool(V1, 1, node("node-0", V1, V1).images(IMAGE_V1, IMAGE_V1));
        assertThat(handedOut(s)).containsExactly("node-0");
        Node n = setDesired(s, "node-0");
        assertThat(n.desiredConfig()).isEqualTo(V1);
        assertThat(n.desiredImage()).isNull();
        assertThat(n.currentImage()).isEqualTo(IMAGE_V1);
        assertThat(n.isDone()).isFalse();
        assertThat(Simulator.apply(n, new Action.Reboot("node-0")).currentImage())
                .isNull();
    }

    /** MCO patches a node without MachineConfig annotations; our snapshot requires currentConfig (a JSON error). */
    @Test
    void updateCandidates_nodeHasNoAnnotations_isASnapshotErrorHere() {
        String json = "{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": \"pool-1\", \"target\": "
                + "{\"config\": \"" + V1 + "\"}}], \"nodes\": [{\"name\": \"node-0\", \"pool\": \"pool-1\"}]}";
        InvalidSnapshotException e =
                catchThrowableOfType(InvalidSnapshotException.class, () -> PlannerJson.readSnapshot(json));
        assertThat(e.path().toString()).isEqualTo("$.nodes[0].currentConfig");
    }

    // ------------------------------------------------- node_controller_test.go TestShouldMakeProgress (6 of 7)

    @Test
    void shouldMakeProgress_nodeAtDesiredConfigNoPatchOnAnnotation() {
        Snapshot s = pool(V1, 1, node("existingNodeAtDesiredConfig", V1, V1), node("nodeAtDesiredConfig", V1, V1));
        assertThat(Planner.next(s).actions()).isEmpty();
        assertThat(Planner.status(s).get(0).isUpdated()).isTrue();
    }

    @Test
    void shouldMakeProgress_nodeNotAtDesiredConfigPatchOnAnnotation() {
        Snapshot s = pool(V1, 1, node("existingNodeAtDesiredConfig", V1, V1), node("nodeNeedingUpdates", V0, V0));
        assertThat(handedOut(s)).containsExactly("nodeNeedingUpdates");
    }

    @Test
    void shouldMakeProgress_nodeAtDesiredConfigNoPatchOnAnnotationButTaintShouldBeRemoved() {
        // the UpdateInProgress taint is not modelled; the annotation half of the case holds
        Snapshot s =
                pool(V1, 1, node("existingNodeAtDesiredConfig", V1, V1), node("nodeWithDesiredConfigTaints", V1, V1));
        assertThat(handedOut(s)).isEmpty();
    }

    @Test
    void shouldMakeProgress_nodeNotAtDesiredConfigPatchOnAnnotationButNotOnTaint() {
        Snapshot s = pool(
                V1, 1, node("existingNodeAtDesiredConfig", V1, V1), node("nodeWithNoDesiredConfigButTaints", V0, V0));
        assertThat(handedOut(s)).containsExactly("nodeWithNoDesiredConfigButTaints");
    }

    @Test
    void shouldMakeProgress_nodeNotAtDesiredImageShouldProceedBecauseImageIsBuiltAndPopulated() {
        Snapshot s = layered(
                V1,
                IMAGE_V1,
                1,
                node("existingNodeAtDesiredConfig", V1, V1).images(IMAGE_V1, IMAGE_V1),
                node("layered-node", V1, V1).images(IMAGE_V0, IMAGE_V0));
        assertThat(Planner.next(s).actions())
                .containsExactly(new Action.SetDesired("layered-node", new Target(V1, IMAGE_V1)));
    }

    /** Leaving image mode: not updated, not ready, a candidate; its SetDesired clears the image. */
    @Test
    void shouldMakeProgress_layeredNodeShouldGoBackToUnlayeredIfPoolLosesLayering() {
        Snapshot s = pool(
                V1,
                1,
                node("existingNodeAtDesiredConfig", V1, V1),
                node("layered-node", V1, V1).images(IMAGE_V1, IMAGE_V1));
        assertThat(Planner.next(s).actions()).containsExactly(new Action.SetDesired("layered-node", Target.of(V1)));
        PoolStatus st = Planner.status(s).get(0);
        assertThat(st.updated()).isEqualTo(1);
        assertThat(st.ready()).isEqualTo(1);
        assertThat(st.unavailable()).isZero();
        assertThat(st.isUpdated()).isFalse();
        Plan plan = Planner.plan(s);
        assertThat(plan.waves())
                .singleElement()
                .satisfies(w -> assertThat(w.nodes())
                        .singleElement()
                        .satisfies(e -> assertThat(e.steps()).contains("Reboot")));
        assertThat(plan.after().get(0).isUpdated()).isTrue();
    }

    // ------------------------------------------------- node_controller_test.go TestMaxUnavailable (8 cases)

    @Test
    void maxUnavailable_table() {
        N[] four = {node("node-0", V0, V0), node("node-1", V0, V0), node("node-2", V0, V0), node("node-3", V0, V0)};
        String[] values = {null, "2", "0", "\"50%\"", "\"60%\""};
        int[] expected = {1, 2, 1, 2, 2};
        for (int i = 0; i < values.length; i++) {
            Snapshot s = values[i] == null
                    ? PlannerJson.readSnapshot("{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": "
                            + "\"pool-1\", \"target\": {\"config\": \"" + V1 + "\"}}], \"nodes\": ["
                            + java.util.Arrays.stream(four).map(N::json).collect(Collectors.joining(", ")) + "]}")
                    : snapshot(V1, null, values[i], false, four);
            assertThat(handedOut(s)).as("maxUnavailable %s", values[i]).hasSize(expected[i]);
        }
        for (String bad : List.of("\"50 percent\"", "\"60\"", "\"40 %\"")) {
            InvalidSnapshotException e =
                    catchThrowableOfType(InvalidSnapshotException.class, () -> snapshot(V1, null, bad, false, four));
            assertThat(e).as("maxUnavailable %s", bad).isNotNull();
            assertThat(e.path().toString()).isEqualTo("$.pools[0].maxUnavailable");
        }
    }

    // ------------------------------------------------- node_controller_test.go TestSortNodeList (1 case)

    @Test
    void sortNodeList_zoneThenAgeZonelessLast() {
        Snapshot s = pool(
                V1,
                1,
                node("node-5", V0, V0).zone("ZZZ").created("1970-01-01T00:01:40.000000030Z"),
                node("node-6", V0, V0).zone("ZZZ").created("1970-01-01T00:25:00.000000030Z"),
                node("node-4", V0, V0).zone("ZZZ").created("1970-01-01T00:00:00.000000042Z"),
                node("node-3", V0, V0).zone("RRR").created("1970-01-01T00:01:40.000000030Z"),
                node("node-8", V0, V0).created("1970-01-01T00:03:20.000000030Z"),
                node("node-2", V0, V0).zone("RRR").created("1970-01-01T00:00:00.000000042Z"),
                node("node-9", V0, V0).created("1970-01-01T00:15:00.000000030Z"),
                node("node-7", V0, V0).created("1970-01-01T00:00:00.000000042Z"),
                node("node-1", V0, V0).zone("QQQ").created("1970-01-01T00:00:00.000000042Z"));
        List<String> order = new ArrayList<>();
        for (Wave w : Planner.plan(s).waves()) {
            w.nodes().forEach(e -> order.add(e.name()));
        }
        assertThat(order)
                .containsExactly(
                        "node-1", "node-2", "node-3", "node-4", "node-5", "node-6", "node-7", "node-8", "node-9");
    }

    // ------------------------------------------------- status_test.go TestGetUnavailableMachines (13 cases)

    @Test
    void getUnavailableMachines_table() {
        assertThat(unavailable(pool(V1, 1))).isEmpty(); // no nodes
        assertThat(unavailable(pool(
                        V1,
                        1,
                        node("node-0", V0, V0, true),
                        node("node-1", V1, V1, true),
                        node("node-2", V0, V1, true))))
                .containsExactly("node-2"); // 1 in progress
        assertThat(unavailable(pool(
                        V1,
                        1,
                        node("node-0", V0, V0, true),
                        node("node-1", V1, V1, false),
                        node("node-2", V0, V1, true))))
                .containsExactly("node-1", "node-2"); // 1 unavail, 1 in progress
        assertThat(unavailable(pool(
                        V2,
                        1,
                        node("node-0", V0, V1, true),
                        node("node-1", V2, V2, true),
                        node("node-2", V0, V2, true))))
                .containsExactly("node-0", "node-2"); // 1 updating but not v2, ready
        assertThat(unavailable(pool(
                        V2,
                        1,
                        node("node-0", V0, V1, false),
                        node("node-1", V2, V2, true),
                        node("node-2", V0, V2, true))))
                .containsExactly("node-0", "node-2"); // ... and is not ready
        assertThat(unavailable(pool(
                        V1,
                        1,
                        node("node-0", V0, V1, true),
                        node("node-1", V1, V1, true),
                        node("node-2", V1, V1, false))))
                .containsExactly("node-0", "node-2"); // 2 updated, 1 updating
        for (int twice = 0; twice < 2; twice++) { // "2 node updated, 1 updating, but one ... NotReady"
            assertThat(unavailable(
                            pool(V1, 1, node("node-0", V0, V1), node("node-1", V1, V1), node("node-2", V1, V1, false))))
                    .containsExactly("node-0", "node-2");
        }
        assertThat(unavailable(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V1).images(IMAGE_V0, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1).notReady())))
                .containsExactly("node-0", "node-2"); // 1 layered node updated, 1 updating, 1 NotReady
        assertThat(unavailable(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V1).images(IMAGE_V0, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1).notReady(),
                        node("node-3", V0, V0).notReady(),
                        node("node-4", V0, V0))))
                .containsExactly("node-0", "node-2", "node-3"); // mismatched, image available
        assertThat(unavailable(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V1).images(IMAGE_V0, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1).notReady(),
                        node("node-3", V0, V0).notReady(),
                        node("node-4", V0, V0).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly("node-0", "node-2", "node-3"); // mismatched, image unavailable
        assertThat(unavailable(pool(
                        V1,
                        1,
                        node("node-0", V0, V1),
                        node("node-1", V1, V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1).notReady(),
                        node("node-3", V0, V0).images(IMAGE_V1, IMAGE_V1).notReady(),
                        node("node-4", V0, V0).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly("node-0", "node-2", "node-3"); // mismatched layered node and unlayered pool
        assertThat(unavailable(layered(
                        V0,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V0),
                        node("node-1", V0, V0),
                        node("node-2", V0, V0).images(null, IMAGE_V1).state("Working"),
                        node("node-3", V0, V0).images(null, IMAGE_V1))))
                .containsExactly("node-2", "node-3"); // OCPBUGS-24705: working toward layered
        assertThat(unavailable(layered(
                        V0,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V0).images(IMAGE_V0, IMAGE_V0).state("Done"),
                        node("node-1", V0, V0).images(IMAGE_V0, IMAGE_V0).state("Done"),
                        node("node-2", V0, V0).images(null, IMAGE_V1).state("Done"),
                        node("node-3", V0, V0).images(IMAGE_V0, IMAGE_V1).state("Done"))))
                .containsExactly("node-2", "node-3"); // OCPBUGS-24705: desiredImage, not yet working
    }

    // ------------------------------------------------- helpers_test.go TestGetMachinesByState (15 of 17 cases)

    /** updated, ready, degraded, unavailable as MCO's MachinesByStatus counts them. */
    static int[] byState(Snapshot s) {
        PoolStatus st = Planner.status(s).get(0);
        assertThat(st.unavailable()).isEqualTo(unavailable(s).size());
        return new int[] {st.updated(), st.ready(), st.degraded(), st.unavailable()};
    }

    @Test
    void getMachinesByState_table() {
        assertThat(byState(pool(V1, 1))).containsExactly(0, 0, 0, 0); // no nodes
        assertThat(byState(pool(V1, 1, node("node-0", V0, V0), node("node-1", V1, V1), node("node-2", V0, V1))))
                .containsExactly(1, 1, 0, 1); // 1 node updated, 1 node ready, 1 updating, 1 not acted upon
        assertThat(byState(pool(V1, 1, node("node-0", V0, V1), node("node-1", V1, V1), node("node-2", V1, V1))))
                .containsExactly(2, 2, 0, 1); // 2 node updated, 1 updating
        assertThat(byState(pool(V1, 1, node("node-0", V0, V1), node("node-1", V1, V1), node("node-2", V1, V1, false))))
                .containsExactly(2, 1, 0, 2); // ... but 1 updated node is NotReady
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V0).images(IMAGE_V0, IMAGE_V0),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V0, V1).images(IMAGE_V0, IMAGE_V1))))
                .containsExactly(1, 1, 0, 1); // 1 layered node updated, 1 updating, 1 not acted upon
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly(2, 2, 0, 1); // 2 layered nodes updated, 1 updating MachineConfig
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V1, V1).images(IMAGE_V0, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly(2, 2, 0, 1); // 2 layered nodes updated, 1 updating image
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V0, V1).images(IMAGE_V0, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V1, V1, false).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly(2, 1, 0, 2); // 2 layered nodes updated, 1 updating, but 1 updated node is NotReady
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-1", V1, V1).images(IMAGE_V1, IMAGE_V1),
                        node("node-2", V0, V0))))
                .containsExactly(2, 2, 0, 0); // layered pool with unlayered nodes
        // layered pool with image not built: the image the nodes do not carry yet stands for the build
        assertThat(byState(layered(
                        V1, IMAGE_V1, 1, node("node-0", V1, V1), node("node-1", V1, V1), node("node-2", V1, V1))))
                .containsExactly(0, 0, 0, 0);
        assertThat(byState(pool(
                        V1,
                        1,
                        node("node-0", V1, V1),
                        node("node-1", V1, V1),
                        node("node-2", V0, V0).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly(2, 2, 0, 0); // unlayered pool with 1 layered node
        // pool with image mode disabling, 1 node updating (its desiredImage "" upstream), 2 nodes not acted upon
        Snapshot disabling = pool(
                V0,
                1,
                node("node-0", V0, V0).images(IMAGE_V1, null).state("Working"),
                node("node-1", V0, V0).images(IMAGE_V1, IMAGE_V1),
                node("node-2", V0, V0).images(IMAGE_V1, IMAGE_V1));
        assertThat(byState(disabling)).containsExactly(0, 0, 0, 1);
        assertThat(unavailable(disabling)).containsExactly("node-0");
        Snapshot mixed = pool(
                V0,
                1,
                node("node-0", V0, V0).state("Degraded"),
                node("node-1", V0, V0).state("Done"),
                node("node-2", V0, V0).state("Unreconcilable"),
                node("node-3", V0, V1).state("Working"),
                node("node-4", V0, V1).state("Rebooting"));
        assertThat(byState(mixed)).containsExactly(1, 1, 2, 4); // nodes with mixed states
        assertThat(unavailable(mixed)).containsExactly("node-0", "node-2", "node-3", "node-4");
        Snapshot layeredMixed = layered(
                V0,
                IMAGE_V1,
                1,
                node("node-0", V0, V0).images(IMAGE_V1, IMAGE_V1).state("Degraded"),
                node("node-1", V0, V0).images(IMAGE_V1, IMAGE_V1).state("Done"),
                node("node-2", V0, V0).images(IMAGE_V1, IMAGE_V1).state("Unreconcilable"),
                node("node-3", V0, V1).images(IMAGE_V1, IMAGE_V1).state("Working"),
                node("node-4", V0, V1).images(IMAGE_V1, IMAGE_V1).state("Rebooting"));
        assertThat(byState(layeredMixed)).containsExactly(1, 1, 2, 4); // layered nodes with mixed states
        assertThat(byState(layered(
                        V1,
                        IMAGE_V1,
                        1,
                        node("node-0", V1, V0).images(IMAGE_V1, IMAGE_V1).state("Degraded"),
                        node("node-1", V1, V0).images(IMAGE_V1, IMAGE_V1).state("Unreconcilable"),
                        node("node-2", V0, V0).images(IMAGE_V1, IMAGE_V1),
                        node("node-3", V0, V0).images(IMAGE_V1, IMAGE_V1))))
                .containsExactly(0, 0, 2, 0); // 0 layered nodes updated, 2 degraded
    }

    /** Leaving image mode: the nodes still carrying the image are neither updated nor ready, and are candidates. */
    @Test
    void getMachinesByState_poolWithImageModeDisabling_nodesAreCandidatesWithinTheBudget() {
        Snapshot s = snapshot(
                V0,
                null,
                "2",
                false,
                node("node-0", V0, V0).images(IMAGE_V1, IMAGE_V1),
                node("node-1", V0, V0).images(IMAGE_V1, IMAGE_V1),
                node("node-2", V0, V0).images(IMAGE_V1, IMAGE_V1));
        assertThat(handedOut(s)).containsExactly("node-0", "node-1");
        assertThat(waiting(s)).containsExactly("node-2");
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(2);
        assertThat(plan.after().get(0).isUpdated()).isTrue();
    }

    // ------------------------------------------------- status_test.go TestCalculateStatus (8 node-count cases)

    /** machineCount, updated, ready, unavailable, degraded, and the Updated / Updating / Degraded conditions. */
    static void status(
            Snapshot s,
            int updated,
            int ready,
            int unavailable,
            int degraded,
            boolean isUpdated,
            boolean isUpdating,
            boolean isDegraded) {
        PoolStatus st = Planner.status(s).get(0);
        assertThat(st.machineCount()).isEqualTo(s.nodes().size());
        assertThat(new int[] {st.updated(), st.ready(), st.unavailable(), st.degraded()})
                .containsExactly(updated, ready, unavailable, degraded);
        assertThat(new boolean[] {st.isUpdated(), st.isUpdating(), st.isDegraded()})
                .containsExactly(isUpdated, isUpdating, isDegraded);
    }

    @Test
    void calculateStatus_table() {
        status(
                pool(V1, 1, node("node-0", V0, V0, true), node("node-1", V0, V0, true), node("node-2", V0, V0, true)),
                0,
                0,
                0,
                0,
                false,
                true,
                false); // 0 nodes updated, 0 nodes updating, 0 nodes degraded
        status(
                pool(V1, 1, node("node-0", V0, V1, true), node("node-1", V0, V0, true), node("node-2", V0, V0, true)),
                0,
                0,
                1,
                0,
                false,
                true,
                false); // 0 nodes updated, 1 node updating, 0 nodes degraded
        status(
                snapshot(
                        V1,
                        null,
                        "1",
                        true,
                        node("node-0", V0, V1, true),
                        node("node-1", V0, V0, true),
                        node("node-2", V0, V0, true)),
                0,
                0,
                1,
                0,
                false,
                false,
                false); // ..., pool paused
        status(
                pool(V1, 1, node("node-0", V0, V1, false), node("node-1", V0, V0, true), node("node-2", V0, V0, true)),
                0,
                0,
                1,
                0,
                false,
                true,
                false); // 0 updated, 1 updating (NotReady)
        status(
                pool(
                        V1,
                        1,
                        node("node-0", V0, V1, false).state("Degraded"),
                        node("node-1", V0, V0, true),
                        node("node-2", V0, V0, true)),
                0,
                0,
                1,
                1,
                false,
                true,
                true); // 0 updated, 1 updating, 1 degraded
        status(
                pool(V1, 1, node("node-0", V1, V1, false), node("node-1", V0, V0, true), node("node-2", V0, V0, true)),
                1,
                0,
                1,
                0,
                false,
                true,
                false); // 1 updated, 1 updating
        status(
                pool(V1, 1, node("node-0", V1, V1, true), node("node-1", V0, V1, true), node("node-2", V0, V1, true)),
                1,
                1,
                2,
                0,
                false,
                true,
                false); // 1 updated, 2 updating
        status(
                pool(V1, 1, node("node-0", V1, V1, true), node("node-1", V1, V1, true), node("node-2", V1, V1, true)),
                3,
                3,
                0,
                0,
                true,
                false,
                false); // 3 updated
    }

    // ------------------------------------------------- code paths of node_controller.go without an upstream case

    /** getAllCandidateMachines: a node Working on an older config is a candidate, so MCO retargets it. */
    @Test
    void workingOnAnOlderConfig_isRetargetedWhenCapacityAllows() {
        Snapshot s = pool(
                V1,
                2,
                node("node-0", V0, "rendered-machine-config-v0.5").state("Working"),
                node("node-1", V0, V0),
                node("node-2", V0, V0));
        // node-0 is unavailable (capacity 2 - 1 = 1) and first in order: it takes the slot
        assertThat(handedOut(s)).containsExactly("node-0");
        assertThat(waiting(s)).containsExactly("node-1", "node-2");
        Plan plan = Planner.plan(s);
        assertThat(plan.after().get(0).isUpdated()).isTrue();
    }

    /** updateCandidateMachines truncates to capacity: retargeting handed-out control-plane nodes takes slots. */
    @Test
    void retargetingHandedOutControlPlaneNodes_countsAgainstBudgetAndQuorum() {
        String json = "{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": \"master\", \"controlPlane\": true, "
                + "\"maxUnavailable\": 3, \"target\": {\"config\": \"" + V2 + "\"}}], \"nodes\": ["
                + "{\"name\": \"m1\", \"pool\": \"master\", \"currentConfig\": \"" + V0 + "\", \"desiredConfig\": \""
                + V1 + "\"}, {\"name\": \"m2\", \"pool\": \"master\", \"currentConfig\": \"" + V0
                + "\", \"desiredConfig\": \"" + V1 + "\"}, {\"name\": \"m3\", \"pool\": \"master\", "
                + "\"currentConfig\": \"" + V0 + "\"}]}";
        Snapshot s = PlannerJson.readSnapshot(json);
        NextStep step = Planner.next(s);
        // two members are unavailable (handed V1): nothing is handed V2, m3 waits for quorum
        assertThat(handedOut(s)).isEmpty();
        assertThat(step.blocked())
                .extracting(Blocked::node, Blocked::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m3", Reason.QUORUM));
        Plan plan = Planner.plan(s);
        assertThat(plan.after().get(0).isUpdated()).isTrue();
        for (Wave w : plan.waves().subList(1, plan.waves().size())) {
            assertThat(w.nodes()).hasSize(1); // once they finished V1, one master at a time
        }
    }

    /** A blank image is a snapshot error with its JSON path, never an IllegalArgumentException from next. */
    @Test
    void blankImage_isASnapshotErrorWithItsPath() {
        for (String field : List.of("currentImage", "desiredImage")) {
            String json = "{\"now\": \"2026-03-02T10:00:00Z\", \"pools\": [{\"name\": \"pool-1\", \"target\": "
                    + "{\"config\": \"" + V1 + "\"}}], \"nodes\": [{\"name\": \"node-0\", \"pool\": \"pool-1\", "
                    + "\"currentConfig\": \"" + V0 + "\", \"" + field + "\": \" \"}]}";
            InvalidSnapshotException e =
                    catchThrowableOfType(InvalidSnapshotException.class, () -> PlannerJson.readSnapshot(json));
            assertThat(e.path().toString()).isEqualTo("$.nodes[0]." + field);
            assertThat(e.getMessage()).contains("must not be blank");
        }
    }

    /** Reasons of single nodes. */
    static final class Blocks {
        static Reason of(Snapshot s, String node) {
            return Planner.next(s).blocked().stream()
                    .filter(b -> b.node().equals(node))
                    .findFirst()
                    .map(Blocked::reason)
                    .orElse(null);
        }
    }
}
