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
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One read of cluster objects; collects every problem. Not thread-safe (one instance per read). */
final class ClusterReader {

    /** A pool read from its object, with what membership and rendering need. */
    private record PoolObj(ClusterObject obj, Pool pool, LabelSelector nodeSelector, LabelSelector mcSelector) {}

    private final Instant now;
    private final FieldReader fields = new FieldReader();
    private final SelectorReader selectors = new SelectorReader(fields);
    private final List<Problem> problems = fields.problems;

    ClusterReader(Instant now) {
        this.now = now;
    }

    ClusterReadResult read(List<ClusterInput> inputs) {
        Map<String, ClusterObject> objects = new LinkedHashMap<>();
        for (ClusterInput in : inputs) {
            JsonNode root;
            try {
                root = Json.parse(in.json(), true, ClusterReader::unread);
            } catch (JsonSyntaxException e) {
                fields.errorCount++;
                problems.add(FieldReader.problem(
                        ClusterRule.JSON_SYNTAX,
                        in.source(),
                        null,
                        null,
                        "$",
                        e.line(),
                        e.column(),
                        "malformed JSON: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")));
                continue;
            }
            if (root == null || !root.isObject()) {
                fields.error(
                        ClusterRule.OBJECT_SHAPE,
                        in.source(),
                        null,
                        null,
                        root,
                        "$",
                        "expected a Kubernetes object or a list of them");
                continue;
            }
            collect(in.source(), root, null, objects);
        }
        Map<String, List<ClusterObject>> byKind = new TreeMap<>();
        for (ClusterObject o : objects.values()) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
        Topology topology = Topology.HIGHLY_AVAILABLE;
        for (ClusterObject o : byKind.getOrDefault("Infrastructure", List.of())) {
            JsonNode t = FieldReader.at(o.node(), "status", "controlPlaneTopology");
            String s = fields.string(o, t);
            if (s != null && !s.isEmpty()) {
                try {
                    topology = Topology.fromJsonName(s);
                } catch (IllegalArgumentException e) {
                    fields.error(ClusterRule.FIELD_VALUE, o, Objects.requireNonNull(t), e.getMessage());
                }
            }
        }
        List<PoolObj> pools = new ArrayList<>();
        for (ClusterObject o : byKind.getOrDefault("MachineConfigPool", List.of())) {
            PoolObj p = pool(o);
            if (p != null) {
                pools.add(p);
            }
        }
        Map<String, RenderedConfig> configs = new TreeMap<>();
        List<MachineConfig> sources = new ArrayList<>();
        for (ClusterObject o : byKind.getOrDefault("MachineConfig", List.of())) {
            MachineConfig mc;
            try {
                mc = PlannerJson.readMachineConfig(Json.compact(o.node()));
            } catch (InvalidSnapshotException e) {
                JsonPath base = JsonPath.parse(o.node().path());
                for (Problem p : e.problems().all()) {
                    JsonPath rel = p.location().path() == null
                            ? JsonPath.ROOT
                            : p.location().path();
                    List<JsonPath.Segment> segments = new ArrayList<>(base.segments());
                    segments.addAll(rel.segments());
                    fields.errorCount++;
                    problems.add(FieldReader.problem(
                            ClusterRule.MACHINE_CONFIG,
                            o.source(),
                            o.kind(),
                            o.name(),
                            JsonPath.of(segments).toString(),
                            o.node().line(),
                            o.node().column(),
                            p.message()));
                }
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
                fields.error(
                        ClusterRule.MACHINE_CONFIG,
                        p.obj(),
                        Objects.requireNonNull(FieldReader.at(p.obj().node(), "spec", "machineConfigSelector")),
                        "cannot render the pool's" + " MachineConfigs for " + target + ": " + e.getMessage());
            }
        }
        Map<String, List<Pod>> podsByNode = new HashMap<>();
        for (ClusterObject o : byKind.getOrDefault("Pod", List.of())) {
            pod(o, podsByNode);
        }
        List<Pdb> pdbs = new ArrayList<>();
        for (ClusterObject o : byKind.getOrDefault("PodDisruptionBudget", List.of())) {
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
        for (ClusterObject o : byKind.getOrDefault("Node", List.of())) {
            Node n = node(o, selectors, podsByNode);
            if (n != null) {
                nodes.add(n);
            }
        }
        for (Map.Entry<String, List<ClusterObject>> e : byKind.entrySet()) {
            if (!KINDS.contains(e.getKey())) {
                for (ClusterObject o : e.getValue()) {
                    fields.warn(ClusterRule.KIND_UNREAD, o, o.node(), "kind " + o.kind() + " is not read");
                }
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new ClusterReadResult(null, new Problems(problems));
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
            return new ClusterReadResult(s, new Problems(problems));
        } catch (IllegalArgumentException e) {
            problems.add(FieldReader.problem(
                    ClusterRule.INCONSISTENT,
                    inputs.isEmpty() ? "(none)" : inputs.get(0).source(),
                    null,
                    null,
                    "$",
                    0,
                    0,
                    String.valueOf(e.getMessage())));
            return new ClusterReadResult(null, new Problems(problems));
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
    static boolean unread(int depth, @Nullable String parentKey, String key) {
        if (parentKey == null) {
            return false;
        }
        return switch (parentKey) {
            case "status" -> depth <= 3 && UNREAD_STATUS.contains(key);
            case "metadata" -> key.equals("managedFields");
            case "annotations" ->
                !key.startsWith("machineconfiguration.openshift.io/")
                        && !key.equals(Cluster.CORDONED_BY)
                        && !key.equals("kubernetes.io/config.mirror");
            default -> false;
        };
    }

    private static final Set<String> KINDS =
            Set.of("Node", "MachineConfigPool", "MachineConfig", "PodDisruptionBudget", "Pod", "Infrastructure");

    // ---------------------------------------------------------------------------------------------- documents

    private void collect(String source, JsonNode o, @Nullable String listKind, Map<String, ClusterObject> objects) {
        JsonNode kindNode = o.get("kind");
        String kind = kindNode != null && kindNode.isString() ? kindNode.stringValue() : null;
        if (kind == null && listKind != null && listKind.endsWith("List") && !listKind.equals("List")) {
            kind = listKind.substring(0, listKind.length() - 4);
        }
        JsonNode items = o.get("items");
        if (items != null && (kind == null || kind.endsWith("List"))) {
            if (!items.isArray()) {
                fields.error(
                        ClusterRule.OBJECT_SHAPE,
                        source,
                        kind,
                        null,
                        items,
                        items.path(),
                        "expected an array of objects");
                return;
            }
            for (JsonNode item : items.values()) {
                if (!item.isObject()) {
                    fields.error(
                            ClusterRule.OBJECT_SHAPE,
                            source,
                            null,
                            null,
                            item,
                            item.path(),
                            "expected a Kubernetes object");
                    continue;
                }
                collect(source, item, kind == null ? "List" : kind, objects);
            }
            return;
        }
        if (kind == null) {
            fields.error(
                    ClusterRule.OBJECT_SHAPE, source, null, null, o, o.path() + ".kind", "every object needs its kind");
            return;
        }
        JsonNode nameNode = FieldReader.at(o, "metadata", "name");
        if (nameNode == null
                || !nameNode.isString()
                || Objects.requireNonNull(nameNode.stringValue()).isBlank()) {
            JsonNode where = nameNode != null ? nameNode : o.get("metadata") != null ? o.get("metadata") : o;
            fields.error(
                    ClusterRule.FIELD_MISSING,
                    source,
                    kind,
                    null,
                    where,
                    o.path() + ".metadata.name",
                    "required field is missing or not a non-blank string");
            return;
        }
        JsonNode ns = FieldReader.at(o, "metadata", "namespace");
        String name = ns != null
                        && ns.isString()
                        && !Objects.requireNonNull(ns.stringValue()).isEmpty()
                ? ns.stringValue() + "/" + nameNode.stringValue()
                : nameNode.stringValue();
        ClusterObject obj = new ClusterObject(source, kind, name, o);
        ClusterObject before = objects.put(kind + " " + name, obj);
        if (before != null) {
            fields.warn(
                    ClusterRule.OBJECT_REPEATED,
                    obj,
                    o,
                    "given again (first in " + before.source() + " at "
                            + before.node().path() + "); this one is used");
        }
    }

    // ---------------------------------------------------------------------------------------------- pools

    private @Nullable PoolObj pool(ClusterObject o) {
        int before = fields.errors();
        JsonNode spec = fields.object(o, FieldReader.at(o.node(), "spec"), true);
        String name = o.name();
        LabelSelector nodeSelector = selectors.selector(o, spec == null ? null : spec.get("nodeSelector"), true);
        LabelSelector mcSelector = selectors.selector(o, spec == null ? null : spec.get("machineConfigSelector"), true);
        JsonNode cfg = spec == null ? null : FieldReader.at(spec, "configuration", "name");
        String target = fields.string(o, cfg);
        if (spec != null && (target == null || target.isBlank())) {
            fields.error(
                    ClusterRule.FIELD_MISSING,
                    o,
                    cfg == null ? spec : cfg,
                    spec.path() + ".configuration.name",
                    "required: the rendered config"
                            + " the pool targets (the render controller has not rendered this pool yet)");
        }
        JsonNode prevNode = FieldReader.at(o.node(), "status", "configuration", "name");
        String previous = fields.string(o, prevNode);
        MaxUnavailable max = MaxUnavailable.DEFAULT;
        JsonNode m = spec == null ? null : spec.get("maxUnavailable");
        if (m != null && !m.isNull()) {
            max = selectors.budget(o, m);
        }
        boolean paused = fields.bool(o, spec == null ? null : spec.get("paused"));
        if (fields.errors() > before || max == null) {
            return null;
        }
        Target prev = previous == null || previous.isBlank() || previous.equals(target) ? null : Target.of(previous);
        Pool pool = new Pool(
                name,
                name.equals(PoolMembership.MASTER),
                max,
                paused,
                false,
                Target.of(Objects.requireNonNull(target)),
                prev,
                false,
                null,
                null,
                null);
        return new PoolObj(o, pool, nodeSelector, mcSelector);
    }

    private static boolean isRendered(ClusterObject o) {
        JsonNode owners = FieldReader.at(o.node(), "metadata", "ownerReferences");
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

    private void pod(ClusterObject o, Map<String, List<Pod>> podsByNode) {
        JsonNode nodeName = FieldReader.at(o.node(), "spec", "nodeName");
        String node = fields.string(o, nodeName);
        if (node == null || node.isEmpty()) {
            return; // not scheduled: no drain evicts it
        }
        String phase = fields.string(o, FieldReader.at(o.node(), "status", "phase"));
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return;
        }
        Map<String, String> annotations = fields.stringMap(o, FieldReader.at(o.node(), "metadata", "annotations"));
        if (annotations.containsKey("kubernetes.io/config.mirror")) {
            return; // static pods: drain leaves them
        }
        JsonNode owners = FieldReader.at(o.node(), "metadata", "ownerReferences");
        if (owners != null && owners.isArray()) {
            for (JsonNode r : owners.values()) {
                JsonNode k = r.get("kind");
                if (k != null && "DaemonSet".equals(k.stringValue())) {
                    return; // drain ignores DaemonSet pods
                }
            }
        }
        Map<String, String> labels = new TreeMap<>(fields.stringMap(o, FieldReader.at(o.node(), "metadata", "labels")));
        labels.put(Cluster.NAMESPACE_LABEL, namespace(o));
        podsByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(new Pod(o.name(), labels));
    }

    private static String namespace(ClusterObject o) {
        int slash = o.name().indexOf('/');
        return slash < 0 ? "default" : o.name().substring(0, slash);
    }

    private @Nullable Pdb pdb(ClusterObject o) {
        int before = fields.errors();
        JsonNode spec = fields.object(o, FieldReader.at(o.node(), "spec"), true);
        if (spec == null) {
            return null;
        }
        LabelSelector sel = selectors.selector(o, spec.get("selector"), false);
        Map<String, String> selector = new TreeMap<>(sel.matchLabels());
        selector.put(Cluster.NAMESPACE_LABEL, namespace(o));
        MaxUnavailable min = null;
        MaxUnavailable max = null;
        JsonNode mn = spec.get("minAvailable");
        JsonNode mx = spec.get("maxUnavailable");
        if (mn != null && !mn.isNull()) {
            min = selectors.budget(o, mn);
        }
        if (mx != null && !mx.isNull()) {
            max = selectors.budget(o, mx);
        }
        if ((mn == null || mn.isNull()) == (mx == null || mx.isNull())) {
            fields.error(ClusterRule.FIELD_VALUE, o, spec, "set exactly one of minAvailable, maxUnavailable");
        }
        if (fields.errors() > before) {
            return null;
        }
        return new Pdb(o.name(), selector, min, max);
    }

    // ---------------------------------------------------------------------------------------------- nodes

    private @Nullable Node node(
            ClusterObject o, Map<String, LabelSelector> selectors, Map<String, List<Pod>> podsByNode) {
        int before = fields.errors();
        JsonNode meta = Objects.requireNonNull(o.node().get("metadata"), "metadata");
        Map<String, String> labels = fields.stringMap(o, meta.get("labels"));
        JsonNode annNode = meta.get("annotations");
        Map<String, String> ann = fields.stringMap(o, annNode);
        if (PoolMembership.isWindows(labels)) {
            fields.warn(
                    ClusterRule.NODE_LEFT_OUT,
                    o,
                    o.node(),
                    "Windows node: not managed by the Machine Config Operator, left out");
            return null;
        }
        String current = ann.get(Cluster.CURRENT_CONFIG);
        if (current == null || current.isEmpty()) {
            fields.warn(
                    ClusterRule.NODE_LEFT_OUT,
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
                case "Done" -> state = NodeState.DONE;
                case "Working" -> state = NodeState.WORKING;
                case "Rebooting" -> state = NodeState.REBOOTING;
                case "Degraded" -> state = NodeState.DEGRADED;
                case "Unreconcilable" -> state = NodeState.UNRECONCILABLE;
                default ->
                    fields.error(
                            ClusterRule.FIELD_VALUE,
                            o,
                            Objects.requireNonNull(
                                    Objects.requireNonNull(annNode).get(Cluster.STATE)),
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
        Instant created = fields.instant(o, createdNode, meta.path() + ".creationTimestamp");
        boolean ready = fields.ready(o, FieldReader.at(o.node(), "status", "conditions"));
        JsonNode spec = fields.object(o, o.node().get("spec"), false);
        boolean unschedulable = spec != null && fields.bool(o, spec.get("unschedulable"));
        String drain = ann.get(Cluster.DESIRED_DRAIN);
        boolean drained =
                drain != null && drain.equals(ann.get(Cluster.LAST_APPLIED_DRAIN)) && drain.equals("drain-" + desired);
        String cordonedBy = ann.get(Cluster.CORDONED_BY);
        if (fields.errors() > before) {
            return null;
        }
        PoolMembership m = PoolMembership.of(o.name(), labels, selectors);
        if (m.error() != null) {
            fields.warn(
                    ClusterRule.NODE_LEFT_OUT, o, meta.get("labels") == null ? meta : meta.get("labels"), m.error());
        } else if (m.primary() == null) {
            fields.warn(
                    ClusterRule.NODE_LEFT_OUT,
                    o,
                    meta.get("labels") == null ? meta : meta.get("labels"),
                    "no MachineConfigPool selects this node");
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
    private @Nullable String image(ClusterObject o, @Nullable JsonNode annNode, Map<String, String> ann, String key) {
        String value = ann.get(key);
        if (value != null && value.isEmpty()) {
            fields.warn(
                    ClusterRule.VALUE_IGNORED,
                    o,
                    Objects.requireNonNull(Objects.requireNonNull(annNode).get(key)),
                    "empty " + key + " annotation read as absent (no image)");
            return null;
        }
        return value;
    }
}
