package dev.coreos4j.planner.json;

import static dev.coreos4j.planner.json.JsonFields.array;
import static dev.coreos4j.planner.json.JsonFields.bool;
import static dev.coreos4j.planner.json.JsonFields.budget;
import static dev.coreos4j.planner.json.JsonFields.instant;
import static dev.coreos4j.planner.json.JsonFields.object;
import static dev.coreos4j.planner.json.JsonFields.oneLine;
import static dev.coreos4j.planner.json.JsonFields.optString;
import static dev.coreos4j.planner.json.JsonFields.required;
import static dev.coreos4j.planner.json.JsonFields.string;
import static dev.coreos4j.planner.json.JsonFields.stringList;
import static dev.coreos4j.planner.json.JsonFields.stringMap;
import static dev.coreos4j.planner.json.MachineConfigJson.machineConfig;
import static dev.coreos4j.planner.json.MachineConfigJson.rendered;
import static dev.coreos4j.planner.json.SnapshotWriter.budget;

import dev.coreos4j.planner.DisruptionAction;
import dev.coreos4j.planner.DisruptionPolicies;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.Limits;
import dev.coreos4j.planner.LockGroup;
import dev.coreos4j.planner.MaintenanceWindow;
import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.Node;
import dev.coreos4j.planner.NodeState;
import dev.coreos4j.planner.Pdb;
import dev.coreos4j.planner.Pod;
import dev.coreos4j.planner.Pool;
import dev.coreos4j.planner.RenderedConfig;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Target;
import dev.coreos4j.planner.Topology;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.JsonNode;
import dev.coreos4j.planner.internal.json.JsonSyntaxException;
import dev.coreos4j.planner.render.ConfigDerivation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the snapshot JSON format (see {@link PlannerJson}): strict about types and values, lenient about unknown
 * fields; every error names the JSON path.
 */
final class SnapshotReader {
    private SnapshotReader() {}

    static Snapshot readSnapshot(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonSyntaxException e) {
            String where = !e.hasLocation() ? "" : " at line " + e.line() + ", column " + e.column();
            throw new InvalidSnapshotException("$", "malformed JSON" + where + ": " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSnapshotException("$", "expected a JSON object");
        }
        Instant now = instant(required(root, "now", "$"), "$.now");
        List<Pool> pools = new ArrayList<>();
        Set<String> poolNames = new HashSet<>();
        JsonNode poolsNode = root.get("pools");
        if (poolsNode == null || poolsNode.isNull()) {
            throw new InvalidSnapshotException("$.pools", "required field is missing");
        }
        int i = 0;
        for (JsonNode p : array(poolsNode, "$.pools")) {
            String at = "$.pools[" + i++ + "]";
            Pool pool = pool(p, at);
            if (!poolNames.add(pool.name())) {
                throw new InvalidSnapshotException(at + ".name", "duplicate pool name \"" + pool.name() + "\"");
            }
            pools.add(pool);
        }
        Set<String> lockGroups = new HashSet<>();
        List<LockGroup> locks = new ArrayList<>();
        i = 0;
        for (JsonNode l : array(root.get("locks"), "$.locks")) {
            String at = "$.locks[" + i++ + "]";
            LockGroup g = lockGroup(l, at);
            if (!lockGroups.add(g.group())) {
                throw new InvalidSnapshotException(at + ".group", "duplicate lock group \"" + g.group() + "\"");
            }
            locks.add(g);
        }
        for (int k = 0; k < pools.size(); k++) {
            String g = pools.get(k).lockGroup();
            if (g != null && !lockGroups.contains(g)) {
                throw new InvalidSnapshotException("$.pools[" + k + "].lockGroup", "unknown lock group \"" + g + "\"");
            }
        }
        List<Node> nodes = new ArrayList<>();
        Set<String> nodeNames = new HashSet<>();
        JsonNode nodesNode = root.get("nodes");
        if (nodesNode == null || nodesNode.isNull()) {
            throw new InvalidSnapshotException("$.nodes", "required field is missing");
        }
        i = 0;
        for (JsonNode n : array(nodesNode, "$.nodes")) {
            String at = "$.nodes[" + i++ + "]";
            Node node = node(n, at);
            if (!nodeNames.add(node.name())) {
                throw new InvalidSnapshotException(at + ".name", "duplicate node name \"" + node.name() + "\"");
            }
            if (node.pool() != null && !poolNames.contains(node.pool())) {
                throw new InvalidSnapshotException(at + ".pool", "unknown pool \"" + node.pool() + "\"");
            }
            nodes.add(node);
        }
        for (int k = 0; k < pools.size(); k++) {
            String d = pools.get(k).deferredNode();
            if (d != null && !nodeNames.contains(d)) {
                throw new InvalidSnapshotException("$.pools[" + k + "].deferredNode", "unknown node \"" + d + "\"");
            }
        }
        Map<String, RenderedConfig> configs = new TreeMap<>();
        JsonNode cfgs = root.get("configs");
        if (cfgs != null && !cfgs.isNull()) {
            object(cfgs, "$.configs");
            for (Map.Entry<String, JsonNode> e : cfgs.properties()) {
                configs.put(e.getKey(), config(e.getValue(), "$.configs." + e.getKey()));
            }
        }
        DisruptionPolicies policies = DisruptionPolicies.defaults();
        JsonNode dp = root.get("disruptionPolicies");
        if (dp != null && !dp.isNull()) {
            policies = policies.overriddenBy(policies(dp, "$.disruptionPolicies"));
        }
        List<Pdb> pdbs = new ArrayList<>();
        Set<String> pdbNames = new HashSet<>();
        i = 0;
        for (JsonNode p : array(root.get("pdbs"), "$.pdbs")) {
            String at = "$.pdbs[" + i++ + "]";
            Pdb pdb = pdb(p, at);
            if (!pdbNames.add(pdb.name())) {
                throw new InvalidSnapshotException(at + ".name", "duplicate PDB name \"" + pdb.name() + "\"");
            }
            pdbs.add(pdb);
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        i = 0;
        for (JsonNode w : array(root.get("windows"), "$.windows")) {
            String at = "$.windows[" + i++ + "]";
            MaintenanceWindow window = window(w, at);
            for (String p : window.pools()) {
                if (!poolNames.contains(p)) {
                    throw new InvalidSnapshotException(at + ".pools", "unknown pool \"" + p + "\"");
                }
            }
            windows.add(window);
        }
        Limits limits = Limits.NONE;
        JsonNode lim = root.get("limits");
        if (lim != null && !lim.isNull()) {
            object(lim, "$.limits");
            limits = new Limits(
                    budget(lim.get("maxUnavailable"), "$.limits.maxUnavailable", null),
                    budget(lim.get("maxUnavailablePerZone"), "$.limits.maxUnavailablePerZone", null));
        }
        Topology topology = Topology.HIGHLY_AVAILABLE;
        String top = optString(root.get("topology"), "$.topology");
        if (top != null) {
            try {
                topology = Topology.fromJsonName(top);
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException("$.topology", e.getMessage());
            }
        }
        boolean accept = bool(root.get("acceptAvailabilityLoss"), "$.acceptAvailabilityLoss", false);
        try {
            return new Snapshot(now, pools, nodes, configs, policies, pdbs, windows, locks, limits, topology, accept);
        } catch (IllegalArgumentException e) {
            throw new InvalidSnapshotException("$", e.getMessage());
        }
    }

    static Pool pool(JsonNode p, String at) {
        object(p, at);
        String name = string(required(p, "name", at), at + ".name");
        MaxUnavailable max = budget(p.get("maxUnavailable"), at + ".maxUnavailable", MaxUnavailable.DEFAULT);
        Target target = target(required(p, "target", at), at + ".target");
        JsonNode prev = p.get("previous");
        Target previous = prev == null || prev.isNull() ? null : target(prev, at + ".previous");
        String order = optString(p.get("updateOrder"), at + ".updateOrder");
        boolean newestFirst = false;
        if (order != null) {
            if (order.equals("NewestFirst")) {
                newestFirst = true;
            } else if (!order.equals("OldestFirst")) {
                throw new InvalidSnapshotException(
                        at + ".updateOrder", "must be OldestFirst or NewestFirst, got \"" + order + "\"");
            }
        }
        String lockGroup = optString(p.get("lockGroup"), at + ".lockGroup");
        try {
            return new Pool(
                    name,
                    bool(p.get("controlPlane"), at + ".controlPlane", false),
                    max,
                    bool(p.get("paused"), at + ".paused", false),
                    bool(p.get("aborted"), at + ".aborted", false),
                    target,
                    previous,
                    newestFirst,
                    optString(p.get("deferredNode"), at + ".deferredNode"),
                    budget(p.get("failureThreshold"), at + ".failureThreshold", null),
                    lockGroup);
        } catch (IllegalArgumentException e) {
            throw new InvalidSnapshotException(at, e.getMessage());
        }
    }

    static Target target(JsonNode t, String at) {
        object(t, at);
        String config = string(required(t, "config", at), at + ".config");
        String image = optString(t.get("osImage"), at + ".osImage");
        if (config.isBlank()) {
            throw new InvalidSnapshotException(at + ".config", "must not be blank");
        }
        if (image != null && image.isBlank()) {
            throw new InvalidSnapshotException(at + ".osImage", "must not be blank");
        }
        return new Target(config, image);
    }

    static Node node(JsonNode n, String at) {
        object(n, at);
        String name = string(required(n, "name", at), at + ".name");
        if (name.isBlank()) {
            throw new InvalidSnapshotException(at + ".name", "must not be blank");
        }
        String current = string(required(n, "currentConfig", at), at + ".currentConfig");
        if (current.isBlank()) {
            throw new InvalidSnapshotException(at + ".currentConfig", "must not be blank");
        }
        String desired = optString(n.get("desiredConfig"), at + ".desiredConfig");
        if (desired != null && desired.isBlank()) {
            throw new InvalidSnapshotException(at + ".desiredConfig", "must not be blank");
        }
        String currentImage = image(n, "currentImage", at);
        String desiredImage = image(n, "desiredImage", at);
        JsonNode created = n.get("created");
        Instant createdAt = created == null || created.isNull() ? Instant.EPOCH : instant(created, at + ".created");
        NodeState state = NodeState.DONE;
        String stateText = optString(n.get("state"), at + ".state");
        if (stateText != null) {
            try {
                state = NodeState.parse(stateText);
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException(at + ".state", e.getMessage());
            }
        }
        List<Pod> pods = new ArrayList<>();
        int i = 0;
        for (JsonNode p : array(n.get("pods"), at + ".pods")) {
            String pat = at + ".pods[" + i++ + "]";
            object(p, pat);
            pods.add(new Pod(
                    string(required(p, "name", pat), pat + ".name"), stringMap(p.get("labels"), pat + ".labels")));
        }
        boolean unschedulable = bool(n.get("unschedulable"), at + ".unschedulable", false);
        try {
            return node(
                    n, at, name, current, desired, currentImage, desiredImage, createdAt, state, unschedulable, pods);
        } catch (IllegalArgumentException e) {
            throw new InvalidSnapshotException(at, e.getMessage());
        }
    }

    /**
     * An image annotation ({@code currentImage} or {@code desiredImage}): absent or {@code null} is no image (the node
     * is not in image mode); a blank string is an error, never "no image".
     */
    static String image(JsonNode n, String field, String at) {
        String image = optString(n.get(field), at + "." + field);
        if (image != null && image.isBlank()) {
            throw new InvalidSnapshotException(
                    at + "." + field, "must not be blank (omit it or use null for no " + "image)");
        }
        return image;
    }

    static Node node(
            JsonNode n,
            String at,
            String name,
            String current,
            String desired,
            String currentImage,
            String desiredImage,
            Instant createdAt,
            NodeState state,
            boolean unschedulable,
            List<Pod> pods) {
        return new Node(
                name,
                optString(n.get("pool"), at + ".pool"),
                optString(n.get("zone"), at + ".zone"),
                createdAt,
                bool(n.get("ready"), at + ".ready", true),
                unschedulable,
                optString(n.get("cordonedBy"), at + ".cordonedBy"),
                current,
                desired == null ? current : desired,
                currentImage,
                desiredImage == null && !n.has("desiredImage") ? currentImage : desiredImage,
                state,
                optString(n.get("reason"), at + ".reason"),
                bool(n.get("drained"), at + ".drained", false),
                bool(n.get("staged"), at + ".staged", false),
                pods);
    }

    /** Fields of the hash form of a {@code configs} entry. */
    static final List<String> HASH_FIELDS =
            List.of("files", "units", "users", "storage", "osImage", "fixed", "refused");

    static RenderedConfig config(JsonNode c, String at) {
        object(c, at);
        boolean ignition = c.has("ignition");
        boolean rendered = c.has("machineConfigs");
        if (ignition && rendered) {
            throw new InvalidSnapshotException(at, "give either ignition or machineConfigs, not both");
        }
        if (ignition || rendered) {
            for (String f : HASH_FIELDS) {
                if (c.has(f)) {
                    throw new InvalidSnapshotException(
                            at + "." + f,
                            "hash fields cannot be combined with " + (ignition ? "ignition" : "machineConfigs"));
                }
            }
        }
        if (ignition) {
            return ConfigDerivation.of(machineConfig(c, at, false));
        }
        if (rendered) {
            return ConfigDerivation.of(rendered(c, at).machineConfig());
        }
        Map<String, Map<String, String>> storage = new TreeMap<>();
        JsonNode st = c.get("storage");
        if (st != null && !st.isNull()) {
            object(st, at + ".storage");
            for (Map.Entry<String, JsonNode> e : st.properties()) {
                if (!RenderedConfig.STORAGE_SECTIONS.contains(e.getKey())) {
                    throw new InvalidSnapshotException(
                            at + ".storage." + e.getKey(),
                            "must be one of disks, filesystems, raid, directories, links");
                }
                storage.put(e.getKey(), stringMap(e.getValue(), at + ".storage." + e.getKey()));
            }
        }
        String kernelType = optString(c.get("kernelType"), at + ".kernelType");
        if (kernelType != null && !Set.of("default", "realtime", "64k-pages").contains(kernelType)) {
            throw new InvalidSnapshotException(
                    at + ".kernelType", "must be default, realtime or 64k-pages, got \"" + kernelType + "\"");
        }
        return new RenderedConfig(
                stringMap(c.get("files"), at + ".files"),
                stringMap(c.get("units"), at + ".units"),
                stringList(c.get("kernelArguments"), at + ".kernelArguments"),
                stringList(c.get("extensions"), at + ".extensions"),
                bool(c.get("fips"), at + ".fips", false),
                kernelType,
                optString(c.get("osImage"), at + ".osImage"),
                stringMap(c.get("users"), at + ".users"),
                storage,
                stringMap(c.get("fixed"), at + ".fixed"),
                new TreeSet<>(stringList(c.get("refused"), at + ".refused")));
    }

    static DisruptionPolicies policies(JsonNode d, String at) {
        object(d, at);
        Map<String, List<DisruptionAction>> files = new TreeMap<>();
        int i = 0;
        for (JsonNode f : array(d.get("files"), at + ".files")) {
            String fat = at + ".files[" + i++ + "]";
            object(f, fat);
            String path = string(required(f, "path", fat), fat + ".path");
            if (!path.startsWith("/")) {
                throw new InvalidSnapshotException(fat + ".path", "must be absolute, got \"" + path + "\"");
            }
            files.put(path, actions(required(f, "actions", fat), fat + ".actions"));
        }
        Map<String, List<DisruptionAction>> units = new TreeMap<>();
        i = 0;
        for (JsonNode u : array(d.get("units"), at + ".units")) {
            String uat = at + ".units[" + i++ + "]";
            object(u, uat);
            units.put(
                    string(required(u, "name", uat), uat + ".name"),
                    actions(required(u, "actions", uat), uat + ".actions"));
        }
        JsonNode ssh = d.get("sshKey");
        List<DisruptionAction> sshKey =
                ssh == null || ssh.isNull() ? List.of(DisruptionAction.NONE) : actions(ssh, at + ".sshKey");
        try {
            return new DisruptionPolicies(files, units, sshKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidSnapshotException(at, e.getMessage());
        }
    }

    static List<DisruptionAction> actions(JsonNode a, String at) {
        List<DisruptionAction> out = new ArrayList<>();
        int i = 0;
        for (JsonNode x : array(a, at)) {
            String xat = at + "[" + i++ + "]";
            object(x, xat);
            String type = string(required(x, "type", xat), xat + ".type");
            DisruptionAction.Type t;
            try {
                t = DisruptionAction.Type.parse(type);
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException(
                        xat + ".type",
                        "must be one of Reboot, Drain, Reload, Restart," + " DaemonReload, None, got \"" + type + "\"");
            }
            try {
                out.add(new DisruptionAction(t, optString(x.get("unit"), xat + ".unit")));
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException(xat, e.getMessage());
            }
        }
        if (out.isEmpty() || out.size() > 10) {
            throw new InvalidSnapshotException(at, "needs 1 to 10 actions, got " + out.size());
        }
        for (DisruptionAction x : out) {
            if ((x.type() == DisruptionAction.Type.REBOOT || x.type() == DisruptionAction.Type.NONE)
                    && out.size() > 1) {
                throw new InvalidSnapshotException(at, x.type() + " must stand alone");
            }
        }
        return out;
    }

    static Pdb pdb(JsonNode p, String at) {
        object(p, at);
        String name = string(required(p, "name", at), at + ".name");
        MaxUnavailable min = budget(p.get("minAvailable"), at + ".minAvailable", null);
        MaxUnavailable max = budget(p.get("maxUnavailable"), at + ".maxUnavailable", null);
        if ((min == null) == (max == null)) {
            throw new InvalidSnapshotException(at, "set exactly one of minAvailable, maxUnavailable");
        }
        return new Pdb(name, stringMap(p.get("selector"), at + ".selector"), min, max);
    }

    static MaintenanceWindow window(JsonNode w, String at) {
        object(w, at);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : stringList(required(w, "days", at), at + ".days")) {
            days.add(day(d, at + ".days"));
        }
        if (days.isEmpty()) {
            throw new InvalidSnapshotException(at + ".days", "needs at least one day");
        }
        String startText = string(required(w, "start", at), at + ".start");
        LocalTime start;
        try {
            if (!startText.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeException("bad");
            }
            start = LocalTime.parse(startText);
        } catch (DateTimeException e) {
            throw new InvalidSnapshotException(at + ".start", "must be HH:MM, got \"" + startText + "\"");
        }
        JsonNode len = required(w, "lengthMinutes", at);
        if (!len.isIntegralNumber() || !len.canConvertToInt() || len.intValue() < 1 || len.intValue() > 10080) {
            throw new InvalidSnapshotException(at + ".lengthMinutes", "must be an integer from 1 to 10080");
        }
        String tz = optString(w.get("timeZone"), at + ".timeZone");
        ZoneId zone;
        try {
            zone = tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidSnapshotException(at + ".timeZone", "unknown time zone \"" + tz + "\"");
        }
        return new MaintenanceWindow(
                days, start, len.intValue(), zone, new TreeSet<>(stringList(w.get("pools"), at + ".pools")));
    }

    static DayOfWeek day(String d, String at) {
        String t = d.toLowerCase(Locale.ROOT);
        for (DayOfWeek w : DayOfWeek.values()) {
            String full = w.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return w;
            }
        }
        throw new InvalidSnapshotException(at, "unknown day \"" + d + "\" (use Mon..Sun or Monday..Sunday)");
    }

    static LockGroup lockGroup(JsonNode l, String at) {
        object(l, at);
        String group = string(required(l, "group", at), at + ".group");
        if (!group.matches("[a-zA-Z0-9.-]+")) {
            throw new InvalidSnapshotException(at + ".group", "must match ^[a-zA-Z0-9.-]+$, got \"" + group + "\"");
        }
        JsonNode slots = l.get("slots");
        int n = 1;
        if (slots != null && !slots.isNull()) {
            if (!slots.isIntegralNumber() || !slots.canConvertToInt() || slots.intValue() < 1) {
                throw new InvalidSnapshotException(at + ".slots", "must be an integer of at least 1");
            }
            n = slots.intValue();
        }
        return new LockGroup(group, n, new TreeSet<>(stringList(l.get("holders"), at + ".holders")));
    }
}
