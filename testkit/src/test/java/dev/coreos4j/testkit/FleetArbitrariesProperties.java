package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The fleet generators keep their contracts and reach their edge cases (the coverage checks fail otherwise). */
class FleetArbitrariesProperties {

    @Provide
    Arbitrary<MaxUnavailable> budgets() {
        return FleetArbitraries.budgets();
    }

    @Provide
    Arbitrary<Snapshot> clean() {
        return FleetArbitraries.cleanSnapshots();
    }

    @Provide
    Arbitrary<Snapshot> messy() {
        return FleetArbitraries.messySnapshots();
    }

    @Provide
    Arbitrary<Snapshot> gated() {
        return FleetArbitraries.gatedSnapshots();
    }

    @Provide
    Arbitrary<MaintenanceWindow> windows() {
        return FleetArbitraries.windows();
    }

    @Provide
    Arbitrary<Pdb> pdbs() {
        return FleetArbitraries.pdbs("web");
    }

    @Provide
    Arbitrary<Limits> limits() {
        return FleetArbitraries.limits();
    }

    @Property(tries = 500)
    void budgets_reachZeroOneAndAWholePool(@ForAll("budgets") MaxUnavailable b) {
        String label = b.toString().equals("0")
                ? "0"
                : b.toString().equals("1")
                        ? "1"
                        : b.toString().equals("0%")
                                ? "0%"
                                : b.toString().equals("100%")
                                        ? "100%"
                                        : b instanceof MaxUnavailable.Count ? "other count" : "other percent";
        assertThat(b.budget(7)).isBetween(1, 7);
        Statistics.label("budget").collect(label);
        Statistics.label("budget").coverage(c -> {
            c.check("0").count(n -> n >= 1);
            c.check("1").count(n -> n >= 1);
            c.check("0%").count(n -> n >= 1);
            c.check("100%").count(n -> n >= 1);
        });
    }

    @Property(tries = 300)
    void clean_isSettledAndUngated(@ForAll("clean") Snapshot s) {
        for (Node n : s.nodes()) {
            assertThat(n.isDone() && n.isSchedulable())
                    .as("%s settled", n.name())
                    .isTrue();
            assertThat(n.currentConfig()).isEqualTo(FleetArbitraries.oldConfig(n.pool()));
            Statistics.label("zone").collect(n.zone() == null ? "absent" : "present");
        }
        for (Pool p : s.pools()) {
            assertThat(p.paused()).isFalse();
            assertThat(p.target().config()).isEqualTo(FleetArbitraries.newConfig(p.name()));
            assertThat(p.controlPlane()).isEqualTo(p.name().equals("master"));
            int size = RolloutInvariants.members(s, p.name()).size();
            Statistics.label("pool size")
                    .collect(size == 0 ? "empty" : size == 1 ? "1" : size % 2 == 1 ? "odd" : "even");
        }
        assertThat(s.windows()).isEmpty();
        assertThat(s.locks()).isEmpty();
        Statistics.label("zone").coverage(c -> c.check("absent").percentage(p -> p > 10));
        Statistics.label("pool size").coverage(c -> {
            c.check("empty").count(n -> n > 0);
            c.check("1").count(n -> n > 0);
            c.check("odd").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void messy_nodesAreConsistentAndReachEveryState(@ForAll("messy") Snapshot s) {
        for (Node n : s.nodes()) {
            assertThat(n.unschedulable()).isEqualTo(n.cordonedBy() != null);
            assertThat(!n.staged() || n.drained()).as("staged implies drained").isTrue();
            assertThat(!n.drained() || n.unschedulable())
                    .as("drained implies cordoned")
                    .isTrue();
            if (n.state() == NodeState.DEGRADED || n.state() == NodeState.UNRECONCILABLE) {
                assertThat(n.isFailing())
                        .as("%s fails only while moving", n.name())
                        .isTrue();
            }
            Pool pool = n.pool() == null ? null : s.pool(n.pool());
            if (pool != null && !n.targets(pool.target()) && !n.desiredConfig().equals(n.currentConfig())) {
                Statistics.label("older")
                        .collect(
                                n.state() == NodeState.DONE
                                        ? "handed out"
                                        : n.isFailing() ? "failing" : n.state().isBusy() ? "working" : "other");
            }
            if (pool != null && n.currentImage() != null && pool.target().osImage() == null) {
                Statistics.label("older").collect("leaving image mode");
            }
            Statistics.label("node")
                    .collect(
                            n.pool() == null
                                    ? "in no pool"
                                    : n.state() != NodeState.DONE
                                            ? n.state().wireName()
                                            : !n.ready()
                                                    ? "NotReady"
                                                    : n.isCordonedByPlanner()
                                                            ? "cordoned by planner"
                                                            : n.unschedulable()
                                                                    ? "cordoned by admin"
                                                                    : n.staged()
                                                                            ? "staged"
                                                                            : !n.isDone() ? "in flight" : "settled");
        }
        for (Pool p : s.pools()) {
            Statistics.label("pool").collect(p.paused() ? "paused" : p.controlPlane() ? "control plane" : "worker");
        }
        Statistics.label("node").coverage(c -> {
            for (String state : List.of(
                    "Working",
                    "Rebooting",
                    "Degraded",
                    "Unreconcilable",
                    "NotReady",
                    "cordoned by planner",
                    "cordoned by admin",
                    "in flight",
                    "settled",
                    "in no pool")) {
                c.check(state).count(n -> n > 0);
            }
        });
        Statistics.label("pool").coverage(c -> c.check("paused").count(n -> n > 0));
        Statistics.label("older").coverage(c -> {
            for (String state : List.of("handed out", "failing", "working", "leaving image mode")) {
                c.check(state).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 200)
    void gated_hasEveryGate(@ForAll("gated") Snapshot s) {
        assertThat(s.locks()).hasSize(1);
        assertThat(s.pdbs()).hasSize(1);
        assertThat(s.windows()).hasSize(1);
        for (Pool p : s.pools()) {
            assertThat(p.lockGroup()).isEqualTo(p.controlPlane() ? null : "g");
        }
        Statistics.label("open at NOW").collect(MaintenanceWindow.open(s.windows(), "worker", s.now()));
        Statistics.label("pods")
                .collect(s.nodes().stream().mapToInt(n -> n.pods().size()).sum() > 0);
    }

    @Property(tries = 500)
    void windows_wrapMidnightAndTheWeek(@ForAll("windows") MaintenanceWindow w) {
        LocalDateTime start =
                LocalDateTime.of(2026, 3, 1, w.start().getHour(), w.start().getMinute());
        LocalDateTime end = start.plusMinutes(w.lengthMinutes());
        boolean midnight = !end.toLocalDate().equals(start.toLocalDate());
        boolean week = w.days().contains(DayOfWeek.SUNDAY) && midnight;
        Statistics.label("window").collect(week ? "wraps the week" : midnight ? "wraps midnight" : "within a day");
        Statistics.label("zone").collect(w.timeZone().getId());
        // a window is open right at each of its starts
        ZonedDateTime next = w.nextStart(FleetArbitraries.NOW).atZone(w.timeZone());
        assertThat(w.contains(next.toInstant())).isTrue();
        assertThat(w.days()).contains(next.getDayOfWeek());
        Statistics.label("window").coverage(c -> {
            c.check("wraps the week").count(n -> n > 0);
            c.check("wraps midnight").count(n -> n > 0);
        });
        Statistics.label("zone").coverage(c -> c.check("Pacific/Chatham").count(n -> n > 0));
    }

    @Property(tries = 200)
    void pdbsAndLimits_takeEveryForm(@ForAll("pdbs") Pdb pdb, @ForAll("limits") Limits limits) {
        assertThat(pdb.minAvailable() == null).isNotEqualTo(pdb.maxUnavailable() == null);
        assertThat(pdb.allowedUnavailable(4)).isNotNegative();
        assertThat(pdb.covers(new dev.coreos4j.planner.Pod("p", Map.of("app", "web"))))
                .isTrue();
        Statistics.label("pdb").collect(pdb.minAvailable() != null ? "minAvailable" : "maxUnavailable");
        Statistics.label("limits")
                .collect((limits.maxUnavailable() == null ? "-" : "cluster") + "/"
                        + (limits.maxUnavailablePerZone() == null ? "-" : "zone"));
        Statistics.label("limits").coverage(c -> {
            c.check("-/-").count(n -> n > 0);
            c.check("cluster/zone").count(n -> n > 0);
        });
    }

    @Property(tries = 100)
    void snapshots_areValidPlannerInput(@ForAll("messy") Snapshot s) {
        assertThat(Planner.next(s)).isNotNull();
        assertThat(Planner.status(s)).hasSize(s.pools().size());
    }
}
