package dev.coreos4j.planner.json;

import dev.coreos4j.planner.graph.Blocker;
import dev.coreos4j.planner.graph.EusSegment;
import dev.coreos4j.planner.graph.Hop;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.RiskEvaluation;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.util.List;

/**
 * The machine-readable form of a {@link PathResult}, as {@code coreos4j plan graph --format=json} prints it.
 *
 * <p>A found path: {@code {"found":true, "from", "to", "hops":[{"from","to","kind","channel","previousChannel",
 * "conditional","risks":[{"name","verdict","decidingRule","accepted","message","url"}],"workers","reason"}],
 * "acceptedRisks":[…], "channelChanges", "eus":{"segments":[{"workersFrom","controlPlaneOnly","unpauseAt","hops"}],
 * "workerRebootsPerNode","workerRebootsSavedPerNode"} or null, "notRecommended":[{"from","to","code","message"}]}}. No path: {@code {"found":false, "from", "to",
 * "reason", "blockers":[{"from","to","code","message"}]}}. Enum values are written by name ({@code MINOR},
 * {@code PAUSED}, {@code DOES_NOT_APPLY}, {@code REMOVED_EDGE}); {@code decidingRule} is 1-based or null; absent
 * values are JSON null. Thread-safe.
 */
public final class PathResultJson {

    private PathResultJson() {}

    /** The result as a pretty-printed JSON document ({@code to} is null for a newest-release request). */
    public static String write(PathRequest request, PathResult result) {
        return Json.pretty(tree(request, result));
    }

    private static ObjectNode tree(PathRequest request, PathResult result) {
        ObjectNode root = new ObjectNode();
        if (result instanceof PathResult.Found found) {
            UpdatePath path = found.path();
            root.put("found", true);
            root.put("from", path.from());
            root.put("to", path.to());
            ArrayNode hops = root.putArray("hops");
            for (Hop h : path.hops()) {
                hops.add(hop(h));
            }
            strings(root.putArray("acceptedRisks"), path.acceptedRisks());
            root.put("channelChanges", path.channelChanges());
            if (path.eus() == null) {
                root.putNull("eus");
            } else {
                ObjectNode eus = root.putObject("eus");
                ArrayNode segments = eus.putArray("segments");
                for (EusSegment s : path.eus().segments()) {
                    ObjectNode o = segments.addObject();
                    o.put("workersFrom", s.workersFrom());
                    strings(o.putArray("controlPlaneOnly"), s.controlPlaneOnly());
                    o.put("unpauseAt", s.unpauseAt());
                    o.put("hops", s.hops());
                }
                eus.put("workerRebootsPerNode", path.eus().workerRebootsPerNode());
                eus.put("workerRebootsSavedPerNode", path.eus().workerRebootsSavedPerNode());
            }
            blockers(root.putArray("notRecommended"), path.notRecommended());
        } else {
            PathResult.NoPath none = (PathResult.NoPath) result;
            root.put("found", false);
            root.put("from", request.from());
            root.put("to", request.to());
            root.put("reason", none.reason());
            blockers(root.putArray("blockers"), none.blockers());
        }
        return root;
    }

    private static void blockers(ArrayNode array, List<Blocker> blockers) {
        for (Blocker b : blockers) {
            ObjectNode o = array.addObject();
            o.put("from", b.edge() == null ? null : b.edge().from());
            o.put("to", b.edge() == null ? null : b.edge().to());
            o.put("code", b.code().name());
            o.put("message", b.message());
        }
    }

    private static ObjectNode hop(Hop h) {
        ObjectNode o = new ObjectNode();
        o.put("from", h.from());
        o.put("to", h.to());
        o.put("kind", h.kind().name());
        o.put("channel", h.channel());
        o.put("previousChannel", h.previousChannel());
        o.put("conditional", h.conditional());
        ArrayNode risks = o.putArray("risks");
        for (RiskEvaluation ev : h.risks()) {
            ObjectNode r = risks.addObject();
            r.put("name", ev.risk().name());
            r.put("verdict", ev.verdict().name());
            if (ev.decidingRule() < 0) {
                r.putNull("decidingRule");
            } else {
                r.put("decidingRule", ev.decidingRule() + 1);
            }
            r.put("accepted", ev.accepted());
            r.put("message", ev.risk().message());
            r.put("url", ev.risk().url());
        }
        o.put("workers", h.workers().name());
        o.put("reason", h.reason());
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
