package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds Kubernetes objects as `oc get -o json` prints them, for the cluster tests. */
final class K8s {

    static final String CREATED = "2026-01-01T00:00:00Z";

    private K8s() {}

    /** A Node with labels, annotations (null values are left out) and conditions ({type, status} pairs). */
    static ObjectNode node(
            String name, Map<String, String> labels, Map<String, String> annotations, String... conditions) {
        ObjectNode o = new ObjectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "Node");
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        meta.put("creationTimestamp", CREATED);
        strings(meta.putObject("labels"), labels);
        strings(meta.putObject("annotations"), annotations);
        o.putObject("spec");
        ArrayNode conds = o.putObject("status").putArray("conditions");
        for (int i = 0; i + 1 < conditions.length; i += 2) {
            ObjectNode c = conds.addObject();
            c.put("type", conditions[i]);
            c.put("status", conditions[i + 1]);
        }
        return o;
    }

    /** A managed node: currentConfig = desiredConfig = {@code config}, state Done. */
    static ObjectNode managedNode(String name, Map<String, String> labels, String config) {
        return node(
                name,
                labels,
                Map.of(Cluster.CURRENT_CONFIG, config, Cluster.DESIRED_CONFIG, config, Cluster.STATE, "Done"));
    }

    /** A MachineConfigPool selecting nodes by {@code selector} (matchLabels) and targeting {@code config}. */
    static ObjectNode pool(String name, Map<String, String> selector, String config) {
        ObjectNode o = new ObjectNode();
        o.put("apiVersion", "machineconfiguration.openshift.io/v1");
        o.put("kind", "MachineConfigPool");
        o.putObject("metadata").put("name", name);
        ObjectNode spec = o.putObject("spec");
        strings(spec.putObject("nodeSelector").putObject("matchLabels"), selector);
        spec.putObject("configuration").put("name", config);
        return o;
    }

    /** A {@code List} of the objects, as text. */
    static String list(ObjectNode... items) {
        ObjectNode o = new ObjectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "List");
        ArrayNode a = o.putArray("items");
        for (ObjectNode i : items) {
            a.add(i);
        }
        return Json.pretty(o);
    }

    static String list(List<ObjectNode> items) {
        return list(items.toArray(new ObjectNode[0]));
    }

    private static void strings(ObjectNode o, Map<String, String> values) {
        new TreeMap<>(values).forEach((k, v) -> {
            if (v != null) {
                o.put(k, v);
            }
        });
    }
}
