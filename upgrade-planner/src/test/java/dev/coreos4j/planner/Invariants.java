package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The spec §4 invariants of one planner step, checked against the snapshot it was computed from. */
final class Invariants {

    private Invariants() {}

    static void checkStep(Snapshot s, NextStep step) {
        Map<String, Action> byNode = new HashMap<>();
        for (Action a : step.actions()) {
            // §4.4.21 no conflicting actions: one action per node per step
            assertThat(byNode.put(a.node(), a)).as("second action for %s", a.node()).isNull();
        }
        Set<String> blocked = new HashSet<>();
        for (Blocked b : step.blocked()) {
            assertThat(blocked.add(b.node())).as("one reason per node: %s", b.node()).isTrue();
            assertThat(byNode).as("a moving node has no reason: %s", b.node()).doesNotContainKey(b.node());
        }
        Map<String, List<Node>> byPool = s.nodesByPool();
        for (Node n : s.nodes()) {
            Pool p = n.pool() == null ? null : s.pool(n.pool());
            Action a = byNode.get(n.name());
            // §4.6.25/27 progress or reason: a node that does not move is finished or says why
            if (a == null && !blocked.contains(n.name())) {
                assertThat(p).as("node %s in no pool has a reason", n.name()).isNotNull();
                assertThat(n.isDone() && !n.isCordonedByPlanner()).as("silent node %s is settled", n.name()).isTrue();
                assertThat(n.targets(p.target()) || !n.ready() || n.unschedulable())
                        .as("silent node %s is on target", n.name()).isTrue();
            }
            if (a == null) {
                continue;
            }
            // §4.4.22 paused pools untouched; §4.3.15 nodes in no pool untouched
            assertThat(p).isNotNull();
            assertThat(p.paused()).as("action on paused pool node %s", n.name()).isFalse();
            // §4.6.30 nothing the state shows as done is issued again
            if (a instanceof Action.SetDesired) {
                Target t = ((Action.SetDesired) a).target();
                assertThat(n.targets(t) && t.config().equals(n.desiredConfig())).as("re-issued SetDesired %s", n.name())
                        .isFalse();
                assertThat(t.equals(p.target()) || (p.aborted() && t.equals(n.current())))
                        .as("SetDesired goes to the pool target (or back on abort)").isTrue();
                // §4.3.12 eligibility
                assertThat(n.ready()).as("started a NotReady node %s", n.name()).isTrue();
                assertThat(!n.unschedulable() || n.isCordonedByPlanner()).as("started a foreign-cordoned node %s",
                        n.name()).isTrue();
                assertThat(n.state()).isNotEqualTo(NodeState.WORKING);
            } else if (a instanceof Action.Cordon) {
                assertThat(n.unschedulable()).isFalse();
            } else if (a instanceof Action.Drain) {
                assertThat(n.unschedulable() && !n.drained()).isTrue();
            } else if (a instanceof Action.Apply) {
                assertThat(n.staged()).isFalse();
                assertThat(n.isDone()).isFalse();
            } else if (a instanceof Action.Reboot) {
                assertThat(n.staged()).isTrue();
            } else if (a instanceof Action.Uncordon) {
                // §4.4.17 cordon ownership
                assertThat(n.isCordonedByPlanner()).as("uncordoned %s which the planner did not cordon", n.name())
                        .isTrue();
                assertThat(n.isDone()).isTrue();
            }
        }
        for (Pool p : s.pools()) {
            List<Node> nodes = byPool.getOrDefault(p.name(), List.of());
            checkBudget(p, nodes, byNode);
        }
    }

    /** §4.1.2 never start over budget; §4.2.7/8 control plane one at a time and never beside an unavailable one. */
    static void checkBudget(Pool p, List<Node> nodes, Map<String, Action> byNode) {
        int u = 0;
        int f = 0;
        for (Node n : nodes) {
            if (n.isUnavailable()) {
                u++;
            }
            if (n.isFailing()) {
                f++;
            }
        }
        int b = p.budget(nodes.size());
        int freshStarts = 0;
        int anyStarts = 0;
        for (Node n : nodes) {
            Action a = byNode.get(n.name());
            if (a instanceof Action.SetDesired && !p.aborted()) {
                anyStarts++;
                if (!n.isUnavailable() && !n.isFailing()) {
                    freshStarts++;
                }
            }
        }
        assertThat(u + f + freshStarts).as("pool %s: U=%d F=%d starts=%d B=%d", p.name(), u, f, freshStarts, b)
                .isLessThanOrEqualTo(Math.max(b, u + f));
        if (u + f >= b) {
            assertThat(freshStarts).as("pool %s over budget starts nothing new", p.name()).isZero();
        }
        if (p.controlPlane()) {
            assertThat(freshStarts).isLessThanOrEqualTo(1);
            if (u + f > 0) {
                assertThat(freshStarts).as("quorum: %s starts nothing while a member is unavailable", p.name())
                        .isZero();
            }
        }
        assertThat(anyStarts).isLessThanOrEqualTo(nodes.size());
    }

    /** The MCO candidate order for a pool. */
    static Comparator<Node> order(Pool p) {
        Comparator<Node> age = p.newestFirst() ? Comparator.comparing(Node::created).reversed()
                : Comparator.comparing(Node::created);
        return Comparator.comparing((Node n) -> n.zone() == null)
                .thenComparing(n -> n.zone() == null ? "" : n.zone())
                .thenComparing(age).thenComparing(Node::name);
    }

    /** Nodes started by SetDesired in {@code step}, per pool. */
    static Map<String, List<String>> starts(Snapshot s, NextStep step) {
        Map<String, List<String>> out = new HashMap<>();
        for (Action a : step.actions()) {
            if (a instanceof Action.SetDesired) {
                out.computeIfAbsent(s.node(a.node()).pool(), k -> new ArrayList<>()).add(a.node());
            }
        }
        return out;
    }

    /** §4.1.3: every pool has at most B unavailable nodes. */
    static void unavailableWithinBudget(Snapshot s) {
        Map<String, List<Node>> byPool = s.nodesByPool();
        for (Pool p : s.pools()) {
            List<Node> nodes = byPool.getOrDefault(p.name(), List.of());
            long u = nodes.stream().filter(Node::isUnavailable).count();
            assertThat(u).as("pool %s unavailable", p.name()).isLessThanOrEqualTo(p.budget(nodes.size()));
        }
    }

    /** Lock slots, PDB allowance and cluster/zone limits hold in {@code s}. */
    static void gatesHold(Snapshot s) {
        for (LockGroup g : s.locks()) {
            assertThat(g.holders().size()).as("holders of %s", g.group()).isLessThanOrEqualTo(g.slots());
        }
        for (Pdb pdb : s.pdbs()) {
            int expected = 0;
            int out = 0;
            for (Node n : s.nodes()) {
                int k = pdb.count(n.pods());
                expected += k;
                boolean disrupted = !n.ready() || n.drained() || (!n.isDone() && !n.isFailing()
                        && Planner.analyze(s, n.current(), n.desired()) instanceof ChangeAnalysis.Reconcilable
                        && ((ChangeAnalysis.Reconcilable) Planner.analyze(s, n.current(), n.desired()))
                        .disruption().needsDrain());
                if (disrupted) {
                    out += k;
                }
            }
            assertThat(out).as("PDB %s: covered pods out of service", pdb.name())
                    .isLessThanOrEqualTo(pdb.allowedUnavailable(expected));
        }
        Limits limits = s.limits();
        if (limits.maxUnavailable() != null) {
            long u = s.nodes().stream().filter(Node::isUnavailable).count();
            assertThat(u).as("cluster unavailable").isLessThanOrEqualTo(limits.maxUnavailable()
                    .budget(s.nodes().size()));
        }
        if (limits.maxUnavailablePerZone() != null) {
            Map<String, int[]> zones = new HashMap<>();
            for (Node n : s.nodes()) {
                if (n.zone() != null) {
                    int[] c = zones.computeIfAbsent(n.zone(), z -> new int[2]);
                    c[0]++;
                    if (n.isUnavailable()) {
                        c[1]++;
                    }
                }
            }
            zones.forEach((z, c) -> assertThat(c[1]).as("zone %s unavailable", z)
                    .isLessThanOrEqualTo(limits.maxUnavailablePerZone().budget(c[0])));
        }
    }
}
