package dev.coreos4j.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.json.UpdateGraphReader;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Examples on hand-made graphs. {@code graph/ocp-channels.json} mirrors public OpenShift channel facts: x.y.0 and
 * fresh z-streams only in candidate/fast, stable lagging, eus channels for even minors listing the odd minor between,
 * a release candidate only in candidate, one blocked edge without rules (removed) and one with an Always rule, and a
 * conditional edge whose risk is Azure-only (PromQL, then Always). {@code graph/fcos-stable.json} is a Fedora CoreOS
 * stream with a barrier, a dead end, a stale edge over the barrier and an edge out of the dead end.
 */
class UpdatePathPlannerTest {

    private static final String AZURE = "AzureDiskEncryptionSetDrift";
    private static final String OVN = "OVNEgressIPFailover";

    static UpdateGraph load(String name) {
        try {
            return UpdateGraphReader.readOrThrow(Files.readString(ProjectRoot.corpus("graph", name)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static final UpdateGraph OCP = load("ocp-channels.json");
    static final UpdateGraph FCOS = load("fcos-stable.json");

    static UpdatePath found(PathResult result) {
        assertThat(result).as("%s", result).isInstanceOf(PathResult.Found.class);
        return ((PathResult.Found) result).path();
    }

    static PathResult.NoPath none(PathResult result) {
        assertThat(result).as("%s", result).isInstanceOf(PathResult.NoPath.class);
        return (PathResult.NoPath) result;
    }

    static RiskInputs outcome(String risk, RiskOutcome outcome) {
        return new RiskInputs(Map.of(risk, outcome), Set.of());
    }

    @Test
    void latest_staysInStableChannelOfTheMinor() {
        UpdatePath path =
                found(UpdatePathPlanner.plan(OCP, PathRequest.latest("4.15.20").withChannel("stable-4.15")));
        assertThat(path.versions()).containsExactly("4.15.20", "4.15.25");
        assertThat(path.hops().get(0).kind()).isEqualTo(HopKind.PATCH);
        assertThat(path.hops().get(0).reason())
                .contains("recommended update", "z-stream update within 4.15", "both releases in stable-4.15");
    }

    @Test
    void latest_inStable_neverOffersCandidateOrFastOnlyReleases() {
        UpdatePath path =
                found(UpdatePathPlanner.plan(OCP, PathRequest.latest("4.15.25").withChannel("stable-4.16")));
        // 4.16.8 is in fast only; 4.15.25 -> 4.16.5 is removed, so the path goes through 4.16.3.
        assertThat(path.versions()).containsExactly("4.15.25", "4.16.3", "4.16.5");
        assertThat(path.hops().get(0).kind()).isEqualTo(HopKind.MINOR);
    }

    @Test
    void latest_inFast_goesAroundAzureRiskWhenItsQueryCannotBeEvaluated() {
        PathRequest request = PathRequest.latest("4.15.25").withChannel("fast-4.16");
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, request));
        // PromQL unknown -> skipped; the Always rule then decides: the risk applies, 4.16.3 -> 4.16.8 is not taken.
        assertThat(path.versions()).containsExactly("4.15.25", "4.16.3", "4.16.5", "4.16.8");
        assertThat(path.notRecommended()).singleElement().satisfies(b -> {
            assertThat(b.edge()).isEqualTo(new Edge("4.16.3", "4.16.8"));
            assertThat(b.code()).isEqualTo(BlockCode.RISK);
            assertThat(b.message()).contains("risk AzureDiskEncryptionSetDrift applies (rule 2, Always: match)");
        });
    }

    @Test
    void latest_inFast_takesConditionalEdgeWhenRiskDoesNotApply() {
        PathRequest request =
                PathRequest.latest("4.15.25").withChannel("fast-4.16").withRisks(outcome(AZURE, RiskOutcome.NO_MATCH));
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, request));
        assertThat(path.versions()).containsExactly("4.15.25", "4.16.3", "4.16.8");
        Hop conditional = path.hops().get(1);
        assertThat(conditional.conditional()).isTrue();
        assertThat(conditional.risks()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(RiskVerdict.DOES_NOT_APPLY);
            assertThat(r.decidingRule()).isZero();
        });
        assertThat(conditional.reason()).contains("risk AzureDiskEncryptionSetDrift does not apply (rule 1, PromQL");
        assertThat(path.acceptedRisks()).isEmpty();
    }

    @Test
    void latest_inFast_acceptedRiskIsListedOnTheHop() {
        PathRequest request = PathRequest.latest("4.15.25")
                .withChannel("fast-4.16")
                .withRisks(new RiskInputs(Map.of(AZURE, RiskOutcome.MATCH), Set.of(AZURE)));
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, request));
        assertThat(path.versions()).containsExactly("4.15.25", "4.16.3", "4.16.8");
        assertThat(path.acceptedRisks()).containsExactly(AZURE);
        assertThat(path.hops().get(1).reason()).contains("applies and was accepted");
    }

    @Test
    void to_blockedEdgeWithAlwaysRule_isAvoidedUnlessAccepted() {
        PathRequest request = PathRequest.to("4.15.20", "4.16.3").withChannel("stable-4.16");
        assertThat(found(UpdatePathPlanner.plan(OCP, request)).versions())
                .containsExactly("4.15.20", "4.15.25", "4.16.3");
        UpdatePath accepted =
                found(UpdatePathPlanner.plan(OCP, request.withRisks(new RiskInputs(Map.of(), Set.of(OVN)))));
        assertThat(accepted.versions()).containsExactly("4.15.20", "4.16.3");
        assertThat(accepted.acceptedRisks()).containsExactly(OVN);
    }

    @Test
    void to_removedEdgeIsNeverTaken() {
        assertThat(OCP.removedEdges()).extracting(RemovedEdge::edge).containsExactly(new Edge("4.15.25", "4.16.5"));
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, PathRequest.to("4.15.25", "4.16.5")));
        assertThat(path.versions()).containsExactly("4.15.25", "4.16.3", "4.16.5");
    }

    @Test
    void to_noPath_namesTheRemovedEdgeAndTheGatedMinorHop() {
        PathRequest request =
                PathRequest.to("4.15.25", "4.16.5").withPreconditions(new Preconditions(List.of("worker"), List.of()));
        PathResult.NoPath none = none(UpdatePathPlanner.plan(OCP, request));
        assertThat(none.reason()).startsWith("no valid path from 4.15.25 to 4.16.5: ");
        assertThat(none.blockers())
                .extracting(Blocker::edge, Blocker::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new Edge("4.15.25", "4.16.5"), BlockCode.REMOVED_EDGE),
                        org.assertj.core.groups.Tuple.tuple(new Edge("4.15.25", "4.16.3"), BlockCode.PRECONDITION));
        assertThat(none.blockers().get(0).message()).contains("RegistryStorageMigration");
        assertThat(none.blockers().get(1).message()).contains("degraded pool worker");
    }

    @Test
    void to_noPath_namesTheRiskThatBlocks() {
        PathRequest request = PathRequest.to("4.16.3", "4.16.8")
                .withChannel("fast-4.16")
                .withPreconditions(new Preconditions(List.of(), List.of("etcd: UnsupportedConfig")));
        // Without 4.16.5 -> 4.16.8 (not in a channel the request allows changing to), only the conditional edge is
        // left.
        PathResult result = UpdatePathPlanner.plan(OCP, request.withRisks(outcome(AZURE, RiskOutcome.MATCH)));
        UpdatePath around = found(result);
        assertThat(around.versions()).containsExactly("4.16.3", "4.16.5", "4.16.8");

        UpdateGraph withoutDetour = new UpdateGraph(
                OCP.kind(),
                OCP.releases(),
                OCP.edges().stream()
                        .filter(e -> !e.equals(new Edge("4.16.5", "4.16.8")))
                        .toList(),
                OCP.conditionalEdges(),
                OCP.removedEdges());
        PathResult.NoPath none =
                none(UpdatePathPlanner.plan(withoutDetour, request.withRisks(outcome(AZURE, RiskOutcome.MATCH))));
        assertThat(none.blockers()).first().satisfies(b -> {
            assertThat(b.code()).isEqualTo(BlockCode.RISK);
            assertThat(b.edge()).isEqualTo(new Edge("4.16.3", "4.16.8"));
            assertThat(b.message()).contains("risk AzureDiskEncryptionSetDrift applies (rule 1, PromQL: match)");
        });
    }

    @Test
    void to_preconditionsAllowZStreamHops() {
        PathRequest request = PathRequest.to("4.16.3", "4.16.5")
                .withPreconditions(new Preconditions(List.of("worker"), List.of("machine-config: PoolUpdating")));
        assertThat(found(UpdatePathPlanner.plan(OCP, request)).versions()).containsExactly("4.16.3", "4.16.5");
    }

    @Test
    void to_neverSkipsAMinor() {
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, PathRequest.to("4.14.40", "4.16.3")));
        // 4.14.40 -> 4.16.3 exists in the graph but skips 4.15; 4.15.20 -> 4.16.3 carries the Always risk. Of the
        // two 3-hop paths left, the one whose versions are newer hop by hop wins (4.16.0 over 4.15.25).
        assertThat(path.versions()).containsExactly("4.14.40", "4.15.20", "4.16.0", "4.16.3");
        assertThat(path.hops()).extracting(Hop::kind).containsExactly(HopKind.MINOR, HopKind.MINOR, HopKind.PATCH);
    }

    @Test
    void to_channelChangeIsExplicitAndFollowsTheFamily() {
        UpdatePath path = found(
                UpdatePathPlanner.plan(OCP, PathRequest.to("4.14.40", "4.16.5").withChannel("stable-4.14")));
        assertThat(path.versions()).containsExactly("4.14.40", "4.15.20", "4.15.25", "4.16.3", "4.16.5");
        assertThat(path.hops())
                .extracting(Hop::previousChannel)
                .containsExactly("stable-4.14", null, "stable-4.15", null);
        assertThat(path.hops())
                .extracting(Hop::channel)
                .containsExactly("stable-4.15", "stable-4.15", "stable-4.16", "stable-4.16");
        assertThat(path.hops().get(0).reason()).contains("channel change stable-4.14 -> stable-4.15");
    }

    @Test
    void to_withoutChannelChange_saysWhichReleaseIsOutsideTheChannel() {
        PathRequest request =
                PathRequest.to("4.14.40", "4.16.5").withChannel("stable-4.14").withAllowChannelChange(false);
        PathResult.NoPath none = none(UpdatePathPlanner.plan(OCP, request));
        assertThat(none.blockers()).extracting(Blocker::code).containsOnly(BlockCode.CHANNEL, BlockCode.MINOR_SKIP);
        assertThat(none.blockers())
                .anySatisfy(b -> assertThat(b.message()).isEqualTo("4.15.20 is not in channel stable-4.14"));
    }

    @Test
    void to_releaseCandidateOnlyInCandidateChannel() {
        PathRequest fast = PathRequest.to("4.16.3", "4.17.0-rc.2").withChannel("fast-4.16");
        assertThat(none(UpdatePathPlanner.plan(OCP, fast)).blockers())
                .extracting(Blocker::code)
                .contains(BlockCode.CHANNEL);
        PathRequest candidate = PathRequest.to("4.16.3", "4.17.0-rc.2").withChannel("candidate-4.16");
        assertThat(found(UpdatePathPlanner.plan(OCP, candidate)).hops().get(0).previousChannel())
                .isEqualTo("candidate-4.16");
    }

    @Test
    void to_downgradeRefusedUnlessAllowed() {
        PathResult.NoPath none = none(UpdatePathPlanner.plan(OCP, PathRequest.to("4.16.3", "4.16.0")));
        assertThat(none.blockers()).extracting(Blocker::code).containsExactly(BlockCode.DOWNGRADE);
        PathResult.NoPath noEdge = none(
                UpdatePathPlanner.plan(OCP, PathRequest.to("4.16.3", "4.16.0").withAllowDowngrade(true)));
        assertThat(noEdge.blockers()).extracting(Blocker::code).containsExactly(BlockCode.NO_EDGE);
    }

    @Test
    void to_unknownVersion_isAReasonNotAnException() {
        PathResult.NoPath none = none(UpdatePathPlanner.plan(OCP, PathRequest.to("4.15.20", "4.99.0")));
        assertThat(none.reason()).isEqualTo("release 4.99.0 is not in the graph");
        assertThat(none.blockers()).extracting(Blocker::code).containsExactly(BlockCode.UNKNOWN_RELEASE);
    }

    @Test
    void to_sameVersion_isAnEmptyPath() {
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, PathRequest.to("4.16.3", "4.16.3")));
        assertThat(path.hops()).isEmpty();
        UpdatePath eus = found(
                UpdatePathPlanner.plan(OCP, PathRequest.to("4.16.3", "4.16.3").withEus(true)));
        assertThat(eus.eus().segments()).isEmpty();
        assertThat(eus.eus().workerRebootsPerNode()).isZero();
        assertThat(eus.reboots(List.of(new PoolSize("worker", 4, false))).total())
                .isZero();
    }

    @Test
    void eus_pausesWorkersOverTheOddMinor() {
        PathRequest request =
                PathRequest.to("4.14.40", "4.16.5").withChannel("eus-4.14").withEus(true);
        UpdatePath path = found(UpdatePathPlanner.plan(OCP, request));
        assertThat(path.versions()).containsExactly("4.14.40", "4.15.20", "4.15.25", "4.16.3", "4.16.5");
        assertThat(path.hops())
                .extracting(Hop::workers)
                .containsExactly(WorkerPools.PAUSED, WorkerPools.PAUSED, WorkerPools.PAUSED, WorkerPools.UNPAUSED);
        assertThat(path.hops().get(0).previousChannel()).isEqualTo("eus-4.14");
        assertThat(path.hops().get(0).channel()).isEqualTo("eus-4.16");
        assertThat(path.eus().segments()).singleElement().satisfies(s -> {
            assertThat(s.workersFrom()).isEqualTo("4.14.40");
            assertThat(s.unpauseAt()).isEqualTo("4.16.5");
            assertThat(s.controlPlaneOnly()).containsExactly("4.15.20", "4.15.25", "4.16.3");
        });
        assertThat(path.eus().workerRebootsSavedPerNode()).isEqualTo(3);
        RebootEstimate reboots = path.reboots(List.of(
                new PoolSize("master", 3, true), new PoolSize("worker", 6, false), new PoolSize("infra", 2, false)));
        assertThat(reboots.total()).isEqualTo(4 * 3 + 8);
        assertThat(reboots.workerRebootsSaved()).isEqualTo(3 * 8);
    }

    @Test
    void eus_refusedFromAnOddMinor() {
        PathResult.NoPath none = none(
                UpdatePathPlanner.plan(OCP, PathRequest.to("4.15.20", "4.16.5").withEus(true)));
        assertThat(none.blockers()).extracting(Blocker::code).containsExactly(BlockCode.EUS_NOT_APPLICABLE);
        assertThat(none.reason()).contains("start at an even minor", "4.15");
    }

    @Test
    void fcos_latest_passesThroughTheBarrier() {
        UpdatePath path = found(UpdatePathPlanner.plan(FCOS, PathRequest.latest("37.20230218.3.0")));
        assertThat(path.versions()).containsExactly("37.20230218.3.0", "37.20230322.3.0", "38.20230514.3.0");
        assertThat(path.hops()).extracting(Hop::kind).containsOnly(HopKind.RELEASE);
        assertThat(path.hops().get(0).reason())
                .contains("through barrier 37.20230322.3.0", "fedora-coreos-tracker/issues/1394");
    }

    @Test
    void fcos_deadEndIsNeverATargetAndHasNoWayForward() {
        PathResult.NoPath target =
                none(UpdatePathPlanner.plan(FCOS, PathRequest.to("38.20230414.3.0", "38.20230430.3.0")));
        assertThat(target.blockers()).extracting(Blocker::code).containsExactly(BlockCode.TARGET_DEAD_END);
        PathResult.NoPath stuck = none(UpdatePathPlanner.plan(FCOS, PathRequest.latest("38.20230430.3.0")));
        assertThat(stuck.blockers()).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(BlockCode.DEAD_END);
            assertThat(b.message()).contains("fedora-coreos-tracker/issues/1455");
        });
    }

    @Test
    void fcos_latestSkipsDeadEndTarget() {
        UpdatePath path = found(UpdatePathPlanner.plan(FCOS, PathRequest.latest("38.20230414.3.0")));
        assertThat(path.versions()).containsExactly("38.20230414.3.0", "38.20230514.3.0");
    }

    @Test
    void fcos_channelAndEusDoNotApply() {
        assertThat(none(UpdatePathPlanner.plan(
                                FCOS, PathRequest.latest("37.20230205.3.0").withChannel("stable")))
                        .blockers())
                .extracting(Blocker::code)
                .containsExactly(BlockCode.CHANNEL);
        assertThat(none(UpdatePathPlanner.plan(
                                FCOS, PathRequest.latest("37.20230205.3.0").withEus(true)))
                        .blockers())
                .extracting(Blocker::code)
                .containsExactly(BlockCode.EUS_NOT_APPLICABLE);
    }

    @Test
    void fcos_staleEdgeOverBarrierIsReportedWhenItIsTheOnlyWay() {
        UpdateGraph onlyStale = new UpdateGraph(
                FCOS.kind(),
                FCOS.releases(),
                List.of(new Edge("37.20230218.3.0", "38.20230514.3.0")),
                List.of(),
                List.of());
        PathResult.NoPath none =
                none(UpdatePathPlanner.plan(onlyStale, PathRequest.to("37.20230218.3.0", "38.20230514.3.0")));
        assertThat(none.blockers()).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(BlockCode.BARRIER_SKIPPED);
            assertThat(b.message()).startsWith("skips barrier 37.20230322.3.0");
        });
    }
}
