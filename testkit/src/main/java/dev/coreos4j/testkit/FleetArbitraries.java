package dev.coreos4j.testkit;

import dev.coreos4j.planner.DisruptionPolicies;
import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pod;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Topology;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/**
 * jqwik arbitraries for fleets as the planner sees them: budgets, pools, nodes, PodDisruptionBudgets, maintenance
 * windows, FleetLock groups, cross-pool/zone limits, and whole {@link Snapshot}s in three flavours:
 * <ul>
 *   <li>{@link #cleanSnapshots()}: a settled cluster about to start a rollout (every node ready, schedulable, Done on
 *       its pool's old config {@code rendered-<pool>-a}, the pool targeting {@code rendered-<pool>-b});</li>
 *   <li>{@link #messySnapshots()}: an observed state mid-rollout (nodes handed the target or an older config,
 *       Working, Rebooting or failing on either, leaving image mode, NotReady, cordoned by an admin or by the
 *       planner, in no pool; paused pools);</li>
 *   <li>{@link #gatedSnapshots()}: a clean cluster with every coupling gate at once (a lock group, a PDB over pods,
 *       a maintenance window, cluster and zone limits).</li>
 * </ul>
 *
 * <p>Every snapshot is taken at {@link #NOW}. Node names are {@code n00}, {@code n01}, … in generation order, pool
 * names come from {@code master} (always the control plane), {@code worker}, {@code infra}, {@code canary}. Edge
 * cases are reached on purpose: budgets {@code 0}, {@code 1}, {@code 0%}, {@code 1%}, {@code 100%}; empty, single
 * and odd-sized pools; absent zones; equal creation times (the name breaks the tie); windows that wrap midnight and
 * the end of the week in zones with odd offsets; and hand-picked snapshots that jqwik tries first (a one-node pool at
 * 0%, a whole pool at 100% without zones, a control plane with members already down beside a Degraded worker). Shrinking goes towards fewer pools, fewer nodes, settled nodes and
 * budget {@code 0} or {@code 1}. All methods are pure and thread-safe; the arbitraries are immutable.
 */
public final class FleetArbitraries {

    /** The instant every generated snapshot is observed at: Monday 2026-03-02 10:00 UTC. */
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** The pool names generated; {@code master} is always a control-plane pool. */
    public static final List<String> POOL_NAMES = List.of("master", "worker", "infra", "canary");

    /** The zones generated besides an absent zone. */
    public static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    private FleetArbitraries() {}

    /** The old rendered config of {@code pool} every clean node runs: {@code rendered-<pool>-a}. */
    public static String oldConfig(String pool) {
        return "rendered-" + pool + "-a";
    }

    /** The rendered config every generated pool targets: {@code rendered-<pool>-b}. */
    public static String newConfig(String pool) {
        return "rendered-" + pool + "-b";
    }

    /**
     * Budgets as counts 0 to 5 and percents 0 to 100, edge cases {@code 0}, {@code 1}, {@code 5}, {@code 0%},
     * {@code 1%}, {@code 50%}, {@code 100%}. Zero is legal (MCO treats a resolved 0 as 1).
     */
    public static Arbitrary<MaxUnavailable> budgets() {
        Arbitrary<MaxUnavailable> counts = Arbitraries.integers().between(0, 5).map(MaxUnavailable.Count::new);
        Arbitrary<MaxUnavailable> percents = Arbitraries.integers()
                .between(0, 100)
                .edgeCases(config -> config.add(1).add(50))
                .map(MaxUnavailable.Percent::new);
        return Arbitraries.oneOf(counts, percents);
    }

    /** A zone from {@link #ZONES}, or {@code null} (absent) about a quarter of the time; shrinks towards a zone. */
    public static Arbitrary<String> zones() {
        return Arbitraries.of("us-east-1a", "us-east-1b", "us-east-1c", "").map(z -> z.isEmpty() ? null : z);
    }

    /**
     * A pool named {@code name} targeting {@link #newConfig}: the control plane when the name is {@code master}
     * (budget 1), otherwise a worker-style pool with a budget from {@link #budgets()} and sometimes newest-first
     * order; paused one time in ten when {@code maybePaused}.
     */
    public static Arbitrary<Pool> pools(String name, boolean maybePaused) {
        Arbitrary<Boolean> paused =
                maybePaused ? Arbitraries.integers().between(0, 9).map(i -> i == 0) : Arbitraries.just(false);
        return Combinators.combine(budgets(), paused, Arbitraries.of(false, true))
                .as((budget, p, newest) -> {
                    Target target = Target.of(newConfig(name));
                    Pool pool = name.equals("master")
                            ? Pool.controlPlane(name, target)
                            : Pool.of(name, budget, target).withNewestFirst(newest);
                    return pool.withPaused(p);
                });
    }

    /** One to three pools with distinct names from {@link #POOL_NAMES} (see {@link #pools(String, boolean)}). */
    public static Arbitrary<List<Pool>> poolLists(boolean maybePaused) {
        return Arbitraries.of(POOL_NAMES)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements()
                .flatMap(names -> {
                    List<Arbitrary<Pool>> each = new ArrayList<>();
                    for (String n : names) {
                        each.add(pools(n, maybePaused));
                    }
                    return Combinators.combine(each).as(List::copyOf);
                });
    }

    /**
     * A settled node of {@code pool} (which may be {@code null}: a node in no pool): ready, schedulable, Done on
     * {@link #oldConfig}, a zone from {@link #zones()}, created 1 to 31 days before {@link #NOW} (whole days, so
     * ages often tie). Named {@code x}; snapshots rename nodes.
     */
    public static Arbitrary<Node> cleanNodes(@Nullable String pool) {
        return Combinators.combine(zones(), Arbitraries.integers().between(0, 30))
                .as((zone, day) -> Node.of(
                        "x",
                        pool,
                        zone,
                        NOW.minus(day + 1L, ChronoUnit.DAYS),
                        oldConfig(pool == null ? "none" : pool)));
    }

    /** The image-mode OS image a node leaving image mode still carries (no generated pool targets an image). */
    public static final String CUSTOM_IMAGE = "quay.io/example/custom-rhcos@sha256:0000";

    /**
     * A node of {@code pool} (or of no pool when {@code null}) as observed mid-rollout, in every state MCO's node
     * controller meets: settled on the old config or already on the target; handed the target and not started, or
     * its agent Working or Rebooting on it; handed an older config ({@code rendered-older}) and not started, Working
     * on it, or failing (Degraded) on it; Degraded or Unreconcilable on the target; leaving image mode (still
     * carrying {@link #CUSTOM_IMAGE} while its pool has no image target, about one node in six); NotReady; cordoned by
     * an admin or by the planner ({@link Planner#CORDON_OWNER}); drained and staged. Every combination is one the
     * planner can meet in a real cluster.
     */
    public static Arbitrary<Node> messyNodes(@Nullable Pool pool) {
        String poolName = pool == null ? null : pool.name();
        String old = oldConfig(poolName == null ? "none" : poolName);
        String target = pool == null ? old : pool.target().config();
        Arbitrary<String> current = Arbitraries.of(old, old, target);
        Arbitrary<Integer> progress = Arbitraries.integers().between(0, 13);
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 63);
        Arbitrary<Integer> extra = Arbitraries.integers().between(0, 11);
        return Combinators.combine(cleanNodes(poolName), current, progress, flags, extra)
                .as((base, cur, prog, f, x) -> {
                    // prog: 0-5 settled on current; 6-7 handed the target (7: agent busy); 8 handed an older config,
                    // not
                    // started; 9 Working on it; 10 failing on it; 11 failing on the target; 12-13 settled again
                    boolean older = prog >= 8 && prog <= 10;
                    String desired = prog <= 5 || prog >= 12 ? cur : older ? "rendered-older" : target;
                    if (desired.equals(cur) && prog >= 6 && prog <= 11) {
                        desired = cur.equals(old) ? target : old;
                    }
                    NodeState state = NodeState.DONE;
                    if ((prog == 11 || prog == 10) && !desired.equals(cur)) {
                        state = prog == 11 && (f & 1) == 1 ? NodeState.UNRECONCILABLE : NodeState.DEGRADED;
                    } else if ((prog == 7 && (f & 1) == 1) || prog == 9) {
                        state = (x & 1) == 1 ? NodeState.REBOOTING : NodeState.WORKING;
                    }
                    boolean ready = (f & 6) != 0;
                    boolean cordoned = (f & 24) == 24 || (prog >= 6 && prog <= 11 && (f & 8) != 0);
                    String owner =
                            !cordoned ? null : (f & 32) != 0 || prog < 6 || prog > 11 ? "admin" : Planner.CORDON_OWNER;
                    boolean inFlight = !desired.equals(cur);
                    boolean drained = inFlight && cordoned && (f & 16) != 0;
                    boolean staged = inFlight && drained && (f & 4) != 0;
                    // leaving image mode: the node still carries the image, or (handed the target) only its current
                    // image
                    boolean leaving = x >= 10 && pool != null;
                    String currentImage = leaving ? CUSTOM_IMAGE : null;
                    String desiredImage = leaving && !(desired.equals(target) && inFlight) ? CUSTOM_IMAGE : null;
                    return new Node(
                            base.name(),
                            poolName,
                            base.zone(),
                            base.created(),
                            ready,
                            cordoned,
                            owner,
                            cur,
                            desired,
                            currentImage,
                            desiredImage,
                            state,
                            state == NodeState.DONE || state.isBusy() ? null : "generated " + state.wireName(),
                            drained,
                            staged,
                            List.of());
                });
    }

    /**
     * A PodDisruptionBudget named {@code name} over pods labelled {@code app=<name>}: either {@code minAvailable}
     * (0 to 6, or 0% to 100%) or {@code maxUnavailable} (0 to 3, or a percent), edge cases 0 and 100%.
     */
    public static Arbitrary<Pdb> pdbs(String name) {
        Arbitrary<MaxUnavailable> amount = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 6).map(MaxUnavailable.Count::new),
                Arbitraries.integers().between(0, 100).map(MaxUnavailable.Percent::new));
        return Combinators.combine(amount, Arbitraries.of(true, false))
                .as((a, min) -> new Pdb(name, Map.of("app", name), min ? a : null, min ? null : a));
    }

    /**
     * Weekly maintenance windows: one to three start days, a start on the hour or half hour, 30 minutes to three
     * days long, in UTC, Europe/Berlin (DST), America/New_York, Asia/Kolkata (+05:30) or Pacific/Chatham (+12:45);
     * governing every pool. Edge cases include windows that run past midnight (a late start) and past the end of the
     * week (a Sunday start).
     */
    public static Arbitrary<MaintenanceWindow> windows() {
        Arbitrary<Set<DayOfWeek>> days =
                Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<LocalTime> start = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.of(0, 30))
                .as(LocalTime::of);
        Arbitrary<Integer> length = Arbitraries.integers()
                .between(30, 3 * 24 * 60)
                .edgeCases(config -> config.add(60).add(240));
        Arbitrary<ZoneId> zone = Arbitraries.of(
                        "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham")
                .map(ZoneId::of);
        Arbitrary<MaintenanceWindow> general = Combinators.combine(days, start, length, zone)
                .as((d, s, len, z) -> new MaintenanceWindow(d, s, len, z, new TreeSet<>()));
        Arbitrary<MaintenanceWindow> wrapping = Combinators.combine(
                        Arbitraries.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        Arbitraries.integers().between(22, 23),
                        zone)
                .as((d, h, z) -> new MaintenanceWindow(Set.of(d), LocalTime.of(h, 0), 180, z, new TreeSet<>()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, general), net.jqwik.api.Tuple.of(1, wrapping));
    }

    /** A FleetLock group named {@code group} with 1 to 3 slots and no holders. */
    public static Arbitrary<LockGroup> lockGroups(String group) {
        return Arbitraries.integers().between(1, 3).map(slots -> new LockGroup(group, slots, new TreeSet<>()));
    }

    /**
     * Cross-pool and per-zone limits: each absent, a count or a percent (cluster 20% to 100%, zone 1 to 3);
     * {@link Limits#NONE} is an edge case.
     */
    public static Arbitrary<Limits> limits() {
        Arbitrary<MaxUnavailable> cluster = Arbitraries.integers()
                .between(20, 100)
                .map(i -> (MaxUnavailable) new MaxUnavailable.Percent(i))
                .injectNull(0.3);
        Arbitrary<MaxUnavailable> zone = Arbitraries.integers()
                .between(1, 3)
                .map(i -> (MaxUnavailable) new MaxUnavailable.Count(i))
                .injectNull(0.3);
        return Combinators.combine(cluster, zone).as(Limits::new);
    }

    /**
     * Settled clusters about to start a rollout: 1 to 3 pools (none paused), up to 3 control-plane and up to 14
     * other nodes per pool, every node ready, schedulable and Done on {@link #oldConfig}.
     */
    public static Arbitrary<Snapshot> cleanSnapshots() {
        return poolLists(false)
                .flatMap(pools -> {
                    List<Arbitrary<List<Node>>> perPool = new ArrayList<>();
                    for (Pool p : pools) {
                        perPool.add(cleanNodes(p.name()).list().ofMaxSize(p.controlPlane() ? 3 : 14));
                    }
                    return Combinators.combine(perPool).as(lists -> Snapshot.of(NOW, pools, renamed(flatten(lists))));
                })
                .edgeCases(config -> config.add(cleanEdge(1, "0%", false))
                        .add(cleanEdge(7, "100%", true))
                        .add(cleanEdge(5, "2", false)));
    }

    /**
     * A clean edge case: a three-member control plane and a worker pool of {@code workers} nodes with the given
     * budget, zones absent or alternating, ages tied in pairs.
     */
    private static Snapshot cleanEdge(int workers, String budget, boolean zoneless) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(Node.of("x", "master", ZONES.get(i), NOW.minus(10, ChronoUnit.DAYS), oldConfig("master")));
        }
        for (int i = 0; i < workers; i++) {
            nodes.add(Node.of(
                    "x",
                    "worker",
                    zoneless ? null : ZONES.get(i % 2),
                    NOW.minus(1 + i / 2, ChronoUnit.DAYS),
                    oldConfig("worker")));
        }
        return Snapshot.of(
                NOW,
                List.of(
                        Pool.controlPlane("master", Target.of(newConfig("master"))),
                        Pool.of("worker", MaxUnavailable.parse(budget), Target.of(newConfig("worker")))),
                renamed(nodes));
    }

    /**
     * Observed states mid-rollout: 1 to 3 pools (sometimes paused), up to 4 control-plane and 12 other
     * {@link #messyNodes} per pool, and up to 2 nodes in no pool.
     */
    public static Arbitrary<Snapshot> messySnapshots() {
        return poolLists(true)
                .flatMap(pools -> {
                    List<Arbitrary<List<Node>>> perPool = new ArrayList<>();
                    for (Pool p : pools) {
                        perPool.add(messyNodes(p).list().ofMaxSize(p.controlPlane() ? 4 : 12));
                    }
                    perPool.add(messyNodes(null).list().ofMaxSize(2));
                    return Combinators.combine(perPool).as(lists -> Snapshot.of(NOW, pools, renamed(flatten(lists))));
                })
                .edgeCases(config -> config.add(messyEdge()).add(mcoEdge()));
    }

    /**
     * A messy edge case: a control plane with one member admin-cordoned and one NotReady, and a worker pool (budget 1)
     * with a Degraded node, a planner-cordoned staged node and a settled one, plus a node in no pool.
     */
    private static Snapshot messyEdge() {
        Node m = Node.of("x", "master", "us-east-1a", NOW.minus(9, ChronoUnit.DAYS), oldConfig("master"));
        Node w = Node.of("x", "worker", "us-east-1b", NOW.minus(3, ChronoUnit.DAYS), oldConfig("worker"));
        Target worker = Target.of(newConfig("worker"));
        List<Node> nodes = List.of(
                m.withCordon("admin"),
                m.withReady(false),
                m,
                w.withDesired(worker).withState(NodeState.DEGRADED, "generated Degraded"),
                w.withDesired(worker)
                        .withCordon(Planner.CORDON_OWNER)
                        .withDrained(true)
                        .withStaged(true),
                w,
                Node.of("x", null, null, NOW.minus(1, ChronoUnit.DAYS), oldConfig("none")));
        return Snapshot.of(
                NOW,
                List.of(
                        Pool.controlPlane("master", Target.of(newConfig("master"))),
                        Pool.of("worker", MaxUnavailable.DEFAULT, worker)),
                renamed(nodes));
    }

    /**
     * The MCO edge case: two masters handed an older config (they fill the control plane's budget), a worker pool
     * (budget 2) with a node handed an older config, one Working and one Degraded on it, and two leaving image mode.
     */
    private static Snapshot mcoEdge() {
        Node m = Node.of("x", "master", "us-east-1a", NOW.minus(9, ChronoUnit.DAYS), oldConfig("master"));
        Node w = Node.of("x", "worker", "us-east-1b", NOW.minus(3, ChronoUnit.DAYS), oldConfig("worker"));
        Target older = Target.of("rendered-older");
        Node image =
                w.withDesired(new Target(oldConfig("worker"), CUSTOM_IMAGE)).withFinished();
        List<Node> nodes = List.of(
                m.withDesired(older),
                m.withDesired(older),
                m,
                w.withDesired(older),
                w.withDesired(older).withState(NodeState.WORKING, null),
                w.withDesired(older).withState(NodeState.DEGRADED, "generated Degraded"),
                image,
                image,
                w);
        return Snapshot.of(
                NOW,
                List.of(
                        Pool.controlPlane("master", Target.of(newConfig("master"))),
                        Pool.of("worker", MaxUnavailable.parse("2"), Target.of(newConfig("worker")))),
                renamed(nodes));
    }

    /**
     * Clean clusters with every coupling gate: every pool but {@code master} in FleetLock group {@code g}
     * ({@link #lockGroups}), 0 to 2 {@code app=web} pods per node under the PDB {@code web} ({@link #pdbs}), one
     * maintenance window from {@link #windows()} governing every pool, and {@link #limits()}.
     */
    public static Arbitrary<Snapshot> gatedSnapshots() {
        Arbitrary<List<Integer>> pods =
                Arbitraries.integers().between(0, 2).list().ofSize(40);
        return Combinators.combine(cleanSnapshots(), lockGroups("g"), pdbs("web"), windows(), limits(), pods)
                .as((s, lock, pdb, window, limits, podCounts) -> {
                    List<Pool> pools = new ArrayList<>();
                    for (Pool p : s.pools()) {
                        pools.add(p.name().equals("master") ? p : p.withLockGroup("g"));
                    }
                    List<Node> nodes = new ArrayList<>();
                    for (int i = 0; i < s.nodes().size(); i++) {
                        List<Pod> list = new ArrayList<>();
                        for (int k = 0; k < podCounts.get(i % podCounts.size()); k++) {
                            list.add(new Pod("web-" + i + "-" + k, Map.of("app", "web")));
                        }
                        nodes.add(s.nodes().get(i).withPods(list));
                    }
                    return new Snapshot(
                            NOW,
                            pools,
                            nodes,
                            Map.of(),
                            DisruptionPolicies.defaults(),
                            List.of(pdb),
                            List.of(window),
                            List.of(lock),
                            limits,
                            Topology.HIGHLY_AVAILABLE,
                            false);
                });
    }

    private static List<Node> flatten(List<List<Node>> lists) {
        List<Node> nodes = new ArrayList<>();
        for (List<Node> l : lists) {
            nodes.addAll(l);
        }
        return nodes;
    }

    /** Unique names n00, n01, … in generation order (a controller must not care about the order). */
    static List<Node> renamed(List<Node> nodes) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            out.add(new Node(
                    String.format("n%02d", i),
                    n.pool(),
                    n.zone(),
                    n.created(),
                    n.ready(),
                    n.unschedulable(),
                    n.cordonedBy(),
                    n.currentConfig(),
                    n.desiredConfig(),
                    n.currentImage(),
                    n.desiredImage(),
                    n.state(),
                    n.reason(),
                    n.drained(),
                    n.staged(),
                    n.pods()));
        }
        return out;
    }
}
