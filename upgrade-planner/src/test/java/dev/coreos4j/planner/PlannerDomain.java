package dev.coreos4j.planner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * The module's jqwik domain: cluster snapshots. {@link Snapshot}s are "messy" observed states (nodes in flight,
 * failing, cordoned by admins or by the planner, not ready, in no pool, paused pools); {@link Clean} snapshots are
 * settled clusters about to start a rollout.
 */
class PlannerDomain extends DomainContextBase {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** A settled cluster: every node ready, schedulable, done on the old config; pools unpaused. */
    record Clean(Snapshot snapshot) {}

    @Provide
    Arbitrary<Clean> clean() {
        Arbitrary<List<PoolSpec>> pools = poolSpec(false).list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(PoolSpec::name);
        return pools.flatMap(specs -> {
            List<Arbitrary<List<Node>>> perPool = new ArrayList<>();
            for (PoolSpec p : specs) {
                perPool.add(cleanNode(p.pool.name()).list().ofMaxSize(p.pool.controlPlane() ? 3 : 14));
            }
            return Combinators.combine(perPool).as(lists -> {
                List<Node> nodes = new ArrayList<>();
                for (List<Node> l : lists) {
                    nodes.addAll(l);
                }
                List<Pool> ps = new ArrayList<>();
                specs.forEach(s -> ps.add(s.pool));
                return new Clean(Snapshot.of(NOW, ps, renamed(nodes)));
            });
        });
    }

    /** A settled cluster with every coupling gate: a lock group, a PDB over pods, a window, cluster/zone limits. */
    record Gated(Snapshot snapshot) {}

    @Provide
    Arbitrary<Gated> gated() {
        Arbitrary<Integer> slots = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> minAvailable = Arbitraries.integers().between(0, 6);
        Arbitrary<java.time.DayOfWeek> day = Arbitraries.of(java.time.DayOfWeek.class);
        Arbitrary<Integer> startHour = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> length = Arbitraries.integers().between(300, 8000);
        Arbitrary<Integer> zoneLimit = Arbitraries.integers().between(1, 3);
        Arbitrary<List<Integer>> pods = Arbitraries.integers().between(0, 2).list().ofSize(40);
        return Combinators.combine(clean(), slots, minAvailable, day, startHour, length, zoneLimit, pods)
                .as((c, sl, min, d, h, len, zl, podCounts) -> {
                    Snapshot s = c.snapshot();
                    List<Pool> pools = new ArrayList<>();
                    for (Pool p : s.pools()) {
                        pools.add(p.name().equals("master") ? p : p.withLockGroup("g"));
                    }
                    List<Node> nodes = new ArrayList<>();
                    for (int i = 0; i < s.nodes().size(); i++) {
                        List<Pod> list = new ArrayList<>();
                        for (int k = 0; k < podCounts.get(i % podCounts.size()); k++) {
                            list.add(new Pod("web-" + i + "-" + k, java.util.Map.of("app", "web")));
                        }
                        nodes.add(s.nodes().get(i).withPods(list));
                    }
                    MaintenanceWindow w = new MaintenanceWindow(java.util.Set.of(d), java.time.LocalTime.of(h, 0),
                            len, java.time.ZoneId.of("Europe/Berlin"), new java.util.TreeSet<>());
                    return new Gated(new Snapshot(NOW, pools, nodes, java.util.Map.of(),
                            DisruptionPolicies.defaults(),
                            List.of(new Pdb("web", java.util.Map.of("app", "web"), MaxUnavailable.parse(min + ""),
                                    null)),
                            List.of(w), List.of(new LockGroup("g", sl, new java.util.TreeSet<>())),
                            new Limits(MaxUnavailable.parse("50%"), MaxUnavailable.parse(zl + ""))));
                });
    }

    @Provide
    Arbitrary<Snapshot> snapshots() {
        Arbitrary<List<PoolSpec>> pools = poolSpec(true).list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(PoolSpec::name);
        return pools.flatMap(specs -> {
            List<Arbitrary<List<Node>>> perPool = new ArrayList<>();
            for (PoolSpec p : specs) {
                perPool.add(messyNode(p.pool).list().ofMaxSize(p.pool.controlPlane() ? 4 : 12));
            }
            perPool.add(messyNode(null).list().ofMaxSize(2));
            return Combinators.combine(perPool).as(lists -> {
                List<Node> nodes = new ArrayList<>();
                for (List<Node> l : lists) {
                    nodes.addAll(l);
                }
                List<Pool> ps = new ArrayList<>();
                specs.forEach(s -> ps.add(s.pool));
                return Snapshot.of(NOW, ps, renamed(nodes));
            });
        });
    }

    record PoolSpec(String name, Pool pool) {}

    static Arbitrary<PoolSpec> poolSpec(boolean messy) {
        Arbitrary<String> names = Arbitraries.of("master", "worker", "infra", "canary");
        Arbitrary<MaxUnavailable> budgets = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 5).map(MaxUnavailable.Count::new),
                Arbitraries.integers().between(0, 100).map(MaxUnavailable.Percent::new));
        Arbitrary<Boolean> paused = messy ? Arbitraries.integers().between(0, 9).map(i -> i == 0)
                : Arbitraries.just(false);
        Arbitrary<Boolean> newest = Arbitraries.of(false, true);
        return Combinators.combine(names, budgets, paused, newest).as((name, budget, p, nf) -> {
            Target target = Target.of("rendered-" + name + "-b");
            Pool pool = name.equals("master") ? Pool.controlPlane(name, target)
                    : Pool.of(name, budget, target).withNewestFirst(nf);
            return new PoolSpec(name, pool.withPaused(p));
        });
    }

    static Arbitrary<Node> cleanNode(String pool) {
        return Combinators.combine(Arbitraries.of("us-east-1a", "us-east-1b", "us-east-1c", ""),
                Arbitraries.integers().between(0, 30)).as((zone, day) ->
                Node.of("x", pool, zone.isEmpty() ? null : zone, NOW.minus(day + 1, ChronoUnit.DAYS),
                        "rendered-" + pool + "-a"));
    }

    static Arbitrary<Node> messyNode(Pool pool) {
        String poolName = pool == null ? null : pool.name();
        String old = "rendered-" + (poolName == null ? "none" : poolName) + "-a";
        String target = pool == null ? old : pool.target().config();
        Arbitrary<String> current = Arbitraries.of(old, old, target);
        Arbitrary<Integer> progress = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 63);
        return Combinators.combine(cleanNode(poolName), current, progress, flags).as((base, cur, prog, f) -> {
            // prog: 0-5 settled on current, 6-7 started towards the target, 8 towards an older config, 9 failing
            String desired = prog <= 5 ? cur : prog == 8 ? "rendered-older" : target;
            if (desired.equals(cur) && prog >= 6) {
                desired = cur.equals(old) ? target : old;
            }
            NodeState state = NodeState.DONE;
            if (prog == 9 && !desired.equals(cur)) {
                state = (f & 1) == 0 ? NodeState.DEGRADED : NodeState.UNRECONCILABLE;
            } else if (prog == 7 && (f & 1) == 1) {
                state = NodeState.WORKING;
            }
            boolean ready = (f & 6) != 0;
            boolean cordoned = (f & 24) == 24 || (prog >= 6 && (f & 8) != 0);
            String owner = !cordoned ? null : (f & 32) != 0 || prog < 6 ? "admin" : Planner.CORDON_OWNER;
            boolean inFlight = !desired.equals(cur);
            boolean drained = inFlight && cordoned && (f & 16) != 0;
            boolean staged = inFlight && drained && (f & 4) != 0;
            return new Node(base.name(), poolName, base.zone(), base.created(), ready, cordoned, owner, cur,
                    desired, null, null, state, null, drained, staged, List.of());
        });
    }

    /** Unique names n00, n01, … in generation order (the planner must not care about the order). */
    static List<Node> renamed(List<Node> nodes) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            out.add(new Node(String.format("n%02d", i), n.pool(), n.zone(), n.created(), n.ready(),
                    n.unschedulable(), n.cordonedBy(), n.currentConfig(), n.desiredConfig(), n.currentImage(),
                    n.desiredImage(), n.state(), n.reason(), n.drained(), n.staged(), n.pods()));
        }
        return out;
    }
}
