package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Examples, including the MCO issues of spec §6 and what this planner answers instead. */
class PlannerTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z"); // a Monday
    static final Target A = Target.of("rendered-worker-a");
    static final Target B = Target.of("rendered-worker-b");

    static Node worker(String name, String zone, int ageDays) {
        return Node.of(name, "worker", zone, NOW.minus(ageDays, ChronoUnit.DAYS), A.config());
    }

    static List<Node> workers(int n) {
        List<Node> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(worker("w" + i, i % 2 == 0 ? "us-east-1a" : "us-east-1b", 100 - i));
        }
        return out;
    }

    static Snapshot cluster(Pool pool, List<Node> nodes) {
        return Snapshot.of(NOW, List.of(pool), nodes);
    }

    static Snapshot locked(Pool pool, List<Node> nodes, LockGroup group) {
        return new Snapshot(
                NOW,
                List.of(pool),
                nodes,
                Map.of(),
                DisruptionPolicies.defaults(),
                List.of(),
                List.of(),
                List.of(group),
                Limits.NONE,
                Topology.HIGHLY_AVAILABLE,
                false);
    }

    static List<String> moved(NextStep step, String kind) {
        return step.actions().stream()
                .filter(a -> a.step().equals(kind))
                .map(Action::node)
                .collect(Collectors.toList());
    }

    static Blocked reasonOf(NextStep step, String node) {
        return step.blocked().stream()
                .filter(b -> b.node().equals(node))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void next_percentBudgetStartsTheFirstZoneOldestFirst() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("25%"), B), workers(12));
        NextStep step = Planner.next(s);
        // 25% of 12 = 3; zone us-east-1a first (even names), oldest first (w12 is the newest: created latest)
        assertThat(moved(step, "SetDesired")).containsExactly("w2", "w4", "w6");
        assertThat(reasonOf(step, "w8").reason()).isEqualTo(Reason.BUDGET_EXHAUSTED);
        assertThat(reasonOf(step, "w8").detail()).contains("maxUnavailable 25% allows 3 of 12");
    }

    @Test
    void next_newestFirstReversesAgeWithinAZone() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B).withNewestFirst(true), workers(6));
        assertThat(moved(Planner.next(s), "SetDesired")).containsExactly("w4", "w6");
    }

    @Test
    void next_zonelessNodesComeLast() {
        List<Node> nodes = List.of(worker("a", null, 50), worker("b", "z1", 1), worker("c", "z2", 2));
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), nodes);
        assertThat(moved(Planner.next(s), "SetDesired")).containsExactly("b", "c");
    }

    @Test
    void plan_givesCeilPendingOverBudgetWavesWithFullPhaseOrder() {
        Plan plan = Planner.plan(cluster(Pool.of("worker", MaxUnavailable.parse("25%"), B), workers(12)));
        assertThat(plan.waves()).hasSize(4);
        assertThat(plan.waves()).allSatisfy(w -> assertThat(w.nodes()).hasSize(3));
        assertThat(plan.waves().get(0).nodes().get(0).steps())
                .containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Reboot", "Uncordon");
        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.after().get(0).isUpdated()).isTrue();
        assertThat(plan.before().get(0).isUpdating()).isTrue();
    }

    @Test
    void controlPlane_movesOneAtATimeEvenWithALargerBudget() {
        Pool masters = Pool.controlPlane("master", Target.of("rendered-master-b"))
                .withMaxUnavailable(MaxUnavailable.parse("2"));
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(Node.of("m" + i, "master", "z" + i, NOW.minus(10 - i, ChronoUnit.DAYS), "rendered-master-a"));
        }
        Snapshot s = Snapshot.of(NOW, List.of(masters), nodes);
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).containsExactly("m1");
        assertThat(reasonOf(step, "m2").reason()).isEqualTo(Reason.QUORUM);
        assertThat(Planner.plan(s).waves()).hasSize(3);
    }

    @Test
    void controlPlane_waitsWhileAnotherMemberIsUnavailable() {
        Pool masters = Pool.controlPlane("master", Target.of("rendered-master-b"));
        List<Node> nodes = List.of(
                Node.of("m1", "master", "z1", NOW, "rendered-master-a"),
                Node.of("m2", "master", "z2", NOW, "rendered-master-a").withReady(false),
                Node.of("m3", "master", "z3", NOW, "rendered-master-a"));
        NextStep step = Planner.next(Snapshot.of(NOW, List.of(masters), nodes));
        assertThat(step.actions()).isEmpty();
        assertThat(reasonOf(step, "m1").reason()).isEqualTo(Reason.QUORUM);
        assertThat(reasonOf(step, "m1").detail()).contains("m2 is unavailable");
        assertThat(reasonOf(step, "m2").reason()).isEqualTo(Reason.NOT_READY);
    }

    @Test
    void deferredNode_updatesLast() {
        Pool masters =
                Pool.controlPlane("master", Target.of("rendered-master-b")).withDeferredNode("m1");
        List<Node> nodes = List.of(
                Node.of("m1", "master", "z1", NOW.minus(3, ChronoUnit.DAYS), "rendered-master-a"),
                Node.of("m2", "master", "z2", NOW.minus(2, ChronoUnit.DAYS), "rendered-master-a"),
                Node.of("m3", "master", "z3", NOW.minus(1, ChronoUnit.DAYS), "rendered-master-a"));
        Snapshot s = Snapshot.of(NOW, List.of(masters), nodes);
        assertThat(reasonOf(Planner.next(s), "m1").reason()).isEqualTo(Reason.DEFERRED);
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).extracting(w -> w.nodes().get(0).name()).containsExactly("m2", "m3", "m1");
    }

    @Test
    void failingNodes_consumeBudget() {
        List<Node> nodes = new ArrayList<>(workers(4));
        nodes.set(0, nodes.get(0).withDesired(B).withState(NodeState.DEGRADED, "failed to drain node after 1 hour"));
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), nodes);
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).containsExactly("w2");
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.DEGRADED);
        assertThat(reasonOf(step, "w1").detail()).isEqualTo("failed to drain node after 1 hour");
    }

    @Test
    void invalidBudget_isRejectedNeverASilentStall() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> MaxUnavailable.parse("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paused_poolGetsNoActionsButStatusIsComputed() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("3"), B).withPaused(true), workers(3));
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        assertThat(step.blocked()).extracting(Blocked::reason).containsOnly(Reason.PAUSED);
        PoolStatus st = Planner.status(s).get(0);
        assertThat(st.machineCount()).isEqualTo(3);
        assertThat(st.isUpdating()).isFalse();
        assertThat(st.isUpdated()).isFalse();
    }

    @Test
    void nodeInNoPool_isReported() {
        Node stray = Node.of("x1", null, null, NOW, "rendered-x");
        NextStep step =
                Planner.next(Snapshot.of(NOW, List.of(Pool.of("worker", MaxUnavailable.DEFAULT, B)), List.of(stray)));
        assertThat(reasonOf(step, "x1").reason()).isEqualTo(Reason.NO_POOL);
    }

    /** MCO PR #4475 / OCPBUGS-33397: an admin-cordoned node was updated and then uncordoned. */
    @Test
    void mcoIssue_manuallyCordonedNodeIsNeitherStartedNorUncordoned() {
        List<Node> nodes = new ArrayList<>(workers(3));
        nodes.set(0, nodes.get(0).withCordon("admin"));
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("3"), B), nodes);
        NextStep step = Planner.next(s);
        // the cordoned node is unavailable and counts against the budget (3 - 1 = 2 may start)
        assertThat(moved(step, "SetDesired")).containsExactly("w2", "w3");
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.CORDONED);
        assertThat(reasonOf(step, "w1").detail()).contains("cordoned by admin");
        Plan plan = Planner.plan(s);
        assertThat(plan.waves())
                .flatExtracting(Wave::nodes)
                .extracting(Wave.Entry::name)
                .doesNotContain("w1");
        assertThat(plan.blocked()).extracting(Blocked::node).containsExactly("w1");
    }

    /**
     * MCO PR #4703 (OCPBUGS-43552): leaving image mode drained every worker at once despite maxUnavailable 2. Here
     * an image change back is just another target and goes through the same budget.
     */
    @Test
    void mcoIssue_optOutOfImageModeHonoursTheBudget() {
        List<Node> nodes = new ArrayList<>();
        for (Node n : workers(6)) {
            nodes.add(n.withDesired(new Target(A.config(), "quay.io/custom@sha256:1"))
                    .withFinished());
        }
        Target optOut = new Target(A.config(), "quay.io/rhcos@sha256:base");
        Plan plan = Planner.plan(cluster(Pool.of("worker", MaxUnavailable.parse("2"), optOut), nodes));
        assertThat(plan.waves())
                .hasSize(3)
                .allSatisfy(w -> assertThat(w.nodes()).hasSize(2));
        assertThat(plan.waves().get(0).nodes().get(0).steps()).contains("Reboot");
    }

    /** MCO issue #1038: the router PDB made maxUnavailable 3 unusable and drains hung. */
    @Test
    void mcoIssue_routerPdbLimitsEachWaveInsteadOfWedgingDrains() {
        List<Node> nodes = new ArrayList<>();
        for (Node n : workers(3)) {
            nodes.add(n.withPods(List.of(new Pod("router-" + n.name(), Map.of("app", "router")))));
        }
        Pdb router = new Pdb("router", Map.of("app", "router"), MaxUnavailable.parse("2"), null);
        Snapshot s =
                cluster(Pool.of("worker", MaxUnavailable.parse("3"), B), nodes).withPdbs(List.of(router));
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).hasSize(1);
        assertThat(step.blocked()).extracting(Blocked::reason).containsOnly(Reason.DRAIN_BLOCKED);
        assertThat(step.blocked().get(0).detail()).contains("PodDisruptionBudget router allows 0 more eviction(s)");
        assertThat(Planner.plan(s).waves()).hasSize(3);
    }

    /**
     * MCO issue #1443: after a bad config, deleting it re-targets the pool, but the node the drain controller
     * cordoned stays wedged. This planner owns its cordon, so the rollback re-targets it and uncordons it.
     */
    @Test
    void mcoIssue_wedgedNodeIsRecoveredByTheRollbackPlan() {
        List<Node> nodes = new ArrayList<>(workers(3));
        Node wedged = nodes.get(0)
                .withDesired(B)
                .withCordon(Planner.CORDON_OWNER)
                .withDrained(true)
                .withState(NodeState.DEGRADED, "bad config");
        nodes.set(0, wedged);
        Pool pool = Pool.of("worker", MaxUnavailable.DEFAULT, A).withTarget(B); // previous = A
        Snapshot s = cluster(pool, nodes);
        assertThat(reasonOf(Planner.next(s), "w1").reason()).isEqualTo(Reason.DEGRADED);
        Plan rollback = Planner.rollback(s);
        assertThat(rollback.waves()).hasSize(1);
        assertThat(rollback.waves().get(0).nodes())
                .containsExactly(new Wave.Entry("w1", "worker", List.of("SetDesired", "Uncordon")));
        assertThat(rollback.after().get(0).isUpdated()).isTrue();
    }

    @Test
    void reentrant_planningFromAnIntermediateStateContinuesWithoutReissuing() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(4));
        Snapshot s1 = Simulator.succeed(s, Planner.next(s).actions()); // w2, w4 started
        Snapshot s2 = Simulator.succeed(s1, Planner.next(s1).actions()); // cordoned
        NextStep step = Planner.next(s2);
        assertThat(step.actions()).extracting(Action::step).containsOnly("Drain");
        assertThat(Planner.plan(s2).waves()).hasSize(2);
        assertThat(Planner.plan(s2).waves().get(0).nodes().get(0).steps())
                .containsExactly("Drain", "Apply", "Reboot", "Uncordon");
    }

    @Test
    void abort_revertsUnstagedNodesAndStartsNothing() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(4));
        s = Simulator.succeed(s, Planner.next(s).actions()); // w2, w4 started
        s = s.withNode(
                s.node("w4").withCordon(Planner.CORDON_OWNER).withDrained(true).withStaged(true));
        Snapshot aborted = s.withPool(s.pool("worker").withAborted(true));
        NextStep step = Planner.next(aborted);
        assertThat(step.actions()).containsExactly(new Action.SetDesired("w2", A), new Action.Reboot("w4"));
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.ABORTED);
        Plan plan = Planner.plan(aborted);
        // w4 had written its update: it finishes on the new config; w2 went back; nothing else moved
        assertThat(plan.after().get(0).updated()).isEqualTo(1);
        assertThat(plan.waves())
                .flatExtracting(Wave::nodes)
                .extracting(Wave.Entry::name)
                .containsExactlyInAnyOrder("w2", "w4");
        assertThat(plan.blocked()).extracting(Blocked::reason).containsOnly(Reason.ABORTED);
    }

    @Test
    void disruption_reloadOnlyChangeNeedsNoDrainOrReboot() {
        RenderedConfig a = RenderedConfig.empty().withFile("/etc/containers/policy.json", "h1");
        RenderedConfig b = RenderedConfig.empty().withFile("/etc/containers/policy.json", "h2");
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(2))
                .withConfigs(Map.of(A.config(), a, B.config(), b));
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(1);
        assertThat(plan.waves().get(0).nodes())
                .allSatisfy(e -> assertThat(e.steps()).containsExactly("SetDesired", "Apply"));
        NextStep step = Planner.next(Simulator.succeed(s, Planner.next(s).actions()));
        assertThat(step.actions().get(0))
                .isEqualTo(new Action.Apply("w1", List.of(DisruptionAction.reload("crio.service")), true));
    }

    @Test
    void irreconcilableTarget_startsNothingAndNamesThePath() {
        RenderedConfig a = RenderedConfig.empty();
        RenderedConfig b = RenderedConfig.empty().withStorage("directories", "/var/lib/data", "h");
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(2))
                .withConfigs(Map.of(A.config(), a, B.config(), b));
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        assertThat(step.blocked()).extracting(Blocked::reason).containsOnly(Reason.IRRECONCILABLE_TARGET);
        assertThat(step.blocked().get(0).detail()).contains("storage.directories./var/lib/data");
        assertThat(Planner.status(s).get(0).isDegraded()).isTrue();
    }

    @Test
    void window_blocksDisruptionUntilItOpensAndPlanWaitsForIt() {
        MaintenanceWindow tuesdayNight = new MaintenanceWindow(
                Set.of(DayOfWeek.TUESDAY), LocalTime.of(22, 0), 120, ZoneId.of("UTC"), new TreeSet<>());
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(2))
                .withWindows(List.of(tuesdayNight));
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        Blocked b = reasonOf(step, "w1");
        assertThat(b.reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        assertThat(b.until()).isEqualTo(Instant.parse("2026-03-03T22:00:00Z"));
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(1);
        assertThat(plan.waves().get(0).start()).isEqualTo(Instant.parse("2026-03-03T22:00:00Z"));
    }

    @Test
    void lockGroup_oneSlotSerializesDisruptionAndIsReleasedWhenSteady() {
        LockGroup group = new LockGroup("workers", 1, new TreeSet<>());
        Snapshot s =
                locked(Pool.of("worker", MaxUnavailable.parse("3"), B).withLockGroup("workers"), workers(3), group);
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).hasSize(1);
        assertThat(step.blocked()).extracting(Blocked::reason).containsOnly(Reason.LOCK_HELD);
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).hasSize(3);
        assertThat(plan.waves().get(0).nodes().get(0).steps())
                .containsExactly(
                        "SetDesired", "AcquireLock", "Cordon", "Drain", "Apply", "Reboot", "Uncordon", "ReleaseLock");
    }

    @Test
    void lockHeldByAnotherNode_blocksWithTheHolderNamed() {
        LockGroup group = new LockGroup("workers", 1, new TreeSet<>(Set.of("db-7")));
        Snapshot s =
                locked(Pool.of("worker", MaxUnavailable.parse("3"), B).withLockGroup("workers"), workers(1), group);
        Blocked b = reasonOf(Planner.next(s), "w1");
        assertThat(b.reason()).isEqualTo(Reason.LOCK_HELD);
        assertThat(b.detail()).contains("held by db-7").endsWith("not in the cluster (release by hand): db-7");
    }

    /** Zincati #1014: users want "only inside the window AND one HA node at a time"; here both gates compose. */
    @Test
    void zincatiIssue_windowAndFleetLockCombine() {
        MaintenanceWindow saturday = new MaintenanceWindow(
                Set.of(DayOfWeek.SATURDAY), LocalTime.of(1, 0), 180, ZoneId.of("Europe/Berlin"), new TreeSet<>());
        Snapshot s = new Snapshot(
                NOW,
                List.of(Pool.of("worker", MaxUnavailable.parse("3"), B).withLockGroup("ha")),
                workers(3),
                Map.of(),
                DisruptionPolicies.defaults(),
                List.of(),
                List.of(saturday),
                List.of(new LockGroup("ha", 1, new TreeSet<>())),
                Limits.NONE,
                Topology.HIGHLY_AVAILABLE,
                false);
        assertThat(reasonOf(Planner.next(s), "w1").reason()).isEqualTo(Reason.OUTSIDE_WINDOW);
        Plan plan = Planner.plan(s);
        // Saturday 01:00 Berlin (CET) is Saturday 00:00Z; one node at a time within the window
        assertThat(plan.waves()).hasSize(3).allSatisfy(w -> {
            assertThat(w.nodes()).hasSize(1);
            assertThat(w.start()).isEqualTo(Instant.parse("2026-03-07T00:00:00Z"));
        });
    }

    /** kured #792: a node whose drain is blocked took the lock and stalled every other node. */
    @Test
    void kuredIssue_aDrainBlockedNodeDoesNotTakeTheLock() {
        List<Node> nodes = new ArrayList<>(workers(3));
        nodes.set(0, nodes.get(0).withPods(List.of(new Pod("db-0", Map.of("app", "db")))));
        Pdb db = new Pdb("db", Map.of("app", "db"), MaxUnavailable.parse("1"), null); // allows 0 evictions
        Snapshot s = new Snapshot(
                NOW,
                List.of(Pool.of("worker", MaxUnavailable.parse("3"), B).withLockGroup("g")),
                nodes,
                Map.of(),
                DisruptionPolicies.defaults(),
                List.of(db),
                List.of(),
                List.of(new LockGroup("g", 1, new TreeSet<>())),
                Limits.NONE,
                Topology.HIGHLY_AVAILABLE,
                false);
        NextStep step = Planner.next(s);
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.DRAIN_BLOCKED);
        assertThat(moved(step, "SetDesired")).containsExactly("w2");
        Plan plan = Planner.plan(s);
        assertThat(plan.waves())
                .flatExtracting(Wave::nodes)
                .extracting(Wave.Entry::name)
                .containsExactly("w2", "w3");
        assertThat(plan.blocked())
                .extracting(Blocked::node, Blocked::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", Reason.DRAIN_BLOCKED));
    }

    @Test
    void zoneLimit_capsDisruptionPerZoneAcrossPools() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("4"), B), workers(8))
                .withLimits(new Limits(null, MaxUnavailable.parse("1")));
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).containsExactly("w1", "w2");
        assertThat(reasonOf(step, "w4").reason()).isEqualTo(Reason.ZONE_LIMIT);
    }

    @Test
    void clusterLimit_capsDisruptionAcrossPools() {
        Pool infra = Pool.of("infra", MaxUnavailable.parse("2"), Target.of("rendered-infra-b"));
        List<Node> nodes = new ArrayList<>(workers(3));
        nodes.add(Node.of("i1", "infra", "z", NOW, "rendered-infra-a"));
        nodes.add(Node.of("i2", "infra", "z", NOW, "rendered-infra-a"));
        Snapshot s = Snapshot.of(NOW, List.of(Pool.of("worker", MaxUnavailable.parse("3"), B), infra), nodes)
                .withLimits(new Limits(MaxUnavailable.parse("2"), null));
        NextStep step = Planner.next(s);
        assertThat(moved(step, "SetDesired")).containsExactly("i1", "i2");
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.CLUSTER_LIMIT);
    }

    @Test
    void failureThreshold_stopsNewStarts() {
        List<Node> nodes = new ArrayList<>(workers(6));
        nodes.set(0, nodes.get(0).withDesired(B).withState(NodeState.DEGRADED, "boom"));
        Snapshot s = cluster(
                Pool.of("worker", MaxUnavailable.parse("4"), B).withFailureThreshold(MaxUnavailable.parse("1")), nodes);
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        assertThat(reasonOf(step, "w2").reason()).isEqualTo(Reason.FAILURE_THRESHOLD);
    }

    @Test
    void retarget_midRolloutFinishesInFlightNodesBeforeRetargetingThemWithinBudget() {
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), workers(4));
        s = Simulator.succeed(s, Planner.next(s).actions()); // w2, w4 -> B
        s = Simulator.succeed(s, Planner.next(s).actions()); // cordoned
        Target c = Target.of("rendered-worker-c");
        Snapshot retargeted = s.withPool(s.pool("worker").withTarget(c));
        NextStep step = Planner.next(retargeted);
        // MCO (TestGetCandidateMachines, "Validate we also don't affect nodes which haven't started work"): the two
        // in-flight nodes fill maxUnavailable 2, so nothing is handed the new target; they go on towards B
        assertThat(step.actions()).containsExactly(new Action.Drain("w2"), new Action.Drain("w4"));
        assertThat(reasonOf(step, "w1").reason()).isEqualTo(Reason.BUDGET_EXHAUSTED);
        Plan plan = Planner.plan(retargeted);
        assertThat(plan.after().get(0).isUpdated()).isTrue();
        assertThat(plan.waves().get(0).nodes())
                .extracting(Wave.Entry::steps)
                .containsOnly(List.of("Drain", "Apply", "Reboot", "Uncordon"));
        assertThat(plan.waves()).hasSize(3);
    }

    /** A mid-rollout snapshot: the Working node completes in the first wave and the rollout goes to the end. */
    @Test
    void plan_fromMidRolloutAssumesWorkingNodesFinishAndCarriesOn() {
        List<Node> nodes = new ArrayList<>(workers(4));
        nodes.set(
                0,
                nodes.get(0)
                        .withDesired(B)
                        .withCordon(Planner.CORDON_OWNER)
                        .withDrained(true)
                        .withState(NodeState.WORKING, null));
        nodes.set(
                1,
                nodes.get(1).withDesired(B).withState(NodeState.REBOOTING, null).withReady(true));
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.parse("2"), B), nodes);
        NextStep now = Planner.next(s);
        assertThat(now.actions()).isEmpty();
        assertThat(reasonOf(now, "w1").reason()).isEqualTo(Reason.IN_PROGRESS);
        assertThat(reasonOf(now, "w3").reason()).isEqualTo(Reason.BUDGET_EXHAUSTED);
        Plan plan = Planner.plan(s);
        assertThat(plan.waves().get(0).nodes())
                .containsExactly(
                        new Wave.Entry("w1", "worker", List.of("AgentFinishes", "Uncordon")),
                        new Wave.Entry("w2", "worker", List.of("AgentFinishes")));
        assertThat(plan.waves()).hasSize(2);
        assertThat(plan.after().get(0).isUpdated()).isTrue();
        assertThat(plan.notes()).isEmpty();
    }

    /** When the rollout cannot reach its end, the notes name the nodes that stop it and why. */
    @Test
    void plan_notesSayWhichNodesStopTheRollout() {
        List<Node> nodes = new ArrayList<>(workers(4));
        nodes.set(0, nodes.get(0).withDesired(B).withState(NodeState.DEGRADED, "failed to drain node after 1 hour"));
        Snapshot s = cluster(Pool.of("worker", MaxUnavailable.DEFAULT, B), nodes);
        Plan plan = Planner.plan(s);
        assertThat(plan.waves()).isEmpty();
        assertThat(plan.notes())
                .containsExactly("pool worker stops before reaching rendered-worker-b: w1 Degraded "
                        + "(failed to drain node after 1 hour); w2, w3, w4 wait (BudgetExhausted)");
    }

    @Test
    void action_everyKindHasAStepNameAndTheSimulatorHandlesIt() {
        Class<?>[] kinds = Action.class.getPermittedSubclasses();
        assertThat(kinds).hasSize(9);
        List<String> names = new ArrayList<>();
        Snapshot s = locked(
                Pool.of("worker", MaxUnavailable.DEFAULT, B).withLockGroup("g"),
                workers(1),
                new LockGroup("g", 1, new TreeSet<>()));
        List<Action> all = List.of(
                new Action.SetDesired("w1", B),
                new Action.AcquireLock("w1", "g"),
                new Action.Cordon("w1"),
                new Action.Drain("w1"),
                new Action.Apply("w1", List.of(), false),
                new Action.Reboot("w1"),
                new Action.Uncordon("w1"),
                new Action.ReleaseLock("w1", "g"),
                new Action.AgentFinishes("w1"));
        for (Action a : all) {
            names.add(a.step());
            s = Simulator.succeed(s, List.of(a));
        }
        assertThat(all).extracting(Object::getClass).containsExactlyInAnyOrder(kinds);
        assertThat(names)
                .containsExactly(
                        "SetDesired",
                        "AcquireLock",
                        "Cordon",
                        "Drain",
                        "Apply",
                        "Reboot",
                        "Uncordon",
                        "ReleaseLock",
                        "AgentFinishes");
        assertThat(s.node("w1").runs(B)).isTrue();
        assertThat(s.node("w1").unschedulable()).isFalse();
        assertThat(s.locks().get(0).holders()).isEmpty();
    }

    @Test
    void status_countsFollowMco() {
        List<Node> nodes = new ArrayList<>(workers(4));
        nodes.set(0, nodes.get(0).withDesired(B).withFinished()); // updated, ready
        nodes.set(1, nodes.get(1).withDesired(B).withFinished().withCordon("admin")); // updated, not ready
        nodes.set(2, nodes.get(2).withDesired(B).withState(NodeState.DEGRADED, "x")); // degraded
        PoolStatus st = Planner.status(cluster(Pool.of("worker", MaxUnavailable.DEFAULT, B), nodes))
                .get(0);
        assertThat(st).isEqualTo(new PoolStatus("worker", 4, 2, 1, 1, 1, false, true, true));
    }

    @Test
    void plan_manyInFlightNodesQueueingForOneLockSlot_settleInOneWaveWithoutAnError() {
        // 200 nodes already cordoned for B take the single lock slot in turn: one wave of 200 nodes x several steps,
        // far more steps than any small fixed cap (a cap of 64 once made plan throw here)
        List<Node> nodes = new ArrayList<>();
        for (Node n : workers(200)) {
            nodes.add(n.withDesired(B).withCordon(Planner.CORDON_OWNER));
        }
        Plan plan = Planner.plan(locked(
                Pool.of("worker", MaxUnavailable.parse("100%"), B).withLockGroup("g"),
                nodes,
                new LockGroup("g", 1, new TreeSet<>())));
        assertThat(plan.waves()).hasSize(1);
        assertThat(plan.waves().get(0).nodes())
                .hasSize(200)
                .allSatisfy(e -> assertThat(e.steps()).contains("AcquireLock", "Reboot", "ReleaseLock"));
        assertThat(plan.blocked()).isEmpty();
    }
}
