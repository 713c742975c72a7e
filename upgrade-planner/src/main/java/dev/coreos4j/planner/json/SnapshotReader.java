package dev.coreos4j.planner.json;

import static dev.coreos4j.planner.json.JsonFields.array;
import static dev.coreos4j.planner.json.JsonFields.bool;
import static dev.coreos4j.planner.json.JsonFields.budget;
import static dev.coreos4j.planner.json.JsonFields.instant;
import static dev.coreos4j.planner.json.JsonFields.object;
import static dev.coreos4j.planner.json.JsonFields.oneLine;
import static dev.coreos4j.planner.json.JsonFields.optBudget;
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
import dev.coreos4j.problem.Problems;
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
import org.jspecify.annotations.Nullable;

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
            throw SnapshotRule.JSON_SYNTAX.exception("$", "malformed JSON" + where + ": " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw SnapshotRule.FIELD_TYPE.exception("$", "expected a JSON object");
        }
        SnapshotProblems found = new SnapshotProblems();
        Instant now = found.read(() -> instant(required(root, "now", "$"), "$.now"));
        List<Pool> pools = new ArrayList<>();
        Set<String> poolNames = new HashSet<>();
        // Whether every item of a list was read: only then can references to its names be checked.
        boolean poolsRead = false;
        JsonNode poolsNode = root.get("pools");
        if (poolsNode == null || poolsNode.isNull()) {
            found.add(SnapshotRule.FIELD_MISSING, "$.pools", "required field is missing");
        } else {
            Iterable<JsonNode> items = found.read(() -> array(poolsNode, "$.pools"));
            poolsRead = items != null;
            int i = 0;
            for (JsonNode p : items == null ? List.<JsonNode>of() : items) {
                String at = "$.pools[" + i++ + "]";
                Pool pool = found.read(() -> pool(p, at));
                if (pool == null) {
                    poolsRead = false;
                } else if (!poolNames.add(pool.name())) {
                    found.add(SnapshotRule.NAME_DUPLICATE, at + ".name", "duplicate pool name \"" + pool.name() + "\"");
                } else {
                    pools.add(pool);
                }
            }
        }
        Set<String> lockGroups = new HashSet<>();
        List<LockGroup> locks = new ArrayList<>();
        Iterable<JsonNode> lockItems = found.read(() -> array(root.get("locks"), "$.locks"));
        boolean locksRead = lockItems != null;
        int i = 0;
        for (JsonNode l : lockItems == null ? List.<JsonNode>of() : lockItems) {
            String at = "$.locks[" + i++ + "]";
            LockGroup g = found.read(() -> lockGroup(l, at));
            if (g == null) {
                locksRead = false;
            } else if (!lockGroups.add(g.group())) {
                found.add(SnapshotRule.NAME_DUPLICATE, at + ".group", "duplicate lock group \"" + g.group() + "\"");
            } else {
                locks.add(g);
            }
        }
        if (poolsRead && locksRead) {
            for (int k = 0; k < pools.size(); k++) {
                String g = pools.get(k).lockGroup();
                if (g != null && !lockGroups.contains(g)) {
                    found.add(
                            SnapshotRule.REFERENCE_UNKNOWN,
                            "$.pools[" + k + "].lockGroup",
                            "unknown lock group \"" + g + "\"");
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        Set<String> nodeNames = new HashSet<>();
        boolean nodesRead = false;
        JsonNode nodesNode = root.get("nodes");
        if (nodesNode == null || nodesNode.isNull()) {
            found.add(SnapshotRule.FIELD_MISSING, "$.nodes", "required field is missing");
        } else {
            Iterable<JsonNode> items = found.read(() -> array(nodesNode, "$.nodes"));
            nodesRead = items != null;
            i = 0;
            for (JsonNode n : items == null ? List.<JsonNode>of() : items) {
                String at = "$.nodes[" + i++ + "]";
                Node node = found.read(() -> node(n, at));
                if (node == null) {
                    nodesRead = false;
                    continue;
                }
                if (!nodeNames.add(node.name())) {
                    found.add(SnapshotRule.NAME_DUPLICATE, at + ".name", "duplicate node name \"" + node.name() + "\"");
                } else if (poolsRead && node.pool() != null && !poolNames.contains(node.pool())) {
                    found.add(SnapshotRule.REFERENCE_UNKNOWN, at + ".pool", "unknown pool \"" + node.pool() + "\"");
                } else {
                    nodes.add(node);
                }
            }
        }
        if (nodesRead) {
            for (int k = 0; k < pools.size(); k++) {
                String d = pools.get(k).deferredNode();
                if (d != null && !nodeNames.contains(d)) {
                    found.add(
                            SnapshotRule.REFERENCE_UNKNOWN,
                            "$.pools[" + k + "].deferredNode",
                            "unknown node \"" + d + "\"");
                }
            }
        }
        Map<String, RenderedConfig> configs = new TreeMap<>();
        JsonNode cfgs = root.get("configs");
        if (cfgs != null && !cfgs.isNull() && found.read(() -> object(cfgs, "$.configs"))) {
            for (Map.Entry<String, JsonNode> e : cfgs.properties()) {
                RenderedConfig c =
                        found.read(() -> config(e.getValue(), "$.configs" + JsonNode.segment(e.getKey(), 0)));
                if (c != null) {
                    configs.put(e.getKey(), c);
                }
            }
        }
        DisruptionPolicies policies = DisruptionPolicies.defaults();
        JsonNode dp = root.get("disruptionPolicies");
        if (dp != null && !dp.isNull()) {
            DisruptionPolicies given = found.read(() -> policies(dp, "$.disruptionPolicies"));
            if (given != null) {
                policies = policies.overriddenBy(given);
            }
        }
        List<Pdb> pdbs = new ArrayList<>();
        Set<String> pdbNames = new HashSet<>();
        Iterable<JsonNode> pdbItems = found.read(() -> array(root.get("pdbs"), "$.pdbs"));
        i = 0;
        for (JsonNode p : pdbItems == null ? List.<JsonNode>of() : pdbItems) {
            String at = "$.pdbs[" + i++ + "]";
            Pdb pdb = found.read(() -> pdb(p, at));
            if (pdb == null) {
                continue;
            }
            if (!pdbNames.add(pdb.name())) {
                found.add(SnapshotRule.NAME_DUPLICATE, at + ".name", "duplicate PDB name \"" + pdb.name() + "\"");
            } else {
                pdbs.add(pdb);
            }
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        Iterable<JsonNode> windowItems = found.read(() -> array(root.get("windows"), "$.windows"));
        i = 0;
        for (JsonNode w : windowItems == null ? List.<JsonNode>of() : windowItems) {
            String at = "$.windows[" + i++ + "]";
            MaintenanceWindow window = found.read(() -> window(w, at));
            if (window == null) {
                continue;
            }
            for (String p : poolsRead ? window.pools() : List.<String>of()) {
                if (!poolNames.contains(p)) {
                    found.add(SnapshotRule.REFERENCE_UNKNOWN, at + ".pools", "unknown pool \"" + p + "\"");
                    break;
                }
            }
            windows.add(window);
        }
        Limits limits = Limits.NONE;
        JsonNode lim = root.get("limits");
        if (lim != null && !lim.isNull()) {
            Limits given = found.read(() -> {
                object(lim, "$.limits");
                return new Limits(
                        optBudget(lim.get("maxUnavailable"), "$.limits.maxUnavailable"),
                        optBudget(lim.get("maxUnavailablePerZone"), "$.limits.maxUnavailablePerZone"));
            });
            limits = given == null ? Limits.NONE : given;
        }
        Topology topology = found.read(() -> topology(optString(root.get("topology"), "$.topology")));
        Boolean accept = found.read(() -> bool(root.get("acceptAvailabilityLoss"), "$.acceptAvailabilityLoss", false));
        if (!found.problems.isEmpty() || now == null || topology == null || accept == null) {
            throw new InvalidSnapshotException(new Problems(found.problems));
        }
        try {
            return new Snapshot(now, pools, nodes, configs, policies, pdbs, windows, locks, limits, topology, accept);
        } catch (IllegalArgumentException e) {
            throw SnapshotRule.INCONSISTENT.exception("$", e.getMessage());
        }
    }

    private static Topology topology(@Nullable String name) {
        if (name == null) {
            return Topology.HIGHLY_AVAILABLE;
        }
        try {
            return Topology.fromJsonName(name);
        } catch (IllegalArgumentException e) {
            throw SnapshotRule.FIELD_VALUE.exception("$.topology", e.getMessage());
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
                throw SnapshotRule.FIELD_VALUE.exception(
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
                    optBudget(p.get("failureThreshold"), at + ".failureThreshold"),
                    lockGroup);
        } catch (IllegalArgumentException e) {
            throw SnapshotRule.INCONSISTENT.exception(at, e.getMessage());
        }
    }

    static Target target(JsonNode t, String at) {
        object(t, at);
        String config = string(required(t, "config", at), at + ".config");
        String image = optString(t.get("osImage"), at + ".osImage");
        if (config.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".config", "must not be blank");
        }
        if (image != null && image.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".osImage", "must not be blank");
        }
        return new Target(config, image);
    }

    static Node node(JsonNode n, String at) {
        object(n, at);
        String name = string(required(n, "name", at), at + ".name");
        if (name.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".name", "must not be blank");
        }
        String current = string(required(n, "currentConfig", at), at + ".currentConfig");
        if (current.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".currentConfig", "must not be blank");
        }
        String desired = optString(n.get("desiredConfig"), at + ".desiredConfig");
        if (desired != null && desired.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".desiredConfig", "must not be blank");
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
                throw SnapshotRule.FIELD_VALUE.exception(at + ".state", e.getMessage());
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
            throw SnapshotRule.INCONSISTENT.exception(at, e.getMessage());
        }
    }

    /**
     * An image annotation ({@code currentImage} or {@code desiredImage}): absent or {@code null} is no image (the node
     * is not in image mode); a blank string is an error, never "no image".
     */
    static @Nullable String image(JsonNode n, String field, String at) {
        String image = optString(n.get(field), at + "." + field);
        if (image != null && image.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(
                    at + "." + field, "must not be blank (omit it or use null for no " + "image)");
        }
        return image;
    }

    static Node node(
            JsonNode n,
            String at,
            String name,
            String current,
            @Nullable String desired,
            @Nullable String currentImage,
            @Nullable String desiredImage,
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
            throw SnapshotRule.FIELD_VALUE.exception(at, "give either ignition or machineConfigs, not both");
        }
        if (ignition || rendered) {
            for (String f : HASH_FIELDS) {
                if (c.has(f)) {
                    throw SnapshotRule.FIELD_VALUE.exception(
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
                    throw SnapshotRule.FIELD_VALUE.exception(
                            at + ".storage" + JsonNode.segment(e.getKey(), 0),
                            "must be one of disks, filesystems, raid, directories, links");
                }
                storage.put(e.getKey(), stringMap(e.getValue(), at + ".storage" + JsonNode.segment(e.getKey(), 0)));
            }
        }
        String kernelType = optString(c.get("kernelType"), at + ".kernelType");
        if (kernelType != null && !Set.of("default", "realtime", "64k-pages").contains(kernelType)) {
            throw SnapshotRule.FIELD_VALUE.exception(
                    at + ".kernelType", "must be default, realtime or 64k-pages, got \"" + kernelType + "\"");
        }
        return new RenderedConfig(
                stringMap(c.get("files"), at + ".files"),
                stringMap(c.get("units"), at + ".units"),
                stringList(c.get("kernelArguments"), at + ".kernelArguments"),
                stringList(c.get("extensions"), at + ".extensions"),
                bool(c.get("fips"), at + ".fips", false),
                kernelType == null ? "default" : kernelType,
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
                throw SnapshotRule.FIELD_VALUE.exception(fat + ".path", "must be absolute, got \"" + path + "\"");
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
            throw SnapshotRule.INCONSISTENT.exception(at, e.getMessage());
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
                throw SnapshotRule.FIELD_VALUE.exception(
                        xat + ".type",
                        "must be one of Reboot, Drain, Reload, Restart," + " DaemonReload, None, got \"" + type + "\"");
            }
            try {
                out.add(new DisruptionAction(t, optString(x.get("unit"), xat + ".unit")));
            } catch (IllegalArgumentException e) {
                throw SnapshotRule.INCONSISTENT.exception(xat, e.getMessage());
            }
        }
        if (out.isEmpty() || out.size() > 10) {
            throw SnapshotRule.FIELD_VALUE.exception(at, "needs 1 to 10 actions, got " + out.size());
        }
        for (DisruptionAction x : out) {
            if ((x.type() == DisruptionAction.Type.REBOOT || x.type() == DisruptionAction.Type.NONE)
                    && out.size() > 1) {
                throw SnapshotRule.FIELD_VALUE.exception(at, x.type() + " must stand alone");
            }
        }
        return out;
    }

    static Pdb pdb(JsonNode p, String at) {
        object(p, at);
        String name = string(required(p, "name", at), at + ".name");
        MaxUnavailable min = optBudget(p.get("minAvailable"), at + ".minAvailable");
        MaxUnavailable max = optBudget(p.get("maxUnavailable"), at + ".maxUnavailable");
        if ((min == null) == (max == null)) {
            throw SnapshotRule.FIELD_VALUE.exception(at, "set exactly one of minAvailable, maxUnavailable");
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
            throw SnapshotRule.FIELD_VALUE.exception(at + ".days", "needs at least one day");
        }
        String startText = string(required(w, "start", at), at + ".start");
        LocalTime start;
        try {
            if (!startText.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeException("bad");
            }
            start = LocalTime.parse(startText);
        } catch (DateTimeException e) {
            throw SnapshotRule.FIELD_VALUE.exception(at + ".start", "must be HH:MM, got \"" + startText + "\"");
        }
        JsonNode len = required(w, "lengthMinutes", at);
        if (!len.isIntegralNumber() || !len.canConvertToInt() || len.intValue() < 1 || len.intValue() > 10080) {
            throw SnapshotRule.FIELD_VALUE.exception(at + ".lengthMinutes", "must be an integer from 1 to 10080");
        }
        String tz = optString(w.get("timeZone"), at + ".timeZone");
        ZoneId zone;
        try {
            zone = tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw SnapshotRule.FIELD_VALUE.exception(at + ".timeZone", "unknown time zone \"" + tz + "\"");
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
        throw SnapshotRule.FIELD_VALUE.exception(at, "unknown day \"" + d + "\" (use Mon..Sun or Monday..Sunday)");
    }

    static LockGroup lockGroup(JsonNode l, String at) {
        object(l, at);
        String group = string(required(l, "group", at), at + ".group");
        if (!group.matches("[a-zA-Z0-9.-]+")) {
            throw SnapshotRule.FIELD_VALUE.exception(
                    at + ".group", "must match ^[a-zA-Z0-9.-]+$, got \"" + group + "\"");
        }
        JsonNode slots = l.get("slots");
        int n = 1;
        if (slots != null && !slots.isNull()) {
            if (!slots.isIntegralNumber() || !slots.canConvertToInt() || slots.intValue() < 1) {
                throw SnapshotRule.FIELD_VALUE.exception(at + ".slots", "must be an integer of at least 1");
            }
            n = slots.intValue();
        }
        return new LockGroup(group, n, new TreeSet<>(stringList(l.get("holders"), at + ".holders")));
    }
}
