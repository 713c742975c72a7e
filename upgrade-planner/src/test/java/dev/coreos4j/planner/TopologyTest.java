package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.json.PlannerJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Control-plane topologies: single node (spec §4 invariant 11) and arbiter (invariant 9). */
class TopologyTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Target A = Target.of("rendered-a");
    static final Target B = Target.of("rendered-b");

    static Node node(String name, String pool, int ageDays) {
        return Node.of(name, pool, null, NOW.minus(ageDays, ChronoUnit.DAYS), A.config());
    }

    static Snapshot sno(boolean accept) {
        return Snapshot.of(NOW, List.of(Pool.controlPlane("master", B)), List.of(node("sno-0", "master", 10)))
                .withTopology(Topology.SINGLE_REPLICA)
                .withAcceptAvailabilityLoss(accept);
    }

    static Snapshot arbiterCluster() {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(node("master-" + i, "master", 20 - i));
        }
        nodes.add(node("arbiter-0", "arbiter", 10));
        return Snapshot.of(
                        NOW,
                        List.of(Pool.controlPlane("master", B), Pool.of("arbiter", MaxUnavailable.parse("3"), B)),
                        nodes)
                .withTopology(Topology.HIGHLY_AVAILABLE_ARBITER);
    }

    static List<String> steps(Plan plan, String node) {
        return plan.waves().stream()
                .flatMap(w -> w.nodes().stream())
                .filter(e -> e.name().equals(node))
                .flatMap(e -> e.steps().stream())
                .collect(Collectors.toList());
    }

    static int waveOf(Plan plan, String node) {
        for (Wave w : plan.waves()) {
            if (w.nodes().stream().anyMatch(e -> e.name().equals(node))) {
                return w.index();
            }
        }
        return -1;
    }

    @Test
    void defaults_areHighlyAvailableWithoutOptIn() {
        Snapshot s = Snapshot.of(NOW, List.of(), List.of());
        assertThat(s.topology()).isEqualTo(Topology.HIGHLY_AVAILABLE);
        assertThat(s.acceptAvailabilityLoss()).isFalse();
        assertThat(new Plan(List.of(), List.of(), List.of(), List.of(), List.of()).notes())
                .isEmpty();
    }

    @Test
    void plan_singleNodeWithoutOptInIsBlockedWithAvailabilityLoss() {
        Plan plan = Planner.plan(sno(false));
        assertThat(plan.waves()).isEmpty();
        assertThat(plan.notes())
                .singleElement()
                .asString()
                .startsWith("pool master stops before reaching")
                .contains("sno-0 AvailabilityLoss");
        assertThat(plan.blocked()).singleElement().satisfies(b -> {
            assertThat(b.node()).isEqualTo("sno-0");
            assertThat(b.reason()).isEqualTo(Reason.AVAILABILITY_LOSS);
            assertThat(b.detail()).contains("single-node", "acceptAvailabilityLoss");
        });
        NextStep step = Planner.next(sno(false));
        assertThat(step.actions()).isEmpty();
        assertThat(step.blocked()).singleElement().extracting(Blocked::reason).isEqualTo(Reason.AVAILABILITY_LOSS);
    }

    @Test
    void plan_singleNodeWithOptInRebootsWithoutDrainAndSaysSo() {
        Plan plan = Planner.plan(sno(true));
        assertThat(steps(plan, "sno-0")).containsExactly("SetDesired", "Apply", "Reboot");
        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().startsWith("availability loss accepted: sno-0");
        assertThat(PlannerJson.writePlan(plan, NOW)).contains("\"notes\"", "availability loss accepted");
    }

    @Test
    void plan_singleReplicaWithSeveralNodesNeedsNoOptInAndNeverDrains() {
        Snapshot s = Snapshot.of(
                        NOW,
                        List.of(Pool.controlPlane("master", B), Pool.of("worker", MaxUnavailable.DEFAULT, B)),
                        List.of(node("sno-0", "master", 10), node("w-0", "worker", 5)))
                .withTopology(Topology.SINGLE_REPLICA);
        Plan plan = Planner.plan(s);
        assertThat(steps(plan, "sno-0")).containsExactly("SetDesired", "Apply", "Reboot");
        assertThat(steps(plan, "w-0")).containsExactly("SetDesired", "Apply", "Reboot");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_highlyAvailableSingleNodeIsUnchanged() {
        Snapshot s = sno(false).withTopology(Topology.HIGHLY_AVAILABLE);
        Plan plan = Planner.plan(s);
        assertThat(steps(plan, "sno-0"))
                .containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Reboot", "Uncordon");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void plan_arbiterWaitsForEveryMaster() {
        Plan plan = Planner.plan(arbiterCluster());
        assertThat(waveOf(plan, "master-0")).isZero();
        assertThat(waveOf(plan, "master-1")).isEqualTo(1);
        assertThat(waveOf(plan, "arbiter-0")).isEqualTo(2);
        for (Wave w : plan.waves()) {
            assertThat(w.nodes()).hasSize(1);
        }
        assertThat(plan.blocked()).isEmpty();
    }

    @Test
    void next_arbiterWaitsWhileAMasterStarts() {
        NextStep step = Planner.next(arbiterCluster());
        assertThat(step.actions()).extracting(Action::node).containsExactly("master-0");
        Blocked b = step.blocked().stream()
                .filter(x -> x.node().equals("arbiter-0"))
                .findFirst()
                .orElseThrow();
        assertThat(b.reason()).isEqualTo(Reason.QUORUM);
        assertThat(b.detail()).contains("master node master-0");
    }

    @Test
    void next_mastersWaitForAnUnavailableArbiter() {
        Snapshot s = arbiterCluster();
        s = s.withNode(s.node("arbiter-0").withReady(false));
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        Blocked b = step.blocked().stream()
                .filter(x -> x.node().equals("master-0"))
                .findFirst()
                .orElseThrow();
        assertThat(b.reason()).isEqualTo(Reason.QUORUM);
        assertThat(b.detail()).contains("arbiter node arbiter-0");
    }

    @Test
    void next_arbiterBudgetIsOne() {
        Snapshot s = arbiterCluster();
        List<Node> nodes = new ArrayList<>(s.nodes());
        nodes.removeIf(n -> n.pool().equals("master"));
        nodes.add(node("arbiter-1", "arbiter", 5));
        s = s.withNodes(nodes);
        assertThat(Planner.next(s).actions()).extracting(Action::node).containsExactly("arbiter-0");
        // without the arbiter topology the pool's own maxUnavailable (3) applies
        assertThat(Planner.next(s.withTopology(Topology.HIGHLY_AVAILABLE)).actions())
                .hasSize(2);
    }

    @Test
    void readSnapshot_readsTopologyAndOptIn() {
        Snapshot s = PlannerJson.readSnapshot("""
                {"now": "2026-03-02T10:00:00Z", "topology": "SingleReplica", "acceptAvailabilityLoss": true,
                 "pools": [{"name": "master", "controlPlane": true, "target": {"config": "rendered-b"}}],
                 "nodes": [{"name": "sno-0", "pool": "master", "currentConfig": "rendered-a"}]}
                """);
        assertThat(s.topology()).isEqualTo(Topology.SINGLE_REPLICA);
        assertThat(s.acceptAvailabilityLoss()).isTrue();
        Snapshot arb = PlannerJson.readSnapshot("""
                {"now": "2026-03-02T10:00:00Z", "topology": "HighlyAvailableArbiter", "pools": [], "nodes": []}
                """);
        assertThat(arb.topology()).isEqualTo(Topology.HIGHLY_AVAILABLE_ARBITER);
        assertThat(arb.acceptAvailabilityLoss()).isFalse();
    }

    @Test
    void readSnapshot_rejectsUnknownTopology() {
        assertThatThrownBy(() -> PlannerJson.readSnapshot("""
                {"now": "2026-03-02T10:00:00Z", "topology": "External", "pools": [], "nodes": []}
                """))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("$.topology")
                .hasMessageContaining("SingleReplica");
        assertThatThrownBy(() -> PlannerJson.readSnapshot("""
                {"now": "2026-03-02T10:00:00Z", "acceptAvailabilityLoss": "yes", "pools": [], "nodes": []}
                """))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("$.acceptAvailabilityLoss");
    }
}
