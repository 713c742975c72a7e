package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.DisruptionPolicies;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.Limits;
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
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.planner.render.ConfigDerivation;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.RenderException;
import dev.coreos4j.planner.render.Renderer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One read of cluster objects; collects every problem. Not thread-safe (one instance per read). */
final class ClusterReader {

    /** One Kubernetes object from a document. */
    private record Obj(String source, String kind, String name, JsonNode node) {}

    /** A pool read from its object, with what membership and rendering need. */
    private record PoolObj(Obj obj, Pool pool, LabelSelector nodeSelector, LabelSelector mcSelector) {}

    private final Instant now;
    private final List<ClusterProblem> problems = new ArrayList<>();
    private int errorCount;

    ClusterReader(Instant now) {
        this.now = now;
    }

    ClusterReadResult read(List<ClusterInput> inputs) {
        Map<String, Obj> objects = new LinkedHashMap<>();
        for (ClusterInput in : inputs) {
            JsonNode root;
            try {
                root = Json.parse(in.json(), true, ClusterReader::unread);
            } catch (JsonSyntaxException e) {
                errorCount++;
                problems.add(new ClusterProblem(
                        ClusterProblem.Severity.ERROR,
                        in.source(),
                        null,
                        null,
                        "$",
                        e.line(),
                        e.column(),
                        "malformed JSON: " + e.getMessage().replaceAll("\\s*\\R\\s*", " ")));
                continue;
            }
            if (root == null || !root.isObject()) {
                error(in.source(), null, null, root, "$", "expected a Kubernetes object or a list of them");
                continue;
            }
            collect(in.source(), root, null, objects);
        }
        Map<String, List<Obj>> byKind = new TreeMap<>();
        for (Obj o : objects.values()) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
        Topology topology = Topology.HIGHLY_AVAILABLE;
        for (Obj o : byKind.getOrDefault("Infrastructure", List.of())) {
            JsonNode t = at(o.node(), "status", "controlPlaneTopology");
            String s = string(o, t);
            if (s != null && !s.isEmpty()) {
                try {
                    topology = Topology.fromJsonName(s);
                } catch (IllegalArgumentException e) {
                    error(o, t, e.getMessage());
                }
            }
        }
        List<PoolObj> pools = new ArrayList<>();
        for (Obj o : byKind.getOrDefault("MachineConfigPool", List.of())) {
            PoolObj p = pool(o);
            if (p != null) {
                pools.add(p);
            }
        }
        Map<String, RenderedConfig> configs = new TreeMap<>();
        List<MachineConfig> sources = new ArrayList<>();
        for (Obj o : byKind.getOrDefault("MachineConfig", List.of())) {
            MachineConfig mc;
            try {
                mc = PlannerJson.readMachineConfig(Json.compact(o.node()));
            } catch (InvalidSnapshotException e) {
                String rel = e.path().substring(1);
                String msg = e.getMessage().substring(e.path().length() + 2);
                errorCount++;
                problems.add(new ClusterProblem(
                        ClusterProblem.Severity.ERROR,
                        o.source(),
                        o.kind(),
                        o.name(),
                        o.node().path() + rel,
                        o.node().line(),
                        o.node().column(),
                        msg));
                continue;
            }
            if (isRendered(o)) {
                configs.put(mc.name(), ConfigDerivation.of(mc));
            } else {
                sources.add(mc);
            }
        }
        for (PoolObj p : pools) {
            String target = p.pool().target().config();
            if (configs.containsKey(target) || p.mcSelector().matchesNothing()) {
                continue;
            }
            List<MachineConfig> selected = new ArrayList<>();
            for (MachineConfig mc : sources) {
                if (p.mcSelector().matches(mc.labels())) {
                    selected.add(mc);
                }
            }
            if (selected.isEmpty()) {
                continue;
            }
            try {
                configs.put(
                        target,
                        ConfigDerivation.of(
                                Renderer.render(p.pool().name(), selected).machineConfig()));
            } catch (RenderException e) {
                error(
                        p.obj(),
                        at(p.obj().node(), "spec", "machineConfigSelector"),
                        "cannot render the pool's" + " MachineConfigs for " + target + ": " + e.getMessage());
            }
        }
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        for (Obj o : byKind.getOrDefault("Pod", List.of())) {
            pod(o, podsByNode);
        }
        List<Pdb> pdbs = new ArrayList<>();
        for (Obj o : byKind.getOrDefault("PodDisruptionBudget", List.of())) {
            Pdb pdb = pdb(o);
            if (pdb != null) {
                pdbs.add(pdb);
            }
        }
        Map<String, LabelSelector> selectors = new TreeMap<>();
        for (PoolObj p : pools) {
            selectors.put(p.pool().name(), p.nodeSelector());
        }
        List<Node> nodes = new ArrayList<>();
        for (Obj o : byKind.getOrDefault("Node", List.of())) {
            Node n = node(o, selectors, podsByNode);
            if (n != null) {
                nodes.add(n);
            }
        }
        for (Map.Entry<String, List<Obj>> e : byKind.entrySet()) {
            if (!KINDS.contains(e.getKey())) {
                for (Obj o : e.getValue()) {
                    warn(o, o.node(), "kind " + o.kind() + " is not read");
                }
            }
        }
        if (problems.stream().anyMatch(ClusterProblem::isError)) {
            return new ClusterReadResult(null, problems);
        }
        List<Pool> poolList = new ArrayList<>();
        for (PoolObj p : pools) {
            poolList.add(p.pool());
        }
        try {
            Snapshot s = new Snapshot(
                    now,
                    poolList,
                    nodes,
                    configs,
                    DisruptionPolicies.defaults(),
                    pdbs,
                    List.of(),
                    List.of(),
                    Limits.NONE,
                    topology,
                    false);
            return new ClusterReadResult(s, problems);
        } catch (IllegalArgumentException e) {
            problems.add(new ClusterProblem(
                    ClusterProblem.Severity.ERROR,
                    inputs.isEmpty() ? "(none)" : inputs.get(0).source(),
                    null,
                    null,
                    "$",
                    0,
                    0,
                    e.getMessage()));
            return new ClusterReadResult(null, problems);
        }
    }

    /** Node status fields nothing here reads: skipped while parsing (a real node's status is mostly these). */
    private static final Set<String> UNREAD_STATUS = Set.of(
            "images",
            "nodeInfo",
            "capacity",
            "allocatable",
            "addresses",
            "daemonEndpoints",
            "volumesAttached",
            "volumesInUse",
            "runtimeHandlers",
            "features",
            "config");

    /**
     * What the reader never looks at, left out of the tree: unread status fields of an object (depth 1 for a single
     * object, 3 for a list item), {@code metadata.managedFields}, and annotations other than the MCO's, the mirror-pod
     * marker and {@link Cluster#CORDONED_BY}.
     */
    static boolean unread(int depth, String parentKey, String key) {
        if (parentKey == null) {
            return false;
        }
        switch (parentKey) {
            case "status":
                return depth <= 3 && UNREAD_STATUS.contains(key);
            case "metadata":
                return key.equals("managedFields");
            case "annotations":
                return !key.startsWith("machineconfiguration.openshift.io/")
                        && !key.equals(Cluster.CORDONED_BY)
                        && !key.equals("kubernetes.io/config.mirror");
            default:
                return false;
        }
    }

    private static final Set<String> KINDS =
            Set.of("Node", "MachineConfigPool", "MachineConfig", "PodDisruptionBudget", "Pod", "Infrastructure");

    // ---------------------------------------------------------------------------------------------- documents

    private void collect(String source, JsonNode o, String listKind, Map<String, Obj> objects) {
        JsonNode kindNode = o.get("kind");
        String kind = kindNode != null && kindNode.isString() ? kindNode.stringValue() : null;
        if (kind == null && listKind != null && listKind.endsWith("List") && !listKind.equals("List")) {
            kind = listKind.substring(0, listKind.length() - 4);
        }
        JsonNode items = o.get("items");
        if (items != null && (kind == null || kind.endsWith("List"))) {
            if (!items.isArray()) {
                error(source, kind, null, items, items.path(), "expected an array of objects");
                return;
            }
            for (JsonNode item : items.values()) {
                if (!item.isObject()) {
                    error(source, null, null, item, item.path(), "expected a Kubernetes object");
                    continue;
                }
                collect(source, item, kind == null ? "List" : kind, objects);
            }
            return;
        }
        if (kind == null) {
            error(source, null, null, o, o.path() + ".kind", "every object needs its kind");
            return;
        }
        JsonNode nameNode = at(o, "metadata", "name");
        if (nameNode == null || !nameNode.isString() || nameNode.stringValue().isBlank()) {
            JsonNode where = nameNode != null ? nameNode : o.get("metadata") != null ? o.get("metadata") : o;
            error(
                    source,
                    kind,
                    null,
                    where,
                    o.path() + ".metadata.name",
                    "required field is missing or not a non-blank string");
            return;
        }
        JsonNode ns = at(o, "metadata", "namespace");
        String name = ns != null && ns.isString() && !ns.stringValue().isEmpty()
                ? ns.stringValue() + "/" + nameNode.stringValue()
                : nameNode.stringValue();
        Obj obj = new Obj(source, kind, name, o);
        Obj before = objects.put(kind + " " + name, obj);
        if (before != null) {
            warn(
                    obj,
                    o,
                    "given again (first in " + before.source() + " at "
                            + before.node().path() + "); this one is used");
        }
    }

    // ---------------------------------------------------------------------------------------------- pools

    private PoolObj pool(Obj o) {
        int before = errors();
        JsonNode spec = object(o, at(o.node(), "spec"), true);
        String name = o.name();
        LabelSelector nodeSelector = selector(o, spec == null ? null : spec.get("nodeSelector"), true);
        LabelSelector mcSelector = selector(o, spec == null ? null : spec.get("machineConfigSelector"), true);
        JsonNode cfg = spec == null ? null : at(spec, "configuration", "name");
        String target = string(o, cfg);
        if (spec != null && (target == null || target.isBlank())) {
            error(
                    o,
                    cfg == null ? spec : cfg,
                    spec.path() + ".configuration.name",
                    "required: the rendered config"
                            + " the pool targets (the render controller has not rendered this pool yet)");
        }
        JsonNode prevNode = at(o.node(), "status", "configuration", "name");
        String previous = string(o, prevNode);
        MaxUnavailable max = MaxUnavailable.DEFAULT;
        JsonNode m = spec == null ? null : spec.get("maxUnavailable");
        if (m != null && !m.isNull()) {
            max = budget(o, m);
        }
        boolean paused = bool(o, spec == null ? null : spec.get("paused"));
        if (errors() > before || max == null) {
            return null;
        }
        Target prev = previous == null || previous.isBlank() || previous.equals(target) ? null : Target.of(previous);
        Pool pool = new Pool(
                name,
                name.equals(PoolMembership.MASTER),
                max,
                paused,
                false,
                Target.of(target),
                prev,
                false,
                null,
                null,
                null);
        return new PoolObj(o, pool, nodeSelector, mcSelector);
    }

    private LabelSelector selector(Obj o, JsonNode s, boolean expressions) {
        if (s == null || s.isNull()) {
            return LabelSelector.NONE;
        }
        if (!s.isObject()) {
            error(o, s, "expected a label selector object");
            return LabelSelector.NONE;
        }
        Map<String, String> labels = stringMap(o, s.get("matchLabels"));
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        JsonNode exprs = s.get("matchExpressions");
        if (exprs != null && !exprs.isNull()) {
            if (!expressions) {
                error(o, exprs, "matchExpressions is not supported here; select the pods with matchLabels");
            } else if (!exprs.isArray()) {
                error(o, exprs, "expected an array");
            } else {
                for (JsonNode x : exprs.values()) {
                    LabelSelector.Requirement r = requirement(o, x);
                    if (r != null) {
                        reqs.add(r);
                    }
                }
            }
        }
        return new LabelSelector(labels, reqs);
    }

    private LabelSelector.Requirement requirement(Obj o, JsonNode x) {
        if (!x.isObject()) {
            error(o, x, "expected an object with key, operator and values");
            return null;
        }
        String key = string(o, x.get("key"));
        String op = string(o, x.get("operator"));
        if (key == null || op == null) {
            error(o, x, x.path(), "key and operator are required");
            return null;
        }
        LabelSelector.Operator operator;
        try {
            operator = LabelSelector.Operator.parse(op);
        } catch (IllegalArgumentException e) {
            error(o, x.get("operator"), "must be In, NotIn, Exists or DoesNotExist, got \"" + op + "\"");
            return null;
        }
        Set<String> values = new HashSet<>(stringList(o, x.get("values")));
        try {
            return new LabelSelector.Requirement(key, operator, values);
        } catch (IllegalArgumentException e) {
            error(o, x, x.path() + ".values", e.getMessage());
            return null;
        }
    }

    private MaxUnavailable budget(Obj o, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
            return new MaxUnavailable.Count(v.intValue());
        }
        if (v.isString() && v.stringValue().endsWith("%")) {
            try {
                return MaxUnavailable.parse(v.stringValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        error(o, v, "must be a non-negative integer or a percentage such as \"25%\", got " + v);
        return null;
    }

    private static boolean isRendered(Obj o) {
        JsonNode owners = at(o.node(), "metadata", "ownerReferences");
        if (owners != null && owners.isArray()) {
            for (JsonNode r : owners.values()) {
                JsonNode k = r.get("kind");
                if (k != null && "MachineConfigPool".equals(k.stringValue())) {
                    return true;
                }
            }
        }
        return o.name().startsWith("rendered-");
    }

    // ---------------------------------------------------------------------------------------------- pods, PDBs

    private void pod(Obj o, Map<String, List<Pod>> podsByNode) {
        JsonNode nodeName = at(o.node(), "spec", "nodeName");
        String node = string(o, nodeName);
        if (node == null || node.isEmpty()) {
            return; // not scheduled: no drain evicts it
        }
        String phase = string(o, at(o.node(), "status", "phase"));
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return;
        }
        Map<String, String> annotations = stringMap(o, at(o.node(), "metadata", "annotations"));
        if (annotations.containsKey("kubernetes.io/config.mirror")) {
            return; // static pods: drain leaves them
        }
        JsonNode owners = at(o.node(), "metadata", "ownerReferences");
        if (owners != null && owners.isArray()) {
            for (JsonNode r : owners.values()) {
                JsonNode k = r.get("kind");
                if (k != null && "DaemonSet".equals(k.stringValue())) {
                    return; // drain ignores DaemonSet pods
                }
            }
        }
        Map<String, String> labels = new TreeMap<>(stringMap(o, at(o.node(), "metadata", "labels")));
        labels.put(Cluster.NAMESPACE_LABEL, namespace(o));
        podsByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(new Pod(o.name(), labels));
    }

    private static String namespace(Obj o) {
        int slash = o.name().indexOf('/');
        return slash < 0 ? "default" : o.name().substring(0, slash);
    }

    private Pdb pdb(Obj o) {
        int before = errors();
        JsonNode spec = object(o, at(o.node(), "spec"), true);
        if (spec == null) {
            return null;
        }
        LabelSelector sel = selector(o, spec.get("selector"), false);
        Map<String, String> selector = new TreeMap<>(sel.matchLabels());
        selector.put(Cluster.NAMESPACE_LABEL, namespace(o));
        MaxUnavailable min = null;
        MaxUnavailable max = null;
        JsonNode mn = spec.get("minAvailable");
        JsonNode mx = spec.get("maxUnavailable");
        if (mn != null && !mn.isNull()) {
            min = budget(o, mn);
        }
        if (mx != null && !mx.isNull()) {
            max = budget(o, mx);
        }
        if ((mn == null || mn.isNull()) == (mx == null || mx.isNull())) {
            error(o, spec, "set exactly one of minAvailable, maxUnavailable");
        }
        if (errors() > before) {
            return null;
        }
        return new Pdb(o.name(), selector, min, max);
    }

    // ---------------------------------------------------------------------------------------------- nodes

    private Node node(Obj o, Map<String, LabelSelector> selectors, Map<String, List<Pod>> podsByNode) {
        int before = errors();
        JsonNode meta = o.node().get("metadata");
        Map<String, String> labels = stringMap(o, meta.get("labels"));
        JsonNode annNode = meta.get("annotations");
        Map<String, String> ann = stringMap(o, annNode);
        if (PoolMembership.isWindows(labels)) {
            warn(o, o.node(), "Windows node: not managed by the Machine Config Operator, left out");
            return null;
        }
        String current = ann.get(Cluster.CURRENT_CONFIG);
        if (current == null || current.isEmpty()) {
            warn(
                    o,
                    annNode == null ? meta : annNode,
                    "no " + Cluster.CURRENT_CONFIG + " annotation: not managed by"
                            + " the Machine Config Operator yet, left out");
            return null;
        }
        String desired = ann.get(Cluster.DESIRED_CONFIG);
        NodeState state = NodeState.WORKING;
        String stateText = ann.get(Cluster.STATE);
        if (stateText != null && !stateText.isEmpty()) {
            switch (stateText) {
                case "Done":
                    state = NodeState.DONE;
                    break;
                case "Working":
                    state = NodeState.WORKING;
                    break;
                case "Rebooting":
                    state = NodeState.REBOOTING;
                    break;
                case "Degraded":
                    state = NodeState.DEGRADED;
                    break;
                case "Unreconcilable":
                    state = NodeState.UNRECONCILABLE;
                    break;
                default:
                    error(
                            o,
                            annNode.get(Cluster.STATE),
                            "must be one of Done, Working, Rebooting, Degraded," + " Unreconcilable, got \"" + stateText
                                    + "\"");
            }
        }
        if (desired == null || desired.isEmpty()) {
            // MCO: no desired config means not done; the planner reads it as still working on the current one.
            desired = current;
            state = state == NodeState.DONE ? NodeState.WORKING : state;
        }
        String reason =
                state == NodeState.DEGRADED || state == NodeState.UNRECONCILABLE ? ann.get(Cluster.REASON) : null;
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        JsonNode createdNode = meta.get("creationTimestamp");
        Instant created = instant(o, createdNode, meta.path() + ".creationTimestamp");
        boolean ready = ready(o, at(o.node(), "status", "conditions"));
        JsonNode spec = object(o, o.node().get("spec"), false);
        boolean unschedulable = spec != null && bool(o, spec.get("unschedulable"));
        String drain = ann.get(Cluster.DESIRED_DRAIN);
        boolean drained =
                drain != null && drain.equals(ann.get(Cluster.LAST_APPLIED_DRAIN)) && drain.equals("drain-" + desired);
        String cordonedBy = ann.get(Cluster.CORDONED_BY);
        if (errors() > before) {
            return null;
        }
        PoolMembership m = PoolMembership.of(o.name(), labels, selectors);
        if (m.error() != null) {
            warn(o, meta.get("labels") == null ? meta : meta.get("labels"), m.error());
        } else if (m.primary() == null) {
            warn(o, meta.get("labels") == null ? meta : meta.get("labels"), "no MachineConfigPool selects this node");
        }
        List<Pod> pods = new ArrayList<>(podsByNode.getOrDefault(o.name(), List.of()));
        return new Node(
                o.name(),
                m.primary(),
                labels.get(Cluster.ZONE_LABEL),
                created,
                ready,
                unschedulable,
                cordonedBy == null || cordonedBy.isEmpty() ? null : cordonedBy,
                current,
                desired,
                image(o, annNode, ann, Cluster.CURRENT_IMAGE),
                image(o, annNode, ann, Cluster.DESIRED_IMAGE),
                state,
                reason,
                drained,
                false,
                pods);
    }

    /**
     * An image annotation. The planner's model has one "no image" (null); an annotation present but empty is read as
     * absent, with a warning, because MCO's {@code isNodeImageDone} tells the two apart only in states MCO itself never
     * writes (an empty desired image on a node that never had one).
     */
    private String image(Obj o, JsonNode annNode, Map<String, String> ann, String key) {
        String value = ann.get(key);
        if (value != null && value.isEmpty()) {
            warn(o, annNode.get(key), "empty " + key + " annotation read as absent (no image)");
            return null;
        }
        return value;
    }

    /** MCO's {@code CheckNodeReady} over the conditions: Ready must be True, DiskPressure and NetworkUnavailable False. */
    private boolean ready(Obj o, JsonNode conditions) {
        if (conditions == null || conditions.isNull()) {
            return true;
        }
        if (!conditions.isArray()) {
            error(o, conditions, "expected an array of conditions");
            return false;
        }
        boolean ready = true;
        for (JsonNode c : conditions.values()) {
            if (!c.isObject()) {
                error(o, c, "expected a condition object with type and status");
                continue;
            }
            String type = string(o, c.get("type"));
            String status = string(o, c.get("status"));
            if (type == null || status == null) {
                error(o, c, "a condition needs its type and status");
                continue;
            }
            if (type.equals("Ready") && !status.equals("True")) {
                ready = false;
            }
            if ((type.equals("DiskPressure") || type.equals("NetworkUnavailable")) && !status.equals("False")) {
                ready = false;
            }
        }
        return ready;
    }

    // ---------------------------------------------------------------------------------------------- fields

    private static JsonNode at(JsonNode n, String... names) {
        JsonNode v = n;
        for (String name : names) {
            if (v == null || !v.isObject()) {
                return null;
            }
            v = v.get(name);
        }
        return v;
    }

    private JsonNode object(Obj o, JsonNode v, boolean required) {
        if (v == null || v.isNull()) {
            if (required) {
                error(o, o.node(), o.node().path() + ".spec", "required field is missing");
            }
            return null;
        }
        if (!v.isObject()) {
            error(o, v, "expected an object");
            return null;
        }
        return v;
    }

    private String string(Obj o, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            error(o, v, "expected a string, got " + v);
            return null;
        }
        return v.stringValue();
    }

    private boolean bool(Obj o, JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            error(o, v, "expected true or false, got " + v);
            return false;
        }
        return v.booleanValue();
    }

    private Map<String, String> stringMap(Obj o, JsonNode v) {
        Map<String, String> out = new TreeMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            error(o, v, "expected an object of strings");
            return out;
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String s = string(o, e.getValue());
            if (s != null) {
                out.put(e.getKey(), s);
            }
        }
        return out;
    }

    private List<String> stringList(Obj o, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(o, v, "expected an array of strings");
            return out;
        }
        for (JsonNode x : v.values()) {
            String s = string(o, x);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Instant instant(Obj o, JsonNode v, String path) {
        if (v == null || v.isNull()) {
            error(o, o.node(), path, "required field is missing");
            return Instant.EPOCH;
        }
        String s = string(o, v);
        if (s == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            error(o, v, "expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got \"" + s + "\"");
            return Instant.EPOCH;
        }
    }

    // ---------------------------------------------------------------------------------------------- problems

    private int errors() {
        return errorCount;
    }

    private void error(Obj o, JsonNode v, String message) {
        error(o, v, v.path(), message);
    }

    private void error(Obj o, JsonNode v, String path, String message) {
        error(o.source(), o.kind(), o.name(), v, path, message);
    }

    private void error(String source, String kind, String name, JsonNode v, String path, String message) {
        errorCount++;
        problems.add(new ClusterProblem(
                ClusterProblem.Severity.ERROR,
                source,
                kind,
                name,
                path,
                v == null ? 0 : v.line(),
                v == null ? 0 : v.column(),
                message));
    }

    private void warn(Obj o, JsonNode v, String message) {
        problems.add(new ClusterProblem(
                ClusterProblem.Severity.WARNING,
                o.source(),
                o.kind(),
                o.name(),
                v.path(),
                v.line(),
                v.column(),
                message));
    }
}
