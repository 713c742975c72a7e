package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.FleetArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * When no gate couples nodes (no PDBs, lock groups or cross-pool limits), {@link Planner#plan} takes a fast path: it
 * re-decides only the pools that acted and the nodes that changed, and runs started nodes to the end alone. An unused
 * lock group couples nothing but forces the general path (every pool and node decided at every step), so both paths
 * must give the same plan on every snapshot: the testkit's messy snapshots, with aborted pools, deferred nodes,
 * failure thresholds, maintenance windows and described configs (some irreconcilable) added.
 */
class PlanFastPathProperties {

    /** What a pool's configs change: reload without drain, nothing, reboot, or an irreconcilable storage change. */
    enum Change {
        RELOAD,
        NOTHING,
        REBOOT,
        IRRECONCILABLE
    }

    record Decoration(boolean aborted, boolean deferFirst, MaxUnavailable failureThreshold) {}

    @Provide
    Arbitrary<Snapshot> independentSnapshots() {
        Arbitrary<Decoration> decoration = Combinators.combine(
                        Arbitraries.integers().between(0, 11).map(i -> i == 0),
                        Arbitraries.integers().between(0, 3).map(i -> i == 0),
                        FleetArbitraries.budgets().injectNull(0.75))
                .as(Decoration::new)
                .withoutEdgeCases();
        Arbitrary<List<MaintenanceWindow>> windows =
                FleetArbitraries.windows().list().ofMaxSize(1);
        Arbitrary<Change> change = Arbitraries.of(Change.class).injectNull(0.6);
        return Combinators.combine(
                        FleetArbitraries.messySnapshots(), decoration.list().ofSize(3), windows, change)
                .as(PlanFastPathProperties::decorate);
    }

    @Property(tries = 400)
    void plan_fastPathEqualsGeneralPath(@ForAll("independentSnapshots") Snapshot s) {
        assertThat(Pass.independent(s)).isTrue();
        Snapshot general = s.withLocks(List.of(new LockGroup("unused", 1, new TreeSet<>())));
        assertThat(Pass.independent(general)).isFalse();
        Plan expected = Planner.plan(general);
        assertThat(Planner.plan(s)).isEqualTo(expected);
        Statistics.label("rolls out").collect(!expected.waves().isEmpty());
        Statistics.label("features")
                .collect(
                        !s.windows().isEmpty(),
                        !s.configs().isEmpty(),
                        s.pools().stream().anyMatch(Pool::aborted));
    }

    private static Snapshot decorate(
            Snapshot s, List<Decoration> decorations, List<MaintenanceWindow> windows, Change change) {
        List<Pool> pools = new ArrayList<>();
        Map<String, RenderedConfig> configs = new TreeMap<>();
        for (int i = 0; i < s.pools().size(); i++) {
            Pool p = s.pools().get(i);
            Decoration d = decorations.get(i % decorations.size());
            p = p.withAborted(d.aborted());
            if (d.failureThreshold() != null) {
                p = p.withFailureThreshold(d.failureThreshold());
            }
            if (d.deferFirst()) {
                String name = p.name();
                p = s.nodes().stream()
                        .filter(n -> name.equals(n.pool()))
                        .findFirst()
                        .map(Node::name)
                        .map(p::withDeferredNode)
                        .orElse(p);
            }
            pools.add(p);
            if (change != null) {
                RenderedConfig a = RenderedConfig.empty().withFile("/etc/foo", "1");
                configs.put(FleetArbitraries.oldConfig(p.name()), a);
                configs.put(p.target().config(), changed(a, change));
            }
        }
        return new Snapshot(
                s.now(),
                pools,
                s.nodes(),
                configs,
                DisruptionPolicies.defaults(),
                List.of(),
                windows,
                List.of(),
                Limits.NONE,
                Topology.HIGHLY_AVAILABLE,
                false);
    }

    static RenderedConfig changed(RenderedConfig a, Change change) {
        switch (change) {
            case RELOAD:
                return a.withFile("/etc/containers/policy.json", "2");
            case NOTHING:
                return a.withFile("/var/lib/kubelet/config.json", "2");
            case REBOOT:
                return a.withFile("/etc/foo", "2");
            default:
                return new RenderedConfig(
                        Map.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        false,
                        "default",
                        null,
                        Map.of(),
                        Map.of("disks", Map.of("/dev/sdb", "x")),
                        Map.of(),
                        Set.of());
        }
    }
}
