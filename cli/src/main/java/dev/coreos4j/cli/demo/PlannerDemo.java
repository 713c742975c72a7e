package dev.coreos4j.cli.demo;

import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.ChangeAnalysis;
import dev.coreos4j.planner.Disruption;
import dev.coreos4j.planner.DisruptionPolicies;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Simulator;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Wave;
import dev.coreos4j.planner.graph.Hop;
import dev.coreos4j.planner.graph.HopRollout;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.PathRollout;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.Renderer;
import dev.coreos4j.planner.render.Rendering;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The demo chapter for issues #6 and #7: plan a 3-master/12-worker/2-zone upgrade, pause it, roll it back, then pick
 * the releases of a 4.14 to 4.18 EUS upgrade from an update graph.
 */
final class PlannerDemo implements DemoStep {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    public String title() {
        return "Fleet upgrade plan";
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws Exception {
        Snapshot cluster = cluster();
        out.println("A cluster of 3 masters and 12 workers in zones us-east-1a/1b moves from the -a to the -b");
        out.println("rendered configs and a new OS image. Workers allow maxUnavailable 25%; masters go one by one.");
        Plan plan = Planner.plan(cluster);
        out.printf(
                "%nThe plan: %d waves (masters 3, workers ceil(12/3) = 4; pools move in parallel)%n",
                plan.waves().size());
        for (Wave w : plan.waves()) {
            out.printf("  wave %d: %s%n", w.index(), summary(w));
        }
        out.println("  every node: "
                + String.join(" -> ", plan.waves().get(0).nodes().get(0).steps()));
        Path json = workdir.resolve("plan.json");
        Files.writeString(json, PlannerJson.writePlan(plan, cluster.now()), StandardCharsets.UTF_8);
        out.println("  (JSON written to " + json.getFileName() + ")");

        // Run the first wave and half of the second, then pause the workers.
        Snapshot s = cluster;
        for (int i = 0; i < 7; i++) {
            s = Simulator.succeed(s, Planner.next(s).actions());
        }
        s = Simulator.succeed(s, Planner.next(s).actions());
        // the demo cluster has a worker pool
        Snapshot paused = s.withPool(
                Objects.requireNonNull(s.pool("worker"), "worker pool").withPaused(true));
        NextStep step = Planner.next(paused);
        out.printf(
                "%nThe workers are paused mid-rollout (%d of 12 started). Next actions now:%n", startedWorkers(paused));
        for (Action a : step.actions()) {
            out.printf("  %-4s %s%n", a.node(), a.step());
        }
        Map<String, List<String>> reasons = new TreeMap<>();
        for (Blocked b : step.blocked()) {
            reasons.computeIfAbsent(b.reason().wireName(), k -> new ArrayList<>())
                    .add(b.node());
        }
        reasons.forEach((r, nodes) -> out.printf("  not moving (%s): %s%n", r, String.join(" ", nodes)));

        // The new image misbehaves: roll back every touched node, under the same budgets.
        Plan rollback = Planner.rollback(paused.withPool(
                Objects.requireNonNull(paused.pool("worker"), "worker pool").withPaused(false)));
        out.printf(
                "%nRollback: %d waves, only the nodes the rollout touched%n",
                rollback.waves().size());
        for (Wave w : rollback.waves()) {
            out.printf("  wave %d: %s%n", w.index(), summary(w));
        }
        Map<String, String> kinds = new TreeMap<>();
        for (Wave w : rollback.waves()) {
            for (Wave.Entry e : w.nodes()) {
                kinds.putIfAbsent(String.join(" -> ", e.steps()), e.name());
            }
        }
        kinds.forEach((steps, node) -> out.printf("  e.g. %s: %s%n", node, steps));
        long back = rollback.after().stream().filter(p -> p.isUpdated()).count();
        out.printf(
                "  afterwards %d of %d pools report Updated on their previous config%n",
                back, rollback.after().size());

        configChange(out);
        updatePath(out);
    }

    /** Per-node steps from the change itself: render MachineConfigs, then analyse the rendered change. */
    private static void configChange(PrintWriter out) {
        MachineConfig base = MachineConfig.of(
                "00-worker",
                "worker",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/containers/policy.json").contents("{\"default\":[]}"))
                        .build());
        MachineConfig policy = MachineConfig.of(
                "99-worker-policy",
                "worker",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/containers/policy.json")
                                .contents("{\"default\":[{\"type\":" + "\"reject\"}]}"))
                        .build());
        Rendering a = Renderer.render("worker", List.of(base));
        Rendering b = Renderer.render("worker", List.of(base, policy));
        Rendering c = Renderer.render("worker", List.of(base, policy.withKernelArguments(List.of("nosmt"))));
        out.printf("%nWhat a config change costs (MachineConfigs rendered like MCO, default disruption policies):%n");
        out.printf("  00-worker                   = %s%n", a.name());
        out.printf("  + 99-worker-policy          = %s: %s%n", b.name(), disruption(a, b));
        out.printf("  + 99-worker-policy + nosmt  = %s: %s%n", c.name(), disruption(a, c));
    }

    private static String disruption(Rendering from, Rendering to) {
        ChangeAnalysis r = DisruptionPolicies.defaults().analyze(from.renderedConfig(), to.renderedConfig());
        if (r instanceof ChangeAnalysis.Irreconcilable irreconcilable) {
            return "refused at " + irreconcilable.path();
        }
        Disruption d = ((ChangeAnalysis.Reconcilable) r).disruption();
        return d.actions() + (d.needsReboot() ? ", drain and reboot" : d.needsDrain() ? ", drain" : ", no drain");
    }

    /** Which releases to pass through: an EUS-to-EUS path over the embedded graph, each hop planned as a rollout. */
    private static void updatePath(PrintWriter out) {
        out.printf("%nWhich releases to pass through: 4.14.38 -> 4.18.5 on channel eus-4.14, control plane only%n");
        PathResult result = ExampleGraph.planEus(RiskOutcome.NO_MATCH);
        if (!(result instanceof PathResult.Found found)) {
            out.println("  no path: " + ((PathResult.NoPath) result).reason());
            return;
        }
        UpdatePath path = found.path();
        List<HopRollout> rollouts = PathRollout.plan(path, ExampleGraph.demoCluster(NOW));
        for (HopRollout r : rollouts) {
            Hop hop = r.hop();
            out.printf(
                    "  %-8s -> %-8s %d waves, %2d reboots  %s%n",
                    hop.from(), hop.to(), r.waves(), r.reboots(), hop.reason());
        }
        out.printf(
                "  workers stay paused over the odd minors: %d worker reboots saved per node%n",
                Objects.requireNonNull(path.eus(), "an EUS request's path has an EUS plan")
                        .workerRebootsSavedPerNode());
        PathResult risky = ExampleGraph.planEus(RiskOutcome.MATCH);
        if (risky instanceof PathResult.Found avoiding) {
            out.printf(
                    "  if %s applies to this cluster, the path avoids its edge: %s%n",
                    ExampleGraph.CONDITIONAL_RISK,
                    String.join(" -> ", avoiding.path().versions()));
        }
    }

    private static long startedWorkers(Snapshot s) {
        return s.nodes().stream()
                .filter(n -> "worker".equals(n.pool()) && !n.desiredConfig().endsWith("-a"))
                .count();
    }

    private static String summary(Wave w) {
        Map<String, List<String>> byPool = new TreeMap<>();
        for (Wave.Entry e : w.nodes()) {
            byPool.computeIfAbsent(e.pool(), k -> new ArrayList<>()).add(e.name());
        }
        List<String> parts = new ArrayList<>();
        byPool.forEach((p, n) -> parts.add(p + " " + String.join(" ", n)));
        return String.join("; ", parts);
    }

    static Snapshot cluster() {
        String oldImage = "quay.io/openshift-release-dev/rhcos@sha256:1111";
        String newImage = "quay.io/openshift-release-dev/rhcos@sha256:2222";
        Pool masters = Pool.controlPlane("master", new Target("rendered-master-a", oldImage))
                .withTarget(new Target("rendered-master-b", newImage));
        Pool workers = Pool.of("worker", MaxUnavailable.parse("25%"), new Target("rendered-worker-a", oldImage))
                .withTarget(new Target("rendered-worker-b", newImage));
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(node("master-" + i, "master", i, oldImage));
        }
        for (int i = 1; i <= 12; i++) {
            nodes.add(node(String.format("worker-%02d", i), "worker", i, oldImage));
        }
        return Snapshot.of(NOW, List.of(masters, workers), nodes);
    }

    private static Node node(String name, String pool, int i, String image) {
        Node n = Node.of(
                name,
                pool,
                i % 2 == 1 ? "us-east-1a" : "us-east-1b",
                NOW.minus(400 - i, ChronoUnit.DAYS),
                "rendered-" + pool + "-a");
        return n.withDesired(new Target(n.currentConfig(), image)).withFinished();
    }
}
