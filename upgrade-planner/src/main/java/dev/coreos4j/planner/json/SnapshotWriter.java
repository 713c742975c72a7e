package dev.coreos4j.planner.json;

import dev.coreos4j.planner.DisruptionAction;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Pod;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.RenderedConfig;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Topology;
import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a snapshot in the format {@link SnapshotReader} reads, keys in a fixed order, so the output depends on
 * the snapshot's content only.
 */
final class SnapshotWriter {
    private SnapshotWriter() {}

    static String writeSnapshot(Snapshot snapshot) {
        ObjectNode root = new ObjectNode();
        root.put("now", snapshot.now().toString());
        if (snapshot.topology() != Topology.HIGHLY_AVAILABLE) {
            root.put("topology", snapshot.topology().jsonName());
        }
        if (snapshot.acceptAvailabilityLoss()) {
            root.put("acceptAvailabilityLoss", true);
        }
        ArrayNode pools = root.putArray("pools");
        for (Pool p : snapshot.pools()) {
            ObjectNode o = pools.addObject();
            o.put("name", p.name());
            o.put("controlPlane", p.controlPlane());
            budget(o, "maxUnavailable", p.maxUnavailable());
            o.put("paused", p.paused());
            o.put("aborted", p.aborted());
            target(o.putObject("target"), p.target());
            if (p.previous() != null) {
                target(o.putObject("previous"), p.previous());
            }
            o.put("updateOrder", p.newestFirst() ? "NewestFirst" : "OldestFirst");
            putIfSet(o, "deferredNode", p.deferredNode());
            budget(o, "failureThreshold", p.failureThreshold());
            putIfSet(o, "lockGroup", p.lockGroup());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : snapshot.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("name", n.name());
            putIfSet(o, "pool", n.pool());
            putIfSet(o, "zone", n.zone());
            o.put("created", n.created().toString());
            o.put("ready", n.ready());
            o.put("unschedulable", n.unschedulable());
            putIfSet(o, "cordonedBy", n.cordonedBy());
            o.put("currentConfig", n.currentConfig());
            o.put("desiredConfig", n.desiredConfig());
            putIfSet(o, "currentImage", n.currentImage());
            if (n.desiredImage() == null && n.currentImage() != null) {
                o.putNull("desiredImage"); // leaving image mode: an absent desiredImage would read as currentImage
            } else {
                putIfSet(o, "desiredImage", n.desiredImage());
            }
            o.put("state", n.state().wireName());
            putIfSet(o, "reason", n.reason());
            o.put("drained", n.drained());
            o.put("staged", n.staged());
            ArrayNode pods = o.putArray("pods");
            for (Pod pod : n.pods()) {
                ObjectNode po = pods.addObject();
                po.put("name", pod.name());
                strings(po.putObject("labels"), pod.labels());
            }
        }
        if (!snapshot.configs().isEmpty()) {
            ObjectNode configs = root.putObject("configs");
            for (Map.Entry<String, RenderedConfig> e : new TreeMap<>(snapshot.configs()).entrySet()) {
                RenderedConfig c = e.getValue();
                ObjectNode o = configs.putObject(e.getKey());
                strings(o.putObject("files"), c.files());
                strings(o.putObject("units"), c.units());
                c.kernelArguments().forEach(o.putArray("kernelArguments")::add);
                c.extensions().forEach(o.putArray("extensions")::add);
                o.put("fips", c.fips());
                o.put("kernelType", c.kernelType());
                putIfSet(o, "osImage", c.osImage());
                strings(o.putObject("users"), c.users());
                ObjectNode storage = o.putObject("storage");
                for (Map.Entry<String, Map<String, String>> st : new TreeMap<>(c.storage()).entrySet()) {
                    strings(storage.putObject(st.getKey()), st.getValue());
                }
                if (!c.fixed().isEmpty()) {
                    strings(o.putObject("fixed"), c.fixed());
                }
                if (!c.refused().isEmpty()) {
                    c.refused().forEach(o.putArray("refused")::add);
                }
            }
        }
        ObjectNode dp = root.putObject("disruptionPolicies");
        ArrayNode files = dp.putArray("files");
        snapshot.policies().files().forEach((path, actions) -> {
            ObjectNode f = files.addObject();
            f.put("path", path);
            actions(f.putArray("actions"), actions);
        });
        ArrayNode units = dp.putArray("units");
        snapshot.policies().units().forEach((unit, actions) -> {
            ObjectNode u = units.addObject();
            u.put("name", unit);
            actions(u.putArray("actions"), actions);
        });
        actions(dp.putArray("sshKey"), snapshot.policies().sshKey());
        ArrayNode pdbs = root.putArray("pdbs");
        for (Pdb pdb : snapshot.pdbs()) {
            ObjectNode o = pdbs.addObject();
            o.put("name", pdb.name());
            strings(o.putObject("selector"), pdb.selector());
            budget(o, "minAvailable", pdb.minAvailable());
            budget(o, "maxUnavailable", pdb.maxUnavailable());
        }
        ArrayNode windows = root.putArray("windows");
        for (MaintenanceWindow w : snapshot.windows()) {
            ObjectNode o = windows.addObject();
            ArrayNode days = o.putArray("days");
            for (DayOfWeek d : new TreeSet<>(w.days())) {
                String n = d.name();
                days.add(n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT));
            }
            o.put(
                    "start",
                    String.format(
                            Locale.ROOT,
                            "%02d:%02d",
                            w.start().getHour(),
                            w.start().getMinute()));
            o.put("lengthMinutes", w.lengthMinutes());
            o.put("timeZone", w.timeZone().getId());
            w.pools().forEach(o.putArray("pools")::add);
        }
        ArrayNode locks = root.putArray("locks");
        for (LockGroup g : snapshot.locks()) {
            ObjectNode o = locks.addObject();
            o.put("group", g.group());
            o.put("slots", g.slots());
            g.holders().forEach(o.putArray("holders")::add);
        }
        if (snapshot.limits().maxUnavailable() != null || snapshot.limits().maxUnavailablePerZone() != null) {
            ObjectNode o = root.putObject("limits");
            budget(o, "maxUnavailable", snapshot.limits().maxUnavailable());
            budget(o, "maxUnavailablePerZone", snapshot.limits().maxUnavailablePerZone());
        }
        return Json.pretty(root) + "\n";
    }

    static void target(ObjectNode o, Target t) {
        o.put("config", t.config());
        putIfSet(o, "osImage", t.osImage());
    }

    static void putIfSet(ObjectNode o, String name, @Nullable String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static void budget(ObjectNode o, String name, @Nullable MaxUnavailable value) {
        if (value instanceof MaxUnavailable.Count count) {
            o.put(name, count.value());
        } else if (value instanceof MaxUnavailable.Percent) {
            o.put(name, value.toString());
        }
    }

    static void strings(ObjectNode o, Map<String, String> values) {
        new TreeMap<>(values).forEach(o::put);
    }

    static void actions(ArrayNode out, List<DisruptionAction> actions) {
        for (DisruptionAction a : actions) {
            ObjectNode o = out.addObject();
            o.put("type", a.type().wireName());
            putIfSet(o, "unit", a.unit());
        }
    }
}
