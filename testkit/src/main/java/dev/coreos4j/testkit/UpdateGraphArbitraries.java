package dev.coreos4j.testkit;

import dev.coreos4j.planner.graph.ConditionalEdge;
import dev.coreos4j.planner.graph.Edge;
import dev.coreos4j.planner.graph.GraphKind;
import dev.coreos4j.planner.graph.MatchingRule;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.Preconditions;
import dev.coreos4j.planner.graph.Release;
import dev.coreos4j.planner.graph.RemovedEdge;
import dev.coreos4j.planner.graph.Risk;
import dev.coreos4j.planner.graph.RiskInputs;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.RolloutClient;
import dev.coreos4j.planner.graph.UpdateGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for update graphs and path requests, for testing update-path planners (ours,
 * {@code UpdatePathPlanner}, or yours):
 * <ul>
 *   <li>OpenShift-like Cincinnati graphs: 1 to 5 minors with z-streams and release candidates, stable/fast/eus
 *       channels (long-lived releases listed in later channels), plain edges within and across minors, stray
 *       minor-skipping and downgrade edges, <em>conditional edges</em> whose risks carry {@code Always}, PromQL or
 *       unrecognised matching rules, and removed edges; requests to a version or to the latest, with channel
 *       changes, downgrades, EUS and preconditions sometimes allowed or set, and risk outcomes and acceptances;</li>
 *   <li>Fedora CoreOS-like graphs: an age index, barriers, dead ends, phased-rollout metadata, the update service's
 *       edge rule plus stray edges over barriers and out of dead ends; requests with a rollout client.</li>
 * </ul>
 * Releases and edges are shuffled, so a planner must not depend on input order. The scenarios are built from
 * jqwik's random source with {@link Arbitraries#randomValue}: they are reproducible for a seed but do not shrink.
 * Thread-safe; the arbitraries are immutable.
 */
public final class UpdateGraphArbitraries {

    /** A graph and a request to plan on it. */
    public record Scenario(UpdateGraph graph, PathRequest request) {
        public Scenario {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(request, "request");
        }
    }

    /** The risk names conditional edges use. */
    public static final List<String> RISK_NAMES = List.of("RiskA", "RiskB", "RiskC");

    /** The PromQL queries risks' matching rules use (risk inputs give each an outcome, or none). */
    public static final List<String> QUERIES = List.of("q1", "q2", "q3", "q4");

    private UpdateGraphArbitraries() {}

    /** OpenShift and Fedora CoreOS scenarios, three to one. */
    public static Arbitrary<Scenario> scenarios() {
        return Arbitraries.frequencyOf(Tuple.of(3, openshiftScenarios()), Tuple.of(1, fedoraCoreOsScenarios()));
    }

    /** OpenShift-like scenarios with conditional and removed edges. */
    public static Arbitrary<Scenario> openshiftScenarios() {
        return Arbitraries.randomValue(UpdateGraphArbitraries::openshift);
    }

    /** Fedora CoreOS-like scenarios with barriers, dead ends and phased rollouts. */
    public static Arbitrary<Scenario> fedoraCoreOsScenarios() {
        return Arbitraries.randomValue(UpdateGraphArbitraries::fedoraCoreOs);
    }

    /**
     * OpenShift scenarios that cross minors from the source's own channel with channel changes allowed, half of them
     * towards the latest release.
     */
    public static Arbitrary<Scenario> channelChangeScenarios() {
        return Arbitraries.randomValue(UpdateGraphArbitraries::channelChange);
    }

    /** Risk inputs: an outcome (or none) for every risk name and query, and a random set of accepted risks. */
    public static Arbitrary<RiskInputs> riskInputs() {
        return Arbitraries.randomValue(UpdateGraphArbitraries::riskInputs);
    }

    /** Risks named from {@link #RISK_NAMES} with up to four matching rules: Always, PromQL or unrecognised. */
    public static Arbitrary<Risk> risks() {
        Arbitrary<MatchingRule> rule = Arbitraries.oneOf(
                Arbitraries.just(new MatchingRule.Always()),
                Arbitraries.of(QUERIES).map(MatchingRule.PromQL::new),
                Arbitraries.of("Future", "PromQL2").map(MatchingRule.Unrecognized::new));
        return Combinators.combine(Arbitraries.of(RISK_NAMES), rule.list().ofMaxSize(4))
                .as((name, rules) -> new Risk(name, "", "", rules));
    }

    private static Scenario channelChange(Random r) {
        Scenario base = openshift(r);
        List<String> versions = base.graph().releases().stream()
                .map(Release::version)
                .sorted((a, b) -> base.graph().compare(a, b))
                .toList();
        String from = versions.get(r.nextInt(Math.max(1, versions.size() / 3)));
        String family = r.nextBoolean() ? "stable" : "fast";
        String channel = family + "-" + from.substring(0, from.indexOf('.', 2));
        PathRequest request = r.nextBoolean()
                ? PathRequest.to(from, versions.get(versions.size() - 1 - r.nextInt(Math.min(2, versions.size()))))
                : PathRequest.latest(from).withAllowChannelChange(true);
        return new Scenario(base.graph(), request.withChannel(channel).withRisks(riskInputs(r)));
    }

    private static Scenario openshift(Random r) {
        int firstMinor = 12 + r.nextInt(4);
        int minors = 1 + r.nextInt(5);
        List<String> versions = new ArrayList<>();
        Map<String, Integer> minorOf = new LinkedHashMap<>();
        for (int m = firstMinor; m < firstMinor + minors; m++) {
            TreeSet<Integer> patches = new TreeSet<>();
            int count = 1 + r.nextInt(4);
            while (patches.size() < count) {
                patches.add(r.nextInt(30));
            }
            if (r.nextInt(4) == 0) {
                versions.add("4." + m + ".0-rc." + (1 + r.nextInt(3)));
                minorOf.put(versions.get(versions.size() - 1), m);
            }
            for (int p : patches) {
                versions.add("4." + m + "." + p);
                minorOf.put("4." + m + "." + p, m);
            }
        }
        List<Release> releases = new ArrayList<>();
        Set<String> allChannels = new TreeSet<>();
        for (String v : versions) {
            int m = Objects.requireNonNull(minorOf.get(v));
            List<String> channels = new ArrayList<>();
            for (String family : List.of("stable", "fast")) {
                if (r.nextInt(10) < 8) {
                    channels.add(family + "-4." + m);
                }
                if (r.nextInt(10) < 6) {
                    channels.add(family + "-4." + (m + 1));
                }
                if (r.nextInt(10) < 3) {
                    channels.add(family + "-4." + (m + 2)); // long-lived releases stay listed further on
                }
            }
            if (m % 2 == 0) {
                if (r.nextInt(10) < 7) {
                    channels.add("eus-4." + m);
                }
                if (r.nextInt(10) < 5) {
                    channels.add("eus-4." + (m + 2));
                }
            } else if (r.nextInt(10) < 7) {
                channels.add("eus-4." + (m + 1));
            }
            allChannels.addAll(channels);
            releases.add(Release.openshift(v, channels));
        }
        List<Edge> pairs = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                if (i == j) {
                    continue;
                }
                int dm = Objects.requireNonNull(minorOf.get(versions.get(j)))
                        - Objects.requireNonNull(minorOf.get(versions.get(i)));
                int percent = j < i ? 4 : dm == 0 ? 55 : dm == 1 ? 50 : 8;
                if (r.nextInt(100) < percent) {
                    pairs.add(new Edge(versions.get(i), versions.get(j)));
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        List<ConditionalEdge> conditional = new ArrayList<>();
        List<RemovedEdge> removed = new ArrayList<>();
        List<Risk> riskPool = new ArrayList<>();
        for (String name : RISK_NAMES) {
            List<MatchingRule> rules = new ArrayList<>();
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                int t = r.nextInt(6);
                rules.add(
                        t == 0
                                ? new MatchingRule.Always()
                                : t == 1
                                        ? new MatchingRule.Unrecognized("Future")
                                        : new MatchingRule.PromQL(QUERIES.get(r.nextInt(QUERIES.size()))));
            }
            riskPool.add(new Risk(name, "message of " + name, "https://example.com/" + name, rules));
        }
        for (Edge e : pairs) {
            int kind = r.nextInt(10);
            if (kind < 6) {
                edges.add(e);
            } else if (kind < 9) {
                List<Risk> risks = new ArrayList<>(riskPool);
                Collections.shuffle(risks, r);
                conditional.add(new ConditionalEdge(List.of(e), risks.subList(0, 1 + r.nextInt(2))));
            } else {
                removed.add(new RemovedEdge(e, "Removed" + r.nextInt(3), ""));
            }
        }
        Collections.shuffle(releases, r);
        UpdateGraph graph = new UpdateGraph(GraphKind.CINCINNATI, releases, edges, conditional, removed);

        // mostly from the older half towards a newer release, sometimes anything (downgrades, unknown versions)
        boolean wild = r.nextInt(6) == 0;
        int fromIndex = wild ? r.nextInt(versions.size()) : r.nextInt(Math.max(1, versions.size() / 2));
        int toIndex = wild
                ? r.nextInt(versions.size())
                : r.nextInt(5) < 2
                        ? versions.size() - 1 - r.nextInt(2)
                        : fromIndex + r.nextInt(versions.size() - fromIndex);
        toIndex = Math.max(0, toIndex);
        String from = r.nextInt(25) == 0 ? "4.99.0" : versions.get(fromIndex);
        PathRequest request =
                r.nextInt(10) < 6 ? PathRequest.to(from, versions.get(toIndex)) : PathRequest.latest(from);
        if (r.nextInt(10) < 5) {
            List<String> list = new ArrayList<>(allChannels);
            request = request.withChannel(list.isEmpty() ? "stable-4.1" : list.get(r.nextInt(list.size())));
        }
        request = request.withAllowChannelChange(r.nextBoolean())
                .withAllowDowngrade(r.nextInt(5) == 0)
                .withEus(r.nextInt(7) == 0)
                .withRisks(riskInputs(r));
        if (r.nextInt(5) == 0) {
            request = request.withPreconditions(
                    r.nextBoolean()
                            ? new Preconditions(List.of("worker"), List.of())
                            : new Preconditions(List.of(), List.of("etcd: UnsupportedConfig")));
        }
        return new Scenario(graph, request);
    }

    @SuppressWarnings("EnumOrdinal") // declaration order keeps the draw for a seed stable
    private static RiskInputs riskInputs(Random r) {
        Map<String, RiskOutcome> outcomes = new TreeMap<>();
        List<String> keys = new ArrayList<>(RISK_NAMES);
        keys.addAll(QUERIES);
        for (String key : keys) {
            int o = r.nextInt(4);
            if (o < 3) {
                outcomes.put(key, RiskOutcome.values()[o]);
            }
        }
        Set<String> accepted = new HashSet<>();
        for (String name : RISK_NAMES) {
            if (r.nextInt(4) == 0) {
                accepted.add(name);
            }
        }
        return new RiskInputs(outcomes, accepted);
    }

    private static Scenario fedoraCoreOs(Random r) {
        int n = 2 + r.nextInt(9);
        List<Release> ordered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String version = (37 + i / 4) + ".2023" + (1001 + i * 13) + ".3.0";
            boolean barrier = r.nextInt(4) == 0;
            boolean deadEnd = r.nextInt(5) == 0;
            Map<String, String> meta = new TreeMap<>();
            meta.put(Release.AGE_INDEX_KEY, Long.toString(i * 3L + 1));
            if (r.nextInt(10) < 3) {
                meta.put(RolloutClient.ROLLOUT_KEY, "true");
                meta.put(RolloutClient.START_EPOCH_KEY, Long.toString(1000 + r.nextInt(4000)));
                meta.put(
                        RolloutClient.START_VALUE_KEY,
                        List.of("0", "0.2", "0.5").get(r.nextInt(3)));
                if (r.nextBoolean()) {
                    meta.put(RolloutClient.DURATION_KEY, Integer.toString(10 + r.nextInt(90)));
                }
            }
            ordered.add(new Release(
                    version,
                    Integer.toHexString(version.hashCode()),
                    List.of(),
                    i * 3L + 1,
                    barrier ? "https://example.com/barrier/" + i : null,
                    deadEnd ? "https://example.com/deadend/" + i : null,
                    meta));
        }
        Set<Edge> edges = new HashSet<>();
        int previousBarrier = 0;
        for (int target = 1; target < n; target++) {
            // the service's rule: every release since the previous barrier updates to each newer one
            for (int i = previousBarrier; i < target; i++) {
                if (r.nextInt(10) < 7) {
                    edges.add(new Edge(
                            ordered.get(i).version(), ordered.get(target).version()));
                }
            }
            if (ordered.get(target).isBarrier()) {
                previousBarrier = target;
            }
        }
        for (int k = 0; k < n; k++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b && r.nextInt(3) == 0) {
                edges.add(new Edge(ordered.get(a).version(), ordered.get(b).version())); // stray edge
            }
        }
        List<Edge> edgeList = new ArrayList<>(edges);
        edgeList.sort(null);
        Collections.shuffle(edgeList, r);
        List<Release> releases = new ArrayList<>(ordered);
        Collections.shuffle(releases, r);
        UpdateGraph graph = new UpdateGraph(GraphKind.FEDORA_COREOS, releases, edgeList, List.of(), List.of());
        String from = ordered.get(r.nextInt(n)).version();
        PathRequest request =
                r.nextBoolean() ? PathRequest.to(from, ordered.get(r.nextInt(n)).version()) : PathRequest.latest(from);
        if (r.nextBoolean()) {
            request = request.withRollout(
                    new RolloutClient(java.time.Instant.ofEpochSecond(r.nextInt(10_000)), r.nextInt(11) / 10.0));
        }
        return new Scenario(graph, request.withAllowDowngrade(r.nextInt(5) == 0));
    }
}
