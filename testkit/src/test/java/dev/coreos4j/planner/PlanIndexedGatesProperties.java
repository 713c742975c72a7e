package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.FleetArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * With coupling gates {@link Planner#plan} reads gate counters the fleet keeps as nodes change (cluster and zone
 * unavailability, PDB disruption), the PDBs covering a node through a label index, maintenance windows once per pool
 * and instant, and skips candidates a full limit holds back. The reference evaluation ({@code Planner.plan(s, true)})
 * recomputes every gate from every node at every step, matches every PDB against every node's pods, reads the whole
 * window list and takes neither shortcut nor the fast path; both must give the same plan.
 */
class PlanIndexedGatesProperties {

    /**
     * Selectors the label index must get right besides {@code app=web}: a two-label selector (covered only by pods
     * carrying both), an empty one (every pod), one on a label no pod carries.
     */
    private static final List<Map<String, String>> SELECTORS =
            List.of(Map.of("app", "web", "tier", "front"), Map.of(), Map.of("tier", "front"), Map.of("app", "none"));

    private static final String ALT = "rendered-alt-";

    @Provide
    Arbitrary<Snapshot> gated() {
        Arbitrary<List<String>> tiers =
                Arbitraries.of("front", "back", "").list().ofSize(20);
        Arbitrary<List<MaxUnavailable>> extra = Arbitraries.integers()
                .between(0, 3)
                .map(i -> (MaxUnavailable) new MaxUnavailable.Count(i))
                .list()
                .ofMaxSize(SELECTORS.size());
        Arbitrary<List<MaintenanceWindow>> windows =
                FleetArbitraries.windows().list().ofMaxSize(2);
        // per pool: what its change does (a drain or not decides whether the drain gates hold a candidate)
        Arbitrary<List<PlanFastPathProperties.Change>> changes = Arbitraries.of(
                        PlanFastPathProperties.Change.RELOAD,
                        PlanFastPathProperties.Change.NOTHING,
                        PlanFastPathProperties.Change.REBOOT)
                .injectNull(0.4)
                .list()
                .ofSize(4);
        return Combinators.combine(FleetArbitraries.gatedSnapshots(), tiers, extra, windows, changes)
                .as(PlanIndexedGatesProperties::decorate);
    }

    /**
     * Messy clusters (unavailable, failing, in-flight, cordoned nodes) under limits, a lock group and PDBs: the
     * candidate-loop shortcut must still let unavailable and failing candidates through.
     */
    @Provide
    Arbitrary<Snapshot> messyGated() {
        return Combinators.combine(
                        FleetArbitraries.messySnapshots(),
                        FleetArbitraries.limits(),
                        FleetArbitraries.lockGroups("g"),
                        FleetArbitraries.pdbs("web"),
                        Arbitraries.integers().between(0, 2).list().ofSize(30))
                .as((s, limits, lock, pdb, pods) -> {
                    List<Pool> pools = new ArrayList<>();
                    for (int i = 0; i < s.pools().size(); i++) {
                        Pool p = s.pools().get(i);
                        pools.add(i % 2 == 1 ? p.withLockGroup("g") : p);
                    }
                    List<Node> nodes = new ArrayList<>();
                    for (int i = 0; i < s.nodes().size(); i++) {
                        List<Pod> list = new ArrayList<>();
                        for (int k = 0; k < pods.get(i % pods.size()); k++) {
                            list.add(new Pod("web-" + i + "-" + k, Map.of("app", "web")));
                        }
                        nodes.add(s.nodes().get(i).withPods(list));
                    }
                    return s.withLocks(List.of(lock))
                            .withPools(pools)
                            .withNodes(nodes)
                            .withLimits(limits)
                            .withPdbs(List.of(pdb));
                });
    }

    @Property(tries = 250)
    void plan_indexedGatesEqualReference(@ForAll("gated") Snapshot s) {
        Plan expected = Planner.plan(s, true);
        assertThat(Planner.plan(s)).isEqualTo(expected);
        Statistics.label("waves").collect(Math.min(expected.waves().size(), 6));
        Statistics.label("pdbs").collect(s.pdbs().size());
    }

    @Property(tries = 250)
    void plan_indexedGatesEqualReferenceOnMessyClusters(@ForAll("messyGated") Snapshot s) {
        Plan expected = Planner.plan(s, true);
        assertThat(Planner.plan(s)).isEqualTo(expected);
        Statistics.label("rolls out").collect(!expected.waves().isEmpty());
    }

    private static Snapshot decorate(
            Snapshot s,
            List<String> tiers,
            List<MaxUnavailable> extra,
            List<MaintenanceWindow> more,
            List<PlanFastPathProperties.Change> changes) {
        Map<String, RenderedConfig> configs = new TreeMap<>();
        for (int i = 0; i < s.pools().size(); i++) {
            PlanFastPathProperties.Change change = changes.get(i % changes.size());
            if (change != null) {
                Pool p = s.pools().get(i);
                RenderedConfig a = RenderedConfig.empty().withFile("/etc/foo", "1");
                configs.put(FleetArbitraries.oldConfig(p.name()), a);
                configs.put(p.target().config(), PlanFastPathProperties.changed(a, change));
                // a third of the pool on another old config whose change to the target reboots: candidates that
                // need a drain and candidates that do not, side by side in one pool
                configs.put(ALT + p.name(), RenderedConfig.empty().withFile("/etc/foo", "0"));
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < s.nodes().size(); i++) {
            Node n = s.nodes().get(i);
            List<Pod> pods = new ArrayList<>();
            for (int k = 0; k < n.pods().size(); k++) {
                Pod p = n.pods().get(k);
                Map<String, String> labels = new TreeMap<>(p.labels());
                String tier = tiers.get((i + k) % tiers.size());
                if (!tier.isEmpty()) {
                    labels.put("tier", tier);
                }
                pods.add(new Pod(p.name(), labels));
            }
            n = n.withPods(pods);
            if (i % 3 == 1 && n.pool() != null && configs.containsKey(ALT + n.pool())) {
                Target alt = Target.of(ALT + n.pool());
                n = n.withCurrent(alt).withDesired(alt);
            }
            nodes.add(n);
        }
        List<Pdb> pdbs = new ArrayList<>(s.pdbs());
        for (int k = 0; k < extra.size(); k++) {
            pdbs.add(new Pdb("extra-" + k, SELECTORS.get(k), null, extra.get(k)));
        }
        List<MaintenanceWindow> windows = new ArrayList<>(s.windows());
        for (int k = 0; k < more.size(); k++) {
            MaintenanceWindow w = more.get(k);
            // a window governing only the first pool: the per-pool window index must tell pools apart
            windows.add(new MaintenanceWindow(
                    w.days(),
                    w.start(),
                    w.lengthMinutes(),
                    w.timeZone(),
                    new TreeSet<>(List.of(s.pools().get(0).name()))));
        }
        return s.withNodes(nodes).withPdbs(pdbs).withWindows(windows).withConfigs(configs);
    }
}
