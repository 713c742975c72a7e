package dev.coreos4j.planner.json;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Wave;
import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes plans and next steps (waves, actions, blocked nodes with reasons, pool statuses).
 */
final class PlanWriter {
    private PlanWriter() {}

    static String writePlan(Plan plan, Instant now) {
        ObjectNode root = new ObjectNode();
        ArrayNode waves = root.putArray("waves");
        for (Wave w : plan.waves()) {
            ObjectNode o = waves.addObject();
            o.put("index", w.index());
            if (!w.start().equals(now)) {
                o.put("start", w.start().toString());
            }
            ArrayNode nodes = o.putArray("nodes");
            for (Wave.Entry e : w.nodes()) {
                ObjectNode n = nodes.addObject();
                n.put("name", e.name());
                n.put("pool", e.pool());
                ArrayNode steps = n.putArray("steps");
                e.steps().forEach(steps::add);
            }
        }
        blocked(root.putArray("blocked"), plan.blocked());
        if (!plan.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            plan.notes().forEach(notes::add);
        }
        return Json.pretty(root) + "\n";
    }

    static String writeNext(NextStep step, Snapshot snapshot) {
        ObjectNode root = new ObjectNode();
        ArrayNode actions = root.putArray("actions");
        for (Action a : step.actions()) {
            ObjectNode o = actions.addObject();
            o.put("node", a.node());
            Node n = snapshot.node(a.node());
            o.put("pool", n == null ? null : n.pool());
            o.put("action", a.step());
            describe(a, o);
        }
        blocked(root.putArray("blocked"), step.blocked());
        return Json.pretty(root) + "\n";
    }

    /** The one place that looks inside each action record (the sealed family's single dispatch site). */
    static void describe(Action a, ObjectNode o) {
        if (a instanceof Action.SetDesired setDesired) {
            Target t = setDesired.target();
            o.put("config", t.config());
            if (t.osImage() != null) {
                o.put("osImage", t.osImage());
            }
        } else if (a instanceof Action.AcquireLock acquireLock) {
            o.put("group", acquireLock.group());
        } else if (a instanceof Action.ReleaseLock releaseLock) {
            o.put("group", releaseLock.group());
        } else if (a instanceof Action.Apply apply) {

            ArrayNode post = o.putArray("postActions");
            apply.postActions().forEach(x -> post.add(x.toString()));
            o.put("finalizes", apply.finalizes());
        }
    }

    static void blocked(ArrayNode out, List<Blocked> blocked) {
        for (Blocked b : blocked) {
            ObjectNode o = out.addObject();
            o.put("node", b.node());
            o.put("pool", b.pool());
            o.put("reason", b.reason().wireName());
            o.put("detail", b.detail());
        }
    }
}
