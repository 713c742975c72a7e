package dev.coreos4j.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.UpdateGraphArbitraries;
import dev.coreos4j.testkit.UpdateGraphArbitraries.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link UpdatePathPlanner} over generated graphs (see {@link UpdateGraphArbitraries}), checked against an
 * independent reference written here from the rules in the spec digest (§3.3, §3.6, §4.8).
 */
class UpdatePathPlannerProperties {

    @Property(tries = 400)
    void plan_isTotal_aPathOrAReasonNeverAnException(@ForAll("scenarios") Scenario s) {
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        net.jqwik.api.statistics.Statistics.collect(
                s.graph().kind(),
                result instanceof PathResult.Found
                        ? "found "
                                + Math.min(
                                        ((PathResult.Found) result)
                                                .path()
                                                .hops()
                                                .size(),
                                        4)
                        : ((PathResult.NoPath) result).blockers().get(0).code());
        if (result instanceof PathResult.NoPath) {
            PathResult.NoPath none = (PathResult.NoPath) result;
            assertThat(none.reason()).isNotBlank();
            assertThat(none.blockers()).isNotEmpty();
        } else {
            assertThat(((PathResult.Found) result).path().from())
                    .isEqualTo(s.request().from());
        }
    }

    @Property(tries = 400)
    void plan_everyHopIsAValidEdgeUnderTheRiskOutcomes(@ForAll("scenarios") Scenario s) {
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        if (!(result instanceof PathResult.Found)) {
            return;
        }
        UpdatePath path = ((PathResult.Found) result).path();
        PathRequest request = s.request();
        UpdateGraph g = s.graph();
        if (!request.latest()) {
            assertThat(path.to()).isEqualTo(request.to());
        }
        assertThat(g.release(path.to()).orElseThrow().isDeadEnd()).isFalse();
        String channel = request.channel();
        for (Hop hop : path.hops()) {
            Edge e = hop.edge();
            assertThat(Reference.plainOrConditional(g, e))
                    .as("edge %s is in the graph", e)
                    .isTrue();
            assertThat(Set.copyOf(hop.risks().stream().map(RiskEvaluation::risk).toList()))
                    .isEqualTo(Set.copyOf(Reference.risksOf(g, e)));
            for (RiskEvaluation ev : hop.risks()) {
                RiskVerdict verdict = Reference.verdict(ev.risk(), request.risks());
                assertThat(ev.verdict()).isEqualTo(verdict);
                assertThat(verdict == RiskVerdict.DOES_NOT_APPLY
                                || request.risks().accepts(ev.risk().name()))
                        .as("risk %s on %s", ev.risk().name(), e)
                        .isTrue();
            }
            assertThat(Reference.structurallyValid(g, request, e))
                    .as("hop %s", e)
                    .isNull();
            if (channel == null) {
                assertThat(hop.channel()).isNull();
            } else {
                if (hop.changesChannel()) {
                    assertThat(request.allowChannelChange()).isTrue();
                    assertThat(hop.previousChannel()).isEqualTo(channel);
                    assertThat(Reference.family(hop.channel())).isEqualTo(Reference.family(channel));
                    assertThat(Reference.channelMinor(hop.channel())).isGreaterThan(Reference.channelMinor(channel));
                } else {
                    assertThat(hop.channel()).isEqualTo(channel);
                }
                channel = hop.channel();
                assertThat(g.release(e.from()).orElseThrow().inChannel(channel)).isTrue();
                assertThat(g.release(e.to()).orElseThrow().inChannel(channel)).isTrue();
            }
        }
    }

    @Property(tries = 400)
    void plan_neverTakesRemovedEdgesOrEdgesWithBlockingRisks(@ForAll("scenarios") Scenario s) {
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        if (result instanceof PathResult.Found) {
            Set<Edge> removed = new HashSet<>();
            s.graph().removedEdges().forEach(r -> removed.add(r.edge()));
            UpdatePath path = ((PathResult.Found) result).path();
            for (Hop hop : path.hops()) {
                assertThat(removed).doesNotContain(hop.edge());
                assertThat(hop.risks()).noneMatch(RiskEvaluation::blocks);
            }
            for (Blocker b : path.notRecommended()) {
                assertThat(b.code()).isEqualTo(BlockCode.RISK);
                assertThat(path.versions()).contains(b.edge().from());
                assertThat(Reference.risksOf(s.graph(), b.edge()))
                        .anyMatch(risk -> Reference.verdict(risk, s.request().risks()) != RiskVerdict.DOES_NOT_APPLY
                                && !s.request().risks().accepts(risk.name()));
            }
        }
    }

    @Property(tries = 400)
    void plan_minorsNeverSkipAndNoDowngradeUnlessAllowed(@ForAll("scenarios") Scenario s) {
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        if (!(result instanceof PathResult.Found)) {
            return;
        }
        boolean gated = s.request().preconditions().blockMinorUpdates();
        for (Hop hop : ((PathResult.Found) result).path().hops()) {
            if (s.graph().kind() == GraphKind.CINCINNATI) {
                int[] a = Reference.majorMinor(hop.from());
                int[] b = Reference.majorMinor(hop.to());
                assertThat(b[0]).isEqualTo(a[0]);
                assertThat(Math.abs(b[1] - a[1])).isLessThanOrEqualTo(gated ? 0 : 1);
                assertThat(hop.kind()).isEqualTo(a[1] == b[1] ? HopKind.PATCH : HopKind.MINOR);
            }
            if (!s.request().allowDowngrade() || s.request().eus()) {
                assertThat(s.graph().compare(hop.to(), hop.from())).isPositive();
            }
        }
    }

    /** With a fixed channel (or none), the planner finds exactly the reference's target, hop count and risk count. */
    @Property(tries = 1000)
    void plan_isTheNewestShortestLeastRiskyValidPath(@ForAll("scenarios") Scenario s) {
        PathRequest request = s.request();
        if (request.channel() != null && request.allowChannelChange()) {
            return;
        }
        Reference.Best expected = Reference.plan(s.graph(), request);
        PathResult result = UpdatePathPlanner.plan(s.graph(), request);
        assertAsGoodAs(expected, result);
    }

    /**
     * With channel changes allowed, the planner (which switches only when needed, to the nearest later channel) is as
     * short and takes as few accepted risks as the best plan that may switch to any later channel of the family.
     */
    @Property(tries = 1000)
    void plan_withChannelChanges_isAsGoodAsAnyLaterChannelSequence(@ForAll("channelChanges") Scenario s) {
        PathRequest request = s.request();
        if (request.channel() == null || !request.allowChannelChange()) {
            return;
        }
        Reference.Best expected = Reference.planWithChannelChanges(s.graph(), request);
        PathResult result = UpdatePathPlanner.plan(s.graph(), request);
        net.jqwik.api.statistics.Statistics.collect(
                result instanceof PathResult.Found
                        ? "changes " + ((PathResult.Found) result).path().channelChanges()
                        : "none");
        assertAsGoodAs(expected, result);
    }

    @Property(tries = 300)
    void plan_doesNotDependOnTheOrderOfNodesAndEdges(@ForAll("scenarios") Scenario s, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        UpdateGraph g = s.graph();
        List<Release> releases = new ArrayList<>(g.releases());
        List<Edge> edges = new ArrayList<>(g.edges());
        List<ConditionalEdge> conditional = new ArrayList<>();
        for (ConditionalEdge c : g.conditionalEdges()) {
            List<Edge> ce = new ArrayList<>(c.edges());
            List<Risk> risks = new ArrayList<>(c.risks());
            Collections.shuffle(ce, r);
            Collections.shuffle(risks, r);
            conditional.add(new ConditionalEdge(ce, risks));
        }
        List<RemovedEdge> removed = new ArrayList<>(g.removedEdges());
        Collections.shuffle(releases, r);
        Collections.shuffle(edges, r);
        Collections.shuffle(conditional, r);
        Collections.shuffle(removed, r);
        UpdateGraph shuffled = new UpdateGraph(g.kind(), releases, edges, conditional, removed);
        assertThat(UpdatePathPlanner.plan(shuffled, s.request())).isEqualTo(UpdatePathPlanner.plan(g, s.request()));
    }

    @Property(tries = 400)
    void plan_fedoraCoreOs_passesThroughEveryBarrierAndNeverLeavesADeadEnd(@ForAll("scenarios") Scenario s) {
        if (s.graph().kind() != GraphKind.FEDORA_COREOS) {
            return;
        }
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        if (!(result instanceof PathResult.Found)) {
            return;
        }
        UpdatePath path = ((PathResult.Found) result).path();
        UpdateGraph g = s.graph();
        for (Hop hop : path.hops()) {
            assertThat(g.release(hop.from()).orElseThrow().isDeadEnd()).isFalse();
        }
        boolean upOnly = path.hops().stream().allMatch(h -> g.compare(h.to(), h.from()) > 0);
        if (upOnly) {
            for (Release barrier : g.releases()) {
                if (barrier.isBarrier()
                        && g.compare(barrier.version(), path.from()) > 0
                        && g.compare(barrier.version(), path.to()) < 0) {
                    assertThat(path.versions())
                            .as("barrier %s", barrier.version())
                            .contains(barrier.version());
                }
            }
        }
    }

    @Property(tries = 400)
    void plan_phasedRollouts_onlyEverOfferMoreAsTimePasses(
            @ForAll("scenarios") Scenario s, @ForAll("later") int minutes) {
        PathRequest request = s.request();
        if (request.rollout() == null) {
            return;
        }
        RolloutClient later = new RolloutClient(
                request.rollout().now().plusSeconds(60L * minutes),
                request.rollout().wariness());
        PathResult before = UpdatePathPlanner.plan(s.graph(), request);
        PathResult after = UpdatePathPlanner.plan(s.graph(), request.withRollout(later));
        for (Release r : s.graph().releases()) {
            if (!request.rollout().offered(r)) {
                continue;
            }
            assertThat(later.offered(r)).as("%s stays offered", r.version()).isTrue();
        }
        if (before instanceof PathResult.Found) {
            assertThat(after).isInstanceOf(PathResult.Found.class);
            UpdatePath b = ((PathResult.Found) before).path();
            UpdatePath a = ((PathResult.Found) after).path();
            if (request.latest()) {
                assertThat(s.graph().compare(a.to(), b.to())).isGreaterThanOrEqualTo(0);
            } else {
                assertThat(a.hops().size()).isLessThanOrEqualTo(b.hops().size());
            }
            for (Hop hop : b.hops()) {
                assertThat(request.rollout().offered(s.graph().release(hop.to()).orElseThrow()))
                        .isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Integer> later() {
        return Arbitraries.integers().between(0, 200);
    }

    @Property(tries = 400)
    void plan_eus_pausesWorkersUntilEachEvenMinorWithinSkew(@ForAll("scenarios") Scenario s) {
        if (!s.request().eus()) {
            return;
        }
        PathResult result = UpdatePathPlanner.plan(s.graph(), s.request());
        if (!(result instanceof PathResult.Found)) {
            return;
        }
        UpdatePath path = ((PathResult.Found) result).path();
        assertThat(path.eus()).isNotNull();
        assertThat(Reference.majorMinor(path.from())[1] % 2).isZero();
        assertThat(Reference.majorMinor(path.to())[1] % 2).isZero();
        int workersMinor = Reference.majorMinor(path.from())[1];
        int unpauses = 0;
        for (int i = 0; i < path.hops().size(); i++) {
            Hop hop = path.hops().get(i);
            int cpMinor = Reference.majorMinor(hop.to())[1];
            assertThat(cpMinor - workersMinor)
                    .as("kubelet skew at %s", hop.to())
                    .isBetween(0, 2);
            assertThat(hop.workers()).isNotEqualTo(WorkerPools.FOLLOW);
            if (hop.workers() == WorkerPools.UNPAUSED) {
                assertThat(cpMinor % 2).as("workers unpause at an even minor").isZero();
                workersMinor = cpMinor;
                unpauses++;
            }
        }
        if (!path.hops().isEmpty()) {
            assertThat(path.hops().get(path.hops().size() - 1).workers()).isEqualTo(WorkerPools.UNPAUSED);
        }
        assertThat(path.eus().segments()).hasSize(unpauses);
        assertThat(path.eus().workerRebootsPerNode()).isEqualTo(unpauses);
        assertThat(path.eus().workerRebootsSavedPerNode())
                .isEqualTo(path.hops().isEmpty() ? 0 : path.hops().size() - unpauses);
        RebootEstimate reboots =
                path.reboots(List.of(new PoolSize("master", 3, true), new PoolSize("worker", 5, false)));
        assertThat(reboots.workerRebootsSaved()).isEqualTo(5 * path.eus().workerRebootsSavedPerNode());
    }

    @Property(tries = 500)
    void riskEvaluation_firstRuleThatEvaluatesDecides(@ForAll("risks") Risk risk, @ForAll("inputs") RiskInputs inputs) {
        RiskEvaluation ev = RiskEvaluator.evaluate(risk, inputs);
        assertThat(ev.verdict()).isEqualTo(Reference.verdict(risk, inputs));
        if (ev.decidingRule() >= 0) {
            MatchingRule decider = risk.matchingRules().get(ev.decidingRule());
            assertThat(decider).isNotInstanceOf(MatchingRule.Unrecognized.class);
            for (MatchingRule before : risk.matchingRules().subList(0, ev.decidingRule())) {
                assertThat(before).isNotInstanceOf(MatchingRule.Always.class);
            }
        }
        assertThat(ev.blocks()).isEqualTo(ev.verdict() != RiskVerdict.DOES_NOT_APPLY && !inputs.accepts(risk.name()));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return UpdateGraphArbitraries.scenarios();
    }

    @Provide
    Arbitrary<Scenario> channelChanges() {
        return Arbitraries.oneOf(
                UpdateGraphArbitraries.channelChangeScenarios(), UpdateGraphArbitraries.openshiftScenarios());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Risk> risks() {
        return UpdateGraphArbitraries.risks();
    }

    @Provide
    Arbitrary<RiskInputs> inputs() {
        return UpdateGraphArbitraries.riskInputs();
    }

    /** The rules of §3.6/§4.8 restated plainly, independent of the planner's search. */
    static final class Reference {

        record Best(String target, int hops, int accepted) {}

        static RiskVerdict verdict(Risk risk, RiskInputs inputs) {
            for (MatchingRule rule : risk.matchingRules()) {
                RiskOutcome o;
                if (rule instanceof MatchingRule.Always) {
                    o = RiskOutcome.MATCH;
                } else if (rule instanceof MatchingRule.PromQL) {
                    o = inputs.outcomes().get(((MatchingRule.PromQL) rule).query());
                    if (o == null) {
                        o = inputs.outcomes().getOrDefault(risk.name(), RiskOutcome.UNKNOWN);
                    }
                } else {
                    o = RiskOutcome.UNKNOWN;
                }
                if (o == RiskOutcome.MATCH) {
                    return RiskVerdict.APPLIES;
                }
                if (o == RiskOutcome.NO_MATCH) {
                    return RiskVerdict.DOES_NOT_APPLY;
                }
            }
            return RiskVerdict.NOT_EVALUABLE;
        }

        static boolean plainOrConditional(UpdateGraph g, Edge e) {
            return g.edges().contains(e)
                    || g.conditionalEdges().stream().anyMatch(c -> c.edges().contains(e));
        }

        static List<Risk> risksOf(UpdateGraph g, Edge e) {
            List<Risk> risks = new ArrayList<>();
            g.conditionalEdges().stream().filter(c -> c.edges().contains(e)).forEach(c -> risks.addAll(c.risks()));
            return risks;
        }

        static int[] majorMinor(String version) {
            String[] parts = version.split("[.-]");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        }

        static String family(String channel) {
            return channel.substring(0, channel.lastIndexOf('-'));
        }

        /** {@code stable-4.16} -> 4 * 10000 + 16. */
        static long channelOrder(String channel) {
            String[] v = channel.substring(channel.lastIndexOf('-') + 1).split("\\.");
            return Long.parseLong(v[0]) * 10_000L + Long.parseLong(v[1]);
        }

        static int channelMinor(String channel) {
            return Integer.parseInt(channel.substring(channel.lastIndexOf('.') + 1));
        }

        /** Null when the edge's ends, direction, minors, preconditions and barriers allow it; else why not. */
        static String structurallyValid(UpdateGraph g, PathRequest request, Edge e) {
            Release a = g.release(e.from()).orElseThrow();
            Release b = g.release(e.to()).orElseThrow();
            boolean older = g.compare(b.version(), a.version()) < 0;
            if (older && (!request.allowDowngrade() || request.eus())) {
                return "downgrade";
            }
            if (request.rollout() != null
                    && request.rollout().wariness() > request.rollout().progress(b)) {
                return "not yet rolled out to this client";
            }
            if (g.kind() == GraphKind.FEDORA_COREOS) {
                if (a.isDeadEnd()) {
                    return "from a dead end";
                }
                for (Release r : g.releases()) {
                    if (r.isBarrier()
                            && !older
                            && g.compare(r.version(), a.version()) > 0
                            && g.compare(r.version(), b.version()) < 0) {
                        return "over barrier " + r.version();
                    }
                }
                return null;
            }
            int[] x = majorMinor(a.version());
            int[] y = majorMinor(b.version());
            if (x[0] != y[0] || Math.abs(x[1] - y[1]) > 1) {
                return "minor skip";
            }
            if (x[1] != y[1] && request.preconditions().blockMinorUpdates()) {
                return "gated minor";
            }
            return null;
        }

        /** Accepted risks used by a valid hop in a fixed channel, or -1 when the hop is invalid. */
        static int accepted(UpdateGraph g, PathRequest request, Edge e) {
            if (!plainOrConditional(g, e) || structurallyValid(g, request, e) != null) {
                return -1;
            }
            if (request.channel() != null
                    && !(g.release(e.from()).orElseThrow().inChannel(request.channel())
                            && g.release(e.to()).orElseThrow().inChannel(request.channel()))) {
                return -1;
            }
            int accepted = 0;
            for (Risk risk : new HashSet<>(risksOf(g, e))) {
                if (verdict(risk, request.risks()) != RiskVerdict.DOES_NOT_APPLY) {
                    if (!request.risks().accepts(risk.name())) {
                        return -1;
                    }
                    accepted++;
                }
            }
            return accepted;
        }

        /**
         * Like {@link #plan} but over (release, channel) states where a hop whose ends are not both in the current
         * channel may switch to any later channel of the same family listing both.
         */
        static Best planWithChannelChanges(UpdateGraph g, PathRequest request) {
            String from = request.from();
            if (g.release(from).isEmpty()
                    || !request.latest() && g.release(request.to()).isEmpty()
                    || g.kind() == GraphKind.FEDORA_COREOS) {
                return null;
            }
            if (request.eus()
                    && (majorMinor(from)[1] % 2 != 0 || !request.latest() && majorMinor(request.to())[1] % 2 != 0)) {
                return null;
            }
            if (!request.latest() && request.to().equals(from)) {
                return new Best(from, 0, 0);
            }
            Set<String> channels = new java.util.TreeSet<>();
            g.releases().forEach(r -> channels.addAll(r.channels()));
            Set<Edge> all = new HashSet<>(g.edges());
            g.conditionalEdges().forEach(c -> all.addAll(c.edges()));
            PathRequest unchannelled = request.withChannel(null);
            Map<List<String>, int[]> best = new HashMap<>(); // (release, channel) -> {hops, accepted}
            List<List<String>> layer = List.of(List.of(from, request.channel()));
            best.put(layer.get(0), new int[] {0, 0});
            for (int d = 1; !layer.isEmpty(); d++) {
                Map<List<String>, Integer> next = new HashMap<>();
                for (List<String> state : layer) {
                    for (Edge e : all) {
                        if (!e.from().equals(state.get(0))) {
                            continue;
                        }
                        int a = accepted(g, unchannelled, e);
                        if (a < 0) {
                            continue;
                        }
                        Release x = g.release(e.from()).orElseThrow();
                        Release y = g.release(e.to()).orElseThrow();
                        List<String> options = new ArrayList<>();
                        String ch = state.get(1);
                        if (x.inChannel(ch) && y.inChannel(ch)) {
                            options.add(ch);
                        } else if (ch.matches(".+-\\d+\\.\\d+")) {
                            for (String c : channels) {
                                if (c.matches(".+-\\d+\\.\\d+")
                                        && family(c).equals(family(ch))
                                        && channelOrder(c) >= channelOrder(ch)
                                        && x.inChannel(c)
                                        && y.inChannel(c)) {
                                    options.add(c);
                                }
                            }
                        }
                        for (String c : options) {
                            List<String> to = List.of(e.to(), c);
                            if (!best.containsKey(to)) {
                                next.merge(to, best.get(state)[1] + a, Math::min);
                            }
                        }
                    }
                }
                for (Map.Entry<List<String>, Integer> n : next.entrySet()) {
                    best.put(n.getKey(), new int[] {d, n.getValue()});
                }
                layer = new ArrayList<>(next.keySet());
            }
            String target = request.to();
            if (request.latest()) {
                target = null;
                for (List<String> state : best.keySet()) {
                    String v = state.get(0);
                    if (g.compare(v, from) > 0
                            && (!request.eus() || majorMinor(v)[1] % 2 == 0)
                            && (target == null || g.compare(v, target) > 0)) {
                        target = v;
                    }
                }
            }
            int[] found = null;
            for (Map.Entry<List<String>, int[]> e : best.entrySet()) {
                int[] v = e.getValue();
                if (e.getKey().get(0).equals(target)
                        && (found == null || v[0] < found[0] || v[0] == found[0] && v[1] < found[1])) {
                    found = v;
                }
            }
            return found == null ? null : new Best(target, found[0], found[1]);
        }

        /** Breadth-first layers, keeping the fewest accepted risks per release; null when no path exists. */
        static Best plan(UpdateGraph g, PathRequest request) {
            String from = request.from();
            if (g.release(from).isEmpty()
                    || !request.latest() && g.release(request.to()).isEmpty()) {
                return null;
            }
            boolean fcos = g.kind() == GraphKind.FEDORA_COREOS;
            if (fcos && (request.channel() != null || request.eus())) {
                return null;
            }
            if (request.eus()
                    && (majorMinor(from)[1] % 2 != 0 || !request.latest() && majorMinor(request.to())[1] % 2 != 0)) {
                return null;
            }
            if (!request.latest()) {
                if (g.release(request.to()).orElseThrow().isDeadEnd()) {
                    return null;
                }
                if (request.to().equals(from)) {
                    return new Best(from, 0, 0);
                }
            }
            Set<Edge> all = new HashSet<>(g.edges());
            g.conditionalEdges().forEach(c -> all.addAll(c.edges()));
            Map<String, Integer> hops = new HashMap<>();
            Map<String, Integer> accepted = new HashMap<>();
            hops.put(from, 0);
            accepted.put(from, 0);
            List<String> layer = List.of(from);
            for (int d = 1; !layer.isEmpty(); d++) {
                Map<String, Integer> next = new HashMap<>();
                for (String v : layer) {
                    for (Edge e : all) {
                        if (!e.from().equals(v) || hops.containsKey(e.to())) {
                            continue;
                        }
                        int a = accepted(g, request, e);
                        if (a >= 0) {
                            next.merge(e.to(), accepted.get(v) + a, Math::min);
                        }
                    }
                }
                for (Map.Entry<String, Integer> n : next.entrySet()) {
                    hops.put(n.getKey(), d);
                    accepted.put(n.getKey(), n.getValue());
                }
                layer = new ArrayList<>(next.keySet());
            }
            String target = request.to();
            if (request.latest()) {
                target = null;
                for (String v : hops.keySet()) {
                    Release r = g.release(v).orElseThrow();
                    if (g.compare(v, from) > 0
                            && !r.isDeadEnd()
                            && (!request.eus() || majorMinor(v)[1] % 2 == 0)
                            && (target == null || g.compare(v, target) > 0)) {
                        target = v;
                    }
                }
            }
            return target == null || !hops.containsKey(target)
                    ? null
                    : new Best(target, hops.get(target), accepted.get(target));
        }
    }

    /** {@code result} reaches the reference's target with as many hops and accepted risks, or both find no path. */
    private static void assertAsGoodAs(Reference.Best expected, PathResult result) {
        if (expected == null) {
            assertThat(result).as("reference finds no path").isInstanceOf(PathResult.NoPath.class);
            return;
        }
        assertThat(result).as("reference finds %s", expected).isInstanceOf(PathResult.Found.class);
        UpdatePath path = ((PathResult.Found) result).path();
        assertThat(path.to()).isEqualTo(expected.target());
        assertThat(path.hops()).hasSize(expected.hops());
        assertThat(path.acceptedRisks()).hasSize(expected.accepted());
    }
}
