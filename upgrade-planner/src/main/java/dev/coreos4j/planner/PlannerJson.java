package dev.coreos4j.planner;

import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.JsonNode;
import dev.coreos4j.planner.internal.json.JsonSyntaxException;
import dev.coreos4j.planner.internal.json.ObjectNode;
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
 * The snapshot JSON format (read) and the plan / next-step JSON formats (write). Reading is strict about types and
 * values and lenient about unknown fields; every error names the JSON path. Output is a function of the snapshot's
 * content only (never of input array order).
 *
 * <p>Snapshot: {@code now} (RFC 3339, required), {@code pools[]} ({@code name}, {@code controlPlane},
 * {@code maxUnavailable} int or "N%" (default 1), {@code paused}, {@code aborted}, {@code target{config,osImage}},
 * {@code previous{…}}, {@code updateOrder} OldestFirst|NewestFirst, {@code deferredNode}, {@code failureThreshold},
 * {@code lockGroup}), {@code nodes[]} ({@code name}, {@code pool}, {@code zone}, {@code created}, {@code ready}
 * (default true), {@code unschedulable}, {@code cordonedBy}, {@code currentConfig} (required), {@code desiredConfig}
 * (default current), {@code currentImage}, {@code desiredImage} (default current; an explicit {@code null} is no
 * desired image, MCO's node leaving image mode; images are never blank), {@code state} (default Done),
 * {@code reason}, {@code drained}, {@code staged}, {@code pods[{name,labels}]}), and optional {@code configs},
 * {@code disruptionPolicies}, {@code pdbs}, {@code windows}, {@code locks}, {@code limits}, {@code topology}
 * (HighlyAvailable (default), SingleReplica or HighlyAvailableArbiter) and {@code acceptAvailabilityLoss} (default
 * false).
 *
 * <p>A {@code configs} entry (name → rendered config) takes one of three forms: hashes ({@code files},
 * {@code units}, {@code users}, {@code storage}, {@code kernelArguments}, {@code extensions}, {@code fips},
 * {@code kernelType}, {@code osImage}); an Ignition config ({@code ignition} with {@code kernelArguments},
 * {@code extensions}, {@code fips}, {@code kernelType}, {@code osImageURL}), derived with
 * {@link RenderedConfig#of(MachineConfig)}; or MachineConfigs to render ({@code pool}, {@code osImageURL} = the
 * cluster's image, {@code osImageStream}, {@code machineConfigs[]} in {@link #readMachineConfig} form), rendered with {@link Renderer}.
 */
public final class PlannerJson {

    private PlannerJson() {}

    /**
     * Parses a snapshot document.
     *
     * @throws InvalidSnapshotException naming the JSON path of the first problem
     */
    public static Snapshot readSnapshot(String json) {
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

    // -------------------------------------------------------------------------------------------------- sections

    private static Pool pool(JsonNode p, String at) {
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

    private static Target target(JsonNode t, String at) {
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

    private static Node node(JsonNode n, String at) {
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
    private static String image(JsonNode n, String field, String at) {
        String image = optString(n.get(field), at + "." + field);
        if (image != null && image.isBlank()) {
            throw new InvalidSnapshotException(
                    at + "." + field, "must not be blank (omit it or use null for no " + "image)");
        }
        return image;
    }

    private static Node node(
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
    private static final List<String> HASH_FIELDS =
            List.of("files", "units", "users", "storage", "osImage", "fixed", "refused");

    private static RenderedConfig config(JsonNode c, String at) {
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
            return RenderedConfig.of(machineConfig(c, at, false));
        }
        if (rendered) {
            return RenderedConfig.of(rendered(c, at).machineConfig());
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

    // ------------------------------------------------------------------------------------------ MachineConfigs

    /**
     * Parses one MachineConfig document, in either shape:
     * <ul>
     *   <li>Kubernetes ({@code oc get mc NAME -o json}): {@code metadata.name}, {@code metadata.labels},
     *       {@code metadata.annotations} (the {@code machineconfiguration.openshift.io/generated-by-controller-version}
     *       annotation marks it generated), {@code spec.config} (an Ignition 3.x config, may be absent),
     *       {@code spec.kernelArguments}, {@code spec.extensions}, {@code spec.fips}, {@code spec.kernelType},
     *       {@code spec.osImageURL};</li>
     *   <li>flat: {@code name}, {@code labels}, {@code ignition}, {@code kernelArguments}, {@code extensions},
     *       {@code fips}, {@code kernelType}, {@code osImageURL}, {@code generated}.</li>
     * </ul>
     * The Ignition config is read with {@link dev.coreos4j.ignition.Ignition#parse(String)}; its errors are reported
     * at the snapshot path followed by the Ignition path ({@code $.ignition.storage.files[0].path}).
     *
     * @throws InvalidSnapshotException naming the JSON path of the first problem
     */
    public static MachineConfig readMachineConfig(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonSyntaxException e) {
            throw new InvalidSnapshotException("$", "malformed JSON: " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSnapshotException("$", "expected a JSON object");
        }
        return machineConfig(root, "$", true);
    }

    /** A MachineConfig object at {@code at}; {@code named}: the flat shape needs a name. */
    private static MachineConfig machineConfig(JsonNode m, String at, boolean named) {
        object(m, at);
        if (m.has("spec") || m.has("metadata")) {
            JsonNode meta = required(m, "metadata", at);
            object(meta, at + ".metadata");
            String name = string(required(meta, "name", at + ".metadata"), at + ".metadata.name");
            Map<String, String> annotations = stringMap(meta.get("annotations"), at + ".metadata.annotations");
            JsonNode spec = m.get("spec");
            String sat = at + ".spec";
            if (spec == null || spec.isNull()) {
                spec = new ObjectNode();
            }
            object(spec, sat);
            return machineConfig(
                    name,
                    stringMap(meta.get("labels"), at + ".metadata.labels"),
                    spec.get("config"),
                    sat + ".config",
                    spec,
                    sat,
                    annotations.containsKey(GENERATED_ANNOTATION));
        }
        String name = named ? string(required(m, "name", at), at + ".name") : optString(m.get("name"), at + ".name");
        return machineConfig(
                name == null ? "config" : name,
                stringMap(m.get("labels"), at + ".labels"),
                m.get("ignition"),
                at + ".ignition",
                m,
                at,
                bool(m.get("generated"), at + ".generated", false));
    }

    /** MCO's marker of a controller-generated MachineConfig. */
    private static final String GENERATED_ANNOTATION =
            "machineconfiguration.openshift.io/generated-by-controller-version";

    private static MachineConfig machineConfig(
            String name,
            Map<String, String> labels,
            JsonNode ignition,
            String iat,
            JsonNode fields,
            String at,
            boolean generated) {
        if (name.isBlank()) {
            throw new InvalidSnapshotException(at + ".name", "must not be blank");
        }
        dev.coreos4j.ignition.Config config = dev.coreos4j.ignition.Config.EMPTY;
        if (ignition != null && !ignition.isNull()) {
            object(ignition, iat);
            dev.coreos4j.ignition.ParseResult parsed = dev.coreos4j.ignition.Ignition.parse(Json.compact(ignition));
            if (!parsed.isValid()) {
                dev.coreos4j.problem.Problem e = parsed.report().errors().get(0);
                throw new InvalidSnapshotException(
                        ignitionPath(iat, dev.coreos4j.ignition.Report.dottedPath(e)),
                        "invalid Ignition config: " + e.message());
            }
            config = parsed.config();
        }
        String kernelType = optString(fields.get("kernelType"), at + ".kernelType");
        if (kernelType != null && !MachineConfig.KERNEL_TYPES.contains(kernelType)) {
            throw new InvalidSnapshotException(
                    at + ".kernelType", "must be default, realtime or 64k-pages, got \"" + kernelType + "\"");
        }
        String image = optString(fields.get("osImageURL"), at + ".osImageURL");
        return new MachineConfig(
                name,
                labels,
                config,
                stringList(fields.get("kernelArguments"), at + ".kernelArguments"),
                stringList(fields.get("extensions"), at + ".extensions"),
                bool(fields.get("fips"), at + ".fips", false),
                kernelType,
                image,
                generated);
    }

    /** The snapshot path of an Ignition path: {@code $.storage.files.0.path} → {@code at.storage.files[0].path}. */
    static String ignitionPath(String at, String ignitionPath) {
        if (ignitionPath == null || ignitionPath.equals("$")) {
            return at;
        }
        return at + ignitionPath.substring(1).replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }

    /**
     * A {@code configs} entry in the render form: {@code pool}, {@code osImageURL} (the cluster's image),
     * {@code osImageStream}, {@code machineConfigs[]}.
     */
    private static Rendering rendered(JsonNode c, String at) {
        String pool = optString(c.get("pool"), at + ".pool");
        if (pool != null && pool.isBlank()) {
            throw new InvalidSnapshotException(at + ".pool", "must not be blank");
        }
        List<MachineConfig> mcs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int i = 0;
        for (JsonNode m : array(c.get("machineConfigs"), at + ".machineConfigs")) {
            String mat = at + ".machineConfigs[" + i++ + "]";
            mcs.add(machineConfig(m, mat, true));
            paths.add(mat);
        }
        try {
            return Renderer.render(
                    pool == null ? "pool" : pool,
                    mcs,
                    optString(c.get("osImageURL"), at + ".osImageURL"),
                    optString(c.get("osImageStream"), at + ".osImageStream"));
        } catch (RenderException e) {
            String where = at + ".machineConfigs";
            for (int k = 0; k < mcs.size(); k++) {
                if (mcs.get(k).name().equals(e.machineConfig())) {
                    where = paths.get(k);
                }
            }
            throw new InvalidSnapshotException(where, e.getMessage());
        }
    }

    private static DisruptionPolicies policies(JsonNode d, String at) {
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

    private static List<DisruptionAction> actions(JsonNode a, String at) {
        List<DisruptionAction> out = new ArrayList<>();
        int i = 0;
        for (JsonNode x : array(a, at)) {
            String xat = at + "[" + i++ + "]";
            object(x, xat);
            String type = string(required(x, "type", xat), xat + ".type");
            DisruptionAction.Type t;
            try {
                t = DisruptionAction.Type.valueOf(type);
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
            if ((x.type() == DisruptionAction.Type.Reboot || x.type() == DisruptionAction.Type.None)
                    && out.size() > 1) {
                throw new InvalidSnapshotException(at, x.type() + " must stand alone");
            }
        }
        return out;
    }

    private static Pdb pdb(JsonNode p, String at) {
        object(p, at);
        String name = string(required(p, "name", at), at + ".name");
        MaxUnavailable min = budget(p.get("minAvailable"), at + ".minAvailable", null);
        MaxUnavailable max = budget(p.get("maxUnavailable"), at + ".maxUnavailable", null);
        if ((min == null) == (max == null)) {
            throw new InvalidSnapshotException(at, "set exactly one of minAvailable, maxUnavailable");
        }
        return new Pdb(name, stringMap(p.get("selector"), at + ".selector"), min, max);
    }

    private static MaintenanceWindow window(JsonNode w, String at) {
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

    private static DayOfWeek day(String d, String at) {
        String t = d.toLowerCase(Locale.ROOT);
        for (DayOfWeek w : DayOfWeek.values()) {
            String full = w.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return w;
            }
        }
        throw new InvalidSnapshotException(at, "unknown day \"" + d + "\" (use Mon..Sun or Monday..Sunday)");
    }

    private static LockGroup lockGroup(JsonNode l, String at) {
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

    // -------------------------------------------------------------------------------------------------- scalars

    /** An int ({@code >= 0}) or a string ending in {@code %}; {@code fallback} when absent. */
    private static MaxUnavailable budget(JsonNode v, String at, MaxUnavailable fallback) {
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt()) {
                throw new InvalidSnapshotException(at, "is out of range");
            }
            if (v.intValue() < 0) {
                throw new InvalidSnapshotException(at, "must not be negative, got " + v.intValue());
            }
            return new MaxUnavailable.Count(v.intValue());
        }
        if (v.isString()) {
            String s = v.stringValue();
            if (!s.endsWith("%")) {
                throw new InvalidSnapshotException(at, "a string must be a percentage ending in %, got \"" + s + "\"");
            }
            try {
                return MaxUnavailable.parse(s);
            } catch (IllegalArgumentException e) {
                throw new InvalidSnapshotException(
                        at, "must be a non-negative percentage such as \"25%\", got \"" + s + "\"");
            }
        }
        throw new InvalidSnapshotException(
                at, "must be a non-negative integer or a percentage string such as" + " \"25%\"");
    }

    private static JsonNode required(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidSnapshotException(at + "." + field, "required field is missing");
        }
        return v;
    }

    private static void object(JsonNode v, String at) {
        if (!v.isObject()) {
            throw new InvalidSnapshotException(at, "expected an object");
        }
    }

    private static Iterable<JsonNode> array(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidSnapshotException(at, "expected an array");
        }
        return v.values();
    }

    private static String string(JsonNode v, String at) {
        if (!v.isString()) {
            throw new InvalidSnapshotException(at, "expected a string");
        }
        return v.stringValue();
    }

    private static String optString(JsonNode v, String at) {
        return v == null || v.isNull() ? null : string(v, at);
    }

    private static boolean bool(JsonNode v, String at, boolean fallback) {
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new InvalidSnapshotException(at, "expected true or false");
        }
        return v.booleanValue();
    }

    private static Instant instant(JsonNode v, String at) {
        String s = string(v, at);
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e2) {
                throw new InvalidSnapshotException(
                        at, "expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got \"" + s + "\"");
            }
        }
    }

    private static Map<String, String> stringMap(JsonNode v, String at) {
        Map<String, String> out = new TreeMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        object(v, at);
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            out.put(e.getKey(), string(e.getValue(), at + "." + e.getKey()));
        }
        return out;
    }

    private static List<String> stringList(JsonNode v, String at) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode x : array(v, at)) {
            out.add(string(x, at + "[" + i++ + "]"));
        }
        return out;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    // -------------------------------------------------------------------------------------------------- writing

    /**
     * {@code mc} as a Kubernetes MachineConfig object ({@code apiVersion}, {@code kind}, {@code metadata.name},
     * {@code metadata.labels}, {@code spec.config} written as Ignition 3.6.0, {@code spec.kernelArguments},
     * {@code spec.extensions}, {@code spec.fips}, {@code spec.kernelType}, {@code spec.osImageURL}), pretty-printed.
     * A generated MC carries the {@code generated-by-controller-version} annotation with the value {@code coreos4j}.
     * {@link #readMachineConfig} reads it back to an equal value (up to the Ignition version, which becomes 3.6.0).
     *
     * @throws dev.coreos4j.ignition.IgnitionException if the Ignition config cannot be written as 3.6.0
     */
    public static String writeMachineConfig(MachineConfig mc) {
        ObjectNode root = new ObjectNode();
        root.put("apiVersion", "machineconfiguration.openshift.io/v1");
        root.put("kind", "MachineConfig");
        ObjectNode meta = root.putObject("metadata");
        meta.put("name", mc.name());
        if (!mc.labels().isEmpty()) {
            ObjectNode labels = meta.putObject("labels");
            mc.labels().forEach(labels::put);
        }
        if (mc.generated()) {
            meta.putObject("annotations").put(GENERATED_ANNOTATION, "coreos4j");
        }
        ObjectNode spec = root.putObject("spec");
        spec.set("config", ignitionTree(mc.config()));
        ArrayNode kargs = spec.putArray("kernelArguments");
        mc.kernelArguments().forEach(kargs::add);
        ArrayNode ext = spec.putArray("extensions");
        mc.extensions().forEach(ext::add);
        spec.put("fips", mc.fips());
        spec.put("kernelType", mc.kernelType() == null ? "default" : mc.kernelType());
        if (mc.osImageURL() != null) {
            spec.put("osImageURL", mc.osImageURL());
        }
        return Json.pretty(root) + "\n";
    }

    /**
     * {@code config} written as Ignition JSON (3.6.0, or 3.7.0-experimental for such a config), pretty-printed with
     * a trailing newline.
     *
     * @throws dev.coreos4j.ignition.IgnitionException if the config cannot be written in that version
     */
    public static String writeIgnition(dev.coreos4j.ignition.Config config) {
        return Json.pretty(ignitionTree(config)) + "\n";
    }

    private static JsonNode ignitionTree(dev.coreos4j.ignition.Config config) {
        dev.coreos4j.ignition.SpecVersion v = dev.coreos4j.ignition.SpecVersion.V3_7_0_EXPERIMENTAL
                        .toString()
                        .equals(config.ignition().version())
                ? dev.coreos4j.ignition.SpecVersion.V3_7_0_EXPERIMENTAL
                : dev.coreos4j.ignition.SpecVersion.latestStable();
        byte[] json = dev.coreos4j.ignition.Ignition.write(config, v);
        return Json.parse(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * {@code snapshot} as snapshot JSON, pretty-printed with a trailing newline: every field {@link #readSnapshot}
     * reads, written explicitly (no defaults left to the reader), pools, nodes and PDBs in name order, configs in
     * their hash form (with {@code fixed} and {@code refused} entries). {@code readSnapshot(writeSnapshot(s))}
     * equals {@code s} with one limit of the format: disruption policies are read over MCO's defaults (a snapshot
     * whose policies drop a default entry reads back with it). A node leaving image mode (a current image, no desired
     * image) is written with an explicit {@code "desiredImage": null}. Window start times are written to the minute.
     */
    public static String writeSnapshot(Snapshot snapshot) {
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

    private static void target(ObjectNode o, Target t) {
        o.put("config", t.config());
        putIfSet(o, "osImage", t.osImage());
    }

    private static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void budget(ObjectNode o, String name, MaxUnavailable value) {
        if (value instanceof MaxUnavailable.Count) {
            o.put(name, ((MaxUnavailable.Count) value).value());
        } else if (value instanceof MaxUnavailable.Percent) {
            o.put(name, value.toString());
        }
    }

    private static void strings(ObjectNode o, Map<String, String> values) {
        new TreeMap<>(values).forEach(o::put);
    }

    private static void actions(ArrayNode out, List<DisruptionAction> actions) {
        for (DisruptionAction a : actions) {
            ObjectNode o = out.addObject();
            o.put("type", a.type().name());
            putIfSet(o, "unit", a.unit());
        }
    }

    /**
     * The plan as JSON: {@code {"waves":[{"index":0,"nodes":[{"name","pool","steps":[…]}]}],
     * "blocked":[{"node","pool","reason","detail"}]}}. A wave that starts later than {@code now} (a maintenance
     * window) also carries {@code "start"}; a plan with {@link Plan#notes() notes} adds {@code "notes":[…]}.
     */
    public static String writePlan(Plan plan, Instant now) {
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

    /**
     * The next step as JSON: {@code {"actions":[{"node","pool","action",…}], "blocked":[…]}}; SetDesired adds
     * {@code config} and {@code osImage}, locks add {@code group}, Apply adds {@code postActions} and
     * {@code finalizes}.
     */
    public static String writeNext(NextStep step, Snapshot snapshot) {
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
    private static void describe(Action a, ObjectNode o) {
        if (a instanceof Action.SetDesired) {
            Target t = ((Action.SetDesired) a).target();
            o.put("config", t.config());
            if (t.osImage() != null) {
                o.put("osImage", t.osImage());
            }
        } else if (a instanceof Action.AcquireLock) {
            o.put("group", ((Action.AcquireLock) a).group());
        } else if (a instanceof Action.ReleaseLock) {
            o.put("group", ((Action.ReleaseLock) a).group());
        } else if (a instanceof Action.Apply) {
            Action.Apply apply = (Action.Apply) a;
            ArrayNode post = o.putArray("postActions");
            apply.postActions().forEach(x -> post.add(x.toString()));
            o.put("finalizes", apply.finalizes());
        }
    }

    private static void blocked(ArrayNode out, List<Blocked> blocked) {
        for (Blocked b : blocked) {
            ObjectNode o = out.addObject();
            o.put("node", b.node());
            o.put("pool", b.pool());
            o.put("reason", b.reason().name());
            o.put("detail", b.detail());
        }
    }
}
