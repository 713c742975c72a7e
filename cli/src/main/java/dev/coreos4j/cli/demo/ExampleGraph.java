package dev.coreos4j.cli.demo;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.PathRollout;
import dev.coreos4j.planner.graph.PoolSize;
import dev.coreos4j.planner.graph.RiskInputs;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import dev.coreos4j.planner.json.UpdateGraphReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, realistic OpenShift update graph shipped with the CLI, for the demo and documentation: releases 4.14.30
 * to 4.18.8 in candidate/fast/stable channels per minor and EUS channels for even minors, with 4.18.8 still only in
 * candidate and fast, and one conditional edge, 4.17.10 → 4.18.5, carrying the PromQL risk
 * {@value #CONDITIONAL_RISK}. The releases and digests are illustrative, not a copy of the live service.
 */
public final class ExampleGraph {

    /** The name of the one risk in the graph, on the conditional edge 4.17.10 → 4.18.5. */
    public static final String CONDITIONAL_RISK = "MachineConfigRenderingChurn";

    /** The class-path resource, relative to this class, holding the graph JSON. */
    public static final String RESOURCE = "ocp-4.14-to-4.18.json";

    private ExampleGraph() {}

    /** The graph's JSON document as the update service would serve it. */
    public static String json() {
        try (InputStream in = ExampleGraph.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the planner jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    /** The graph, read with {@link UpdateGraphReader}. */
    public static UpdateGraph graph() {
        return UpdateGraphReader.readOrThrow(json());
    }

    /**
     * The demo request: a control-plane-only (EUS-to-EUS) plan from 4.14.38 on channel {@code eus-4.14} to 4.18.5,
     * with the given outcome for the conditional edge's PromQL risk.
     */
    public static PathRequest eusRequest(RiskOutcome churn) {
        return PathRequest.to("4.14.38", "4.18.5")
                .withChannel("eus-4.14")
                .withEus(true)
                .withRisks(new RiskInputs(Map.of(CONDITIONAL_RISK, churn), Set.of()));
    }

    /**
     * Plans the demo: {@link #eusRequest} on {@link #graph()}. With {@link RiskOutcome#NO_MATCH} the path takes the
     * conditional edge (4 hops); otherwise it goes around it through 4.17.14 (5 hops).
     */
    public static PathResult planEus(RiskOutcome churn) {
        return UpdatePathPlanner.plan(graph(), eusRequest(churn));
    }

    /** Pools of the demo cluster: 3 control-plane nodes and 12 workers. */
    public static List<PoolSize> demoPools() {
        return List.of(new PoolSize("master", 3, true), new PoolSize("worker", 12, false));
    }

    /**
     * The demo cluster at 4.14.38 as a rollout-planner snapshot: pool {@code master} (3 control-plane nodes) and pool
     * {@code worker} (12 nodes, {@code maxUnavailable: 25%}), spread over zones {@code zone-a} and {@code zone-b},
     * every node Done on {@code rendered-POOL-4.14.38}.
     */
    public static Snapshot demoCluster(Instant now) {
        Target master = new Target("rendered-master-4.14.38", PathRollout.IMAGE_PREFIX + "4.14.38");
        Target worker = new Target("rendered-worker-4.14.38", PathRollout.IMAGE_PREFIX + "4.14.38");
        List<Node> nodes = new ArrayList<>();
        Instant born = now.minus(Duration.ofDays(400));
        for (int i = 0; i < 3; i++) {
            nodes.add(Node.of(
                            "master-" + i,
                            "master",
                            i % 2 == 0 ? "zone-a" : "zone-b",
                            born.plusSeconds(i),
                            master.config())
                    .withDesired(master)
                    .withFinished());
        }
        for (int i = 0; i < 12; i++) {
            nodes.add(Node.of(
                            String.format(java.util.Locale.ROOT, "worker-%02d", i),
                            "worker",
                            i % 2 == 0 ? "zone-a" : "zone-b",
                            born.plusSeconds(100 + i),
                            worker.config())
                    .withDesired(worker)
                    .withFinished());
        }
        return Snapshot.of(
                now,
                List.of(Pool.controlPlane("master", master), Pool.of("worker", MaxUnavailable.parse("25%"), worker)),
                nodes);
    }
}
