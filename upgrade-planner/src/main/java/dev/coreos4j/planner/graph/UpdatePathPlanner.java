package dev.coreos4j.planner.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plans version paths through an update graph.
 *
 * <p>A hop may take an unconditional edge, or a conditional edge whose every risk either does not apply (see
 * {@link RiskEvaluator}) or was accepted; removed edges are never taken. In an OpenShift graph minor versions are never
 * skipped, minor hops are refused while {@link Preconditions} gate them, and with a channel every release on the path
 * is in the channel the cluster is subscribed to at that point (switching to a later channel of the same family only
 * when {@link PathRequest#allowChannelChange()} and listed on the hop). In a Fedora CoreOS graph no hop jumps over a
 * barrier, no hop leaves a dead end, and a dead end is never the target. No hop goes to an older release unless
 * downgrades are allowed. With a {@link RolloutClient}, no hop goes to a release whose phased rollout has not reached the
 * client's wariness.
 *
 * <p>Among valid paths the planner picks the newest target (for {@link PathRequest#latest()}), then the fewest hops,
 * then the fewest accepted risks, then the fewest channel changes, then the path whose versions are newest hop by
 * hop. The choice depends only on the graph's content, never on the order of its nodes or edges.
 *
 * <p>Planning is total: every graph and request yields a {@link PathResult}, never an exception (except a null
 * argument). Pure and thread-safe.
 */
public final class UpdatePathPlanner {

    private static final Pattern CHANNEL = Pattern.compile("(.+)-(\\d{1,9})\\.(\\d{1,9})");

    private UpdatePathPlanner() {}

    /** Plans a path for {@code request} through {@code graph}. */
    public static PathResult plan(UpdateGraph graph, PathRequest request) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(request, "request");
        return new Search(graph, request).run();
    }

    /** A search position: the version a cluster runs and the channel it is subscribed to (null: none). */
    private record State(String version, @Nullable String channel) {}

    /** The best way found to reach a state. */
    private record Label(
            State state, @Nullable Label previous, @Nullable Hop hop, int hops, int accepted, int changes) {}

    /** An edge with the risks of every conditional entry listing it (none for an unconditional edge). */
    private record Candidate(Edge edge, List<Risk> risks) {}

    private static final class Search {
        private final PathRequest request;
        private final boolean fcos;
        private final Map<String, Release> releases = new HashMap<>();
        private final Map<String, Integer> rank = new HashMap<>();
        private final Map<String, List<Candidate>> out = new HashMap<>();
        private final Map<String, List<RemovedEdge>> removedOut = new HashMap<>();
        private final List<Release> barriers = new ArrayList<>();
        private final Set<String> channels = new TreeSet<>();
        private final Map<String, SemanticVersion> semver = new HashMap<>();
        /** Channel name -> its family and {major, minor}, for names like {@code stable-4.16}; parsed once. */
        private final Map<String, String> family = new HashMap<>();

        private final Map<String, long[]> channelVersion = new HashMap<>();
        private final Map<String, Blocker> blockers = new LinkedHashMap<>();

        /** The rank of a release of the graph (its position in version or age order). */
        private int rankOf(String version) {
            return Objects.requireNonNull(rank.get(version), version);
        }

        /** A release of the graph. */
        private Release releaseOf(String version) {
            return Objects.requireNonNull(releases.get(version), version);
        }

        /** The semantic version of a release of an OpenShift graph. */
        private SemanticVersion semverOf(String version) {
            return Objects.requireNonNull(semver.get(version), version);
        }

        /** The edge of a blocker that is about one. */
        private static Edge edgeOf(Blocker b) {
            return Objects.requireNonNull(b.edge(), "edge");
        }

        Search(UpdateGraph graph, PathRequest request) {
            this.request = request;
            this.fcos = graph.kind() == GraphKind.FEDORA_COREOS;
            List<Release> ordered = new ArrayList<>(graph.releases());
            ordered.sort(
                    fcos
                            ? Comparator.comparing(Release::ageIndex)
                            : Comparator.comparing((Release r) -> SemanticVersion.parse(r.version())));
            for (int i = 0; i < ordered.size(); i++) {
                Release r = ordered.get(i);
                releases.put(r.version(), r);
                rank.put(r.version(), i);
                channels.addAll(r.channels());
                if (fcos && r.isBarrier()) {
                    barriers.add(r);
                }
                if (!fcos) {
                    semver.put(r.version(), SemanticVersion.parse(r.version()));
                }
            }
            List<String> named = new ArrayList<>(channels);
            if (request.channel() != null) {
                named.add(request.channel());
            }
            for (String channel : named) {
                Matcher m = CHANNEL.matcher(channel);
                if (m.matches()) {
                    family.put(channel, m.group(1));
                    channelVersion.put(channel, new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                }
            }
            Map<Edge, List<Risk>> merged = new HashMap<>();
            graph.edges().forEach(e -> merged.computeIfAbsent(e, k -> new ArrayList<>()));
            for (ConditionalEdge c : graph.conditionalEdges()) {
                for (Edge e : c.edges()) {
                    List<Risk> risks = merged.computeIfAbsent(e, k -> new ArrayList<>());
                    c.risks().stream().filter(r -> !risks.contains(r)).forEach(risks::add);
                }
            }
            merged.forEach((e, risks) -> {
                risks.sort(Comparator.comparing(Risk::name).thenComparing(Risk::toString));
                out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(new Candidate(e, risks));
            });
            out.values()
                    .forEach(list -> list.sort(Comparator.comparing(
                            (Candidate c) -> -rankOf(c.edge().to()))));
            for (RemovedEdge r : graph.removedEdges()) {
                if (!merged.containsKey(r.edge())) {
                    removedOut
                            .computeIfAbsent(r.edge().from(), k -> new ArrayList<>())
                            .add(r);
                }
            }
        }

        PathResult run() {
            String from = request.from();
            if (!releases.containsKey(from)) {
                return noPath(
                        "release " + from + " is not in the graph",
                        new Blocker(null, BlockCode.UNKNOWN_RELEASE, "release " + from + " is not in the graph"));
            }
            if (!request.latest() && !releases.containsKey(request.to())) {
                return noPath(
                        "release " + request.to() + " is not in the graph",
                        new Blocker(
                                null, BlockCode.UNKNOWN_RELEASE, "release " + request.to() + " is not in the graph"));
            }
            if (fcos && request.channel() != null) {
                return noPath(
                        "a Fedora CoreOS graph is one stream and has no channels",
                        new Blocker(
                                null,
                                BlockCode.CHANNEL,
                                "channel " + request.channel() + " does not apply to a Fedora CoreOS graph"));
            }
            if (request.eus()) {
                String why = EusShape.obstacle(fcos, releases, from, request.to());
                if (why != null) {
                    return noPath(why, new Blocker(null, BlockCode.EUS_NOT_APPLICABLE, why));
                }
            }
            if (!request.latest()) {
                String to = Objects.requireNonNull(request.to(), "to");
                Release target = releaseOf(to);
                if (target.isDeadEnd()) {
                    String why = to + " is a dead end (" + target.deadEndReason() + ") and is never chosen as a target";
                    return noPath(why, new Blocker(null, BlockCode.TARGET_DEAD_END, why));
                }
                if (to.equals(from)) {
                    return new PathResult.Found(new UpdatePath(
                            from, from, List.of(), request.eus() ? new EusPlan(List.of()) : null, List.of()));
                }
                if (rankOf(request.to()) < rankOf(from) && (!request.allowDowngrade() || request.eus())) {
                    String why = request.to() + " is older than " + from + " and downgrades are not allowed";
                    return noPath(why, new Blocker(null, BlockCode.DOWNGRADE, why));
                }
            }

            Map<State, Label> best = explore(new State(from, request.channel()));

            if (request.latest()) {
                String newest = null;
                for (State s : best.keySet()) {
                    Release r = releaseOf(s.version());
                    if (rankOf(s.version()) > rankOf(from)
                            && !r.isDeadEnd()
                            && (!request.eus() || EusShape.evenMinor(r))
                            && (newest == null || rankOf(s.version()) > rankOf(newest))) {
                        newest = s.version();
                    }
                }
                if (newest == null) {
                    String scope = request.channel() == null ? "" : " in channel " + request.channel();
                    String what = request.eus() ? "no newer even-minor release" : "no newer release";
                    List<Blocker> relevant = relevantBlockers(v -> rankOf(v) > rankOf(from));
                    if (relevant.isEmpty()) {
                        relevant =
                                List.of(new Blocker(null, BlockCode.NOT_NEWER, from + " has no valid update" + scope));
                    }
                    return new PathResult.NoPath(
                            what + " is reachable from " + from + scope + firstBlocker(relevant), relevant);
                }
                return found(Objects.requireNonNull(bestFor(best, newest)));
            }

            String to = Objects.requireNonNull(request.to(), "to");
            Label label = bestFor(best, to);
            if (label != null) {
                return found(label);
            }
            Set<String> leadsToTarget = reverseReach(to);
            if (!leadsToTarget.contains(from)) {
                String why = "the graph has no edges leading from " + from + " to " + request.to();
                return noPath(why, new Blocker(null, BlockCode.NO_EDGE, why));
            }
            List<Blocker> relevant = relevantBlockers(leadsToTarget::contains);
            return new PathResult.NoPath(
                    "no valid path from " + from + " to " + request.to() + firstBlocker(relevant), relevant);
        }

        /** Breadth-first by hop count; within a layer each state keeps its best label. */
        private Map<State, Label> explore(State start) {
            Map<State, Label> best = new HashMap<>();
            best.put(start, new Label(start, null, null, 0, 0, 0));
            List<State> frontier = List.of(start);
            while (!frontier.isEmpty()) {
                Map<State, Label> next = new HashMap<>();
                for (State s : frontier) {
                    Label at = Objects.requireNonNull(best.get(s));
                    for (Candidate c : out.getOrDefault(s.version(), List.of())) {
                        Object checked = check(at, c);
                        if (checked instanceof Blocker b) {

                            blockers.putIfAbsent(b.edge() + "|" + b.code(), b);
                            continue;
                        }
                        Label l = (Label) checked;
                        if (!best.containsKey(l.state())) {
                            next.merge(l.state(), l, (x, y) -> better(x, y) <= 0 ? x : y);
                        }
                    }
                    for (RemovedEdge r : removedOut.getOrDefault(s.version(), List.of())) {
                        Blocker b = new Blocker(
                                r.edge(),
                                BlockCode.REMOVED_EDGE,
                                "removed by blocked edge " + r.name()
                                        + (r.message().isEmpty() ? "" : ": " + r.message()));
                        blockers.putIfAbsent(b.edge() + "|" + b.code(), b);
                    }
                }
                best.putAll(next);
                frontier = new ArrayList<>(next.keySet());
            }
            return best;
        }

        /** A label for taking {@code c} from {@code at}, or the blocker that forbids it. */
        private Object check(Label at, Candidate c) {
            Edge e = c.edge();
            Release a = releaseOf(e.from());
            Release b = releaseOf(e.to());
            if (fcos && a.isDeadEnd()) {
                return new Blocker(
                        e,
                        BlockCode.DEAD_END,
                        a.version() + " is a dead end (" + a.deadEndReason() + "): there is no way forward from it");
            }
            RolloutClient client = request.rollout();
            if (client != null && !client.offered(b)) {
                return new Blocker(
                        e,
                        BlockCode.ROLLOUT,
                        b.version() + " is being rolled out: "
                                + String.format(
                                        java.util.Locale.ROOT,
                                        "progress %.2f is below the client's wariness %.2f",
                                        client.progress(b),
                                        client.wariness()));
            }
            int direction = Integer.compare(rankOf(b.version()), rankOf(a.version()));
            if (direction < 0 && (!request.allowDowngrade() || request.eus())) {
                return new Blocker(
                        e,
                        BlockCode.DOWNGRADE,
                        b.version() + " is older than " + a.version() + " and downgrades are not allowed");
            }
            List<String> reasons = new ArrayList<>();
            HopKind kind;
            if (fcos) {
                kind = HopKind.RELEASE;
                reasons.add((direction > 0 ? "newer release" : "older release (downgrade allowed)") + ", age index "
                        + a.ageIndex() + " -> " + b.ageIndex());
                if (direction > 0) {
                    for (Release barrier : barriers) {
                        int r = rankOf(barrier.version());
                        if (r > rankOf(a.version()) && r < rankOf(b.version())) {
                            return new Blocker(
                                    e,
                                    BlockCode.BARRIER_SKIPPED,
                                    "skips barrier " + barrier.version() + " (" + barrier.barrierReason()
                                            + "): older releases must update through it");
                        }
                    }
                    if (b.isBarrier()) {
                        reasons.add("through barrier " + b.version() + " (" + b.barrierReason() + ")");
                    }
                }
            } else {
                SemanticVersion x = semverOf(a.version());
                SemanticVersion y = semverOf(b.version());
                if (x.major() != y.major() || Math.abs(x.minor() - y.minor()) > 1) {
                    return new Blocker(
                            e,
                            BlockCode.MINOR_SKIP,
                            "skips from " + x.minorLine() + " to " + y.minorLine()
                                    + ": minor versions are updated one at a time");
                }
                kind = x.minor() == y.minor() ? HopKind.PATCH : HopKind.MINOR;
                if (kind == HopKind.MINOR && request.preconditions().blockMinorUpdates()) {
                    return new Blocker(
                            e,
                            BlockCode.PRECONDITION,
                            "minor update " + x.minorLine() + " -> " + y.minorLine() + " is gated: "
                                    + request.preconditions().describe());
                }
                reasons.add(
                        kind == HopKind.PATCH
                                ? "z-stream update within " + x.minorLine()
                                : "minor update " + x.minorLine() + " -> " + y.minorLine() + ", no minor skipped");
                if (direction < 0) {
                    reasons.add("downgrade (allowed)");
                }
            }
            String channel = at.state().channel();
            String previous = null;
            if (channel != null) {
                if (a.inChannel(channel) && b.inChannel(channel)) {
                    reasons.add("both releases in " + channel);
                } else if (!request.allowChannelChange()) {
                    String missing = a.inChannel(channel) ? b.version() : a.version();
                    return new Blocker(e, BlockCode.CHANNEL, missing + " is not in channel " + channel);
                } else {
                    String later = laterChannel(channel, a, b);
                    if (later == null) {
                        return new Blocker(
                                e,
                                BlockCode.CHANNEL,
                                "no channel of the " + channel + " family lists both " + a.version() + " and "
                                        + b.version());
                    }
                    previous = channel;
                    channel = later;
                    reasons.add("channel change " + previous + " -> " + later + ", which lists both releases");
                }
            }
            List<RiskEvaluation> evaluations = new ArrayList<>();
            List<String> blocking = new ArrayList<>();
            int accepted = 0;
            for (Risk risk : c.risks()) {
                RiskEvaluation ev = RiskEvaluator.evaluate(risk, request.risks());
                evaluations.add(ev);
                if (ev.blocks()) {
                    blocking.add(ev.describe());
                }
                accepted += ev.accepted() ? 1 : 0;
            }
            if (!blocking.isEmpty()) {
                return new Blocker(
                        e,
                        BlockCode.RISK,
                        "conditional update not recommended: " + String.join("; ", blocking)
                                + " (accept the risk by name to take it anyway)");
            }
            reasons.add(
                    0,
                    evaluations.isEmpty()
                            ? "recommended update"
                            : "conditional update: "
                                    + String.join(
                                            "; ",
                                            evaluations.stream()
                                                    .map(RiskEvaluation::describe)
                                                    .toList()));
            Hop hop = new Hop(
                    a.version(),
                    b.version(),
                    kind,
                    channel,
                    previous,
                    evaluations,
                    WorkerPools.FOLLOW,
                    String.join("; ", reasons));
            return new Label(
                    new State(b.version(), channel),
                    at,
                    hop,
                    at.hops() + 1,
                    at.accepted() + accepted,
                    at.changes() + (previous == null ? 0 : 1));
        }

        /** The first channel of {@code current}'s family, at or after it, that lists both releases; or null. */
        private @Nullable String laterChannel(String current, Release a, Release b) {
            String currentFamily = family.get(current);
            if (currentFamily == null) {
                return null;
            }
            long[] from = Objects.requireNonNull(channelVersion.get(current), current);
            String found = null;
            long[] foundAt = null;
            for (String candidate : channels) {
                long[] at = channelVersion.get(candidate);
                if (at == null
                        || !currentFamily.equals(family.get(candidate))
                        || compare(at, from) < 0
                        || (foundAt != null && compare(at, foundAt) >= 0)
                        || !a.inChannel(candidate)
                        || !b.inChannel(candidate)) {
                    continue;
                }
                found = candidate;
                foundAt = at;
            }
            return found;
        }

        private static int compare(long[] x, long[] y) {
            return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
        }

        /** Orders two labels for the same state, or two finished paths: smaller is better. */
        private int better(Label x, Label y) {
            int c = Integer.compare(x.hops(), y.hops());
            if (c == 0) {
                c = Integer.compare(x.accepted(), y.accepted());
            }
            if (c == 0) {
                c = Integer.compare(x.changes(), y.changes());
            }
            if (c != 0) {
                return c;
            }
            List<Label> px = chain(x);
            List<Label> py = chain(y);
            for (int i = 0; i < Math.min(px.size(), py.size()); i++) {
                c = Integer.compare(
                        rankOf(py.get(i).state().version()),
                        rankOf(px.get(i).state().version()));
                if (c != 0) {
                    return c; // newer version first
                }
            }
            for (int i = 0; i < Math.min(px.size(), py.size()); i++) {
                c = Objects.compare(
                        px.get(i).state().channel(),
                        py.get(i).state().channel(),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(px.size(), py.size());
        }

        private static List<Label> chain(Label l) {
            List<Label> labels = new ArrayList<>();
            for (Label at = l; at != null; at = at.previous()) {
                labels.add(at);
            }
            Collections.reverse(labels);
            return labels;
        }

        private @Nullable Label bestFor(Map<State, Label> best, String version) {
            Label chosen = null;
            for (Map.Entry<State, Label> e : best.entrySet()) {
                if (e.getKey().version().equals(version) && (chosen == null || better(e.getValue(), chosen) < 0)) {
                    chosen = e.getValue();
                }
            }
            return chosen;
        }

        private PathResult found(Label end) {
            List<Hop> hops = new ArrayList<>();
            for (Label l : chain(end)) {
                if (l.hop() != null) {
                    hops.add(l.hop());
                }
            }
            EusPlan eus = null;
            if (request.eus()) {
                eus = EusShape.plan(hops, request.from());
            }
            Set<String> onPath = new HashSet<>();
            onPath.add(request.from());
            hops.forEach(h -> onPath.add(h.to()));
            List<Blocker> notRecommended = new ArrayList<>();
            for (Blocker b : blockers.values()) {
                if (b.code() == BlockCode.RISK
                        && onPath.contains(edgeOf(b).from())
                        && hops.stream().noneMatch(h -> h.edge().equals(b.edge()))) {
                    notRecommended.add(b);
                }
            }
            notRecommended.sort(
                    Comparator.comparing((Blocker b) -> rankOf(edgeOf(b).from()))
                            .thenComparing(b -> rankOf(edgeOf(b).to())));
            return new PathResult.Found(
                    new UpdatePath(request.from(), end.state().version(), hops, eus, notRecommended));
        }

        /** Versions from which {@code target} can be reached over any edge, removed and conditional ones included. */
        private Set<String> reverseReach(String target) {
            Map<String, List<String>> in = new HashMap<>();
            out.values()
                    .forEach(list ->
                            list.forEach(c -> in.computeIfAbsent(c.edge().to(), k -> new ArrayList<>())
                                    .add(c.edge().from())));
            removedOut
                    .values()
                    .forEach(list ->
                            list.forEach(r -> in.computeIfAbsent(r.edge().to(), k -> new ArrayList<>())
                                    .add(r.edge().from())));
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            seen.add(target);
            todo.add(target);
            while (!todo.isEmpty()) {
                for (String v : in.getOrDefault(todo.poll(), List.of())) {
                    if (seen.add(v)) {
                        todo.add(v);
                    }
                }
            }
            return seen;
        }

        /** Blockers on edges into versions {@code relevant} accepts, the ones nearest the goal first. */
        private List<Blocker> relevantBlockers(java.util.function.Predicate<String> relevant) {
            List<Blocker> list = new ArrayList<>();
            for (Blocker b : blockers.values()) {
                if (b.edge() != null && relevant.test(edgeOf(b).to())) {
                    list.add(b);
                }
            }
            String goal = request.to();
            list.sort(Comparator.comparing((Blocker b) -> !edgeOf(b).to().equals(goal))
                    .thenComparing(b -> -rankOf(edgeOf(b).to()))
                    .thenComparing(b -> -rankOf(edgeOf(b).from()))
                    .thenComparing(Blocker::code));
            return list;
        }

        private static String firstBlocker(List<Blocker> blockers) {
            if (blockers.isEmpty()) {
                return "";
            }
            int more = blockers.size() - 1;
            return ": " + blockers.get(0)
                    + (more > 0 ? " (and " + more + " more blocked edge" + (more > 1 ? "s)" : ")") : "");
        }

        private static PathResult noPath(String reason, Blocker blocker) {
            return new PathResult.NoPath(reason, List.of(blocker));
        }
    }
}
