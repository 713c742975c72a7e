package dev.coreos4j.planner.json;

import dev.coreos4j.planner.graph.BlockedEdge;
import dev.coreos4j.planner.graph.ConditionalEdge;
import dev.coreos4j.planner.graph.Edge;
import dev.coreos4j.planner.graph.GraphKind;
import dev.coreos4j.planner.graph.MatchingRule;
import dev.coreos4j.planner.graph.Release;
import dev.coreos4j.planner.graph.Risk;
import dev.coreos4j.planner.graph.SemanticVersion;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.JsonNode;
import dev.coreos4j.planner.internal.json.JsonSyntaxException;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads update graphs as the update services serve them ({@code Accept: application/json}):
 *
 * <ul>
 *   <li>OpenShift (Cincinnati): {@code {nodes:[{version,payload,metadata}], edges:[[from,to]],
 *       conditionalEdges:[{edges:[{from,to}], risks:[{url,name,message,matchingRules:[…]}]}]}}, channels in the
 *       {@value Release#CHANNELS_KEY} metadata;</li>
 *   <li>Fedora CoreOS: the same shape, every node carrying {@value Release#AGE_INDEX_KEY} and optionally the barrier
 *       and dead-end keys (see {@link Release}).</li>
 * </ul>
 *
 * <p>The kind is detected: a graph whose nodes carry an age index is a Fedora CoreOS graph. As a coreos4j extension a
 * document may also hold {@code blockedEdges:[{to,from,name,message,url,matchingRules}]} (the OpenShift graph-data
 * declaration), applied with {@link UpdateGraph#withBlockedEdges} so that plans can name removed edges.
 *
 * <p>Malformed input never throws from {@code read}: every problem is reported with the JSON path of the offending
 * value. Thread-safe.
 */
public final class UpdateGraphReader {

    private UpdateGraphReader() {}

    /** Reads a graph document from UTF-8 bytes. */
    public static GraphReadResult read(byte[] json) {
        return read(new String(Objects.requireNonNull(json, "json"), StandardCharsets.UTF_8));
    }

    /**
     * Reads a graph document from a stream, which is read to its end but not closed.
     *
     * @throws IOException when the stream cannot be read
     */
    public static GraphReadResult read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /** Reads a graph document. */
    public static GraphReadResult read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.parse(json, true);
        } catch (JsonSyntaxException e) {
            String message = e.getMessage() == null ? "not valid JSON" : e.getMessage();
            return new GraphReadResult(
                    null,
                    Problems.of(Problem.of(
                            GraphRule.JSON_SYNTAX,
                            "not valid JSON: " + firstLine(message),
                            e.line() > 0 && e.column() > 0
                                    ? Location.at(JsonPath.ROOT, e.line(), e.column())
                                    : Location.at(JsonPath.ROOT))));
        }
        return new Walk().graph(root);
    }

    /**
     * Reads a graph document.
     *
     * @throws MalformedGraphException carrying every problem when the document is malformed
     */
    public static UpdateGraph readOrThrow(String json) {
        return read(json).graphOrThrow();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** One pass over a parsed document, collecting problems. */
    private static final class Walk {
        private final List<Problem> problems = new ArrayList<>();

        GraphReadResult graph(@Nullable JsonNode root) {
            if (root == null || !root.isObject()) {
                return fail("$", GraphRule.TYPE, "an update graph is a JSON object with nodes and edges");
            }
            JsonNode nodes = root.get("nodes");
            if (nodes == null || !nodes.isArray()) {
                return fail(
                        "$.nodes",
                        nodes == null ? GraphRule.NODES_MISSING : GraphRule.TYPE,
                        "nodes must be an array of releases");
            }
            boolean fcos = false;
            for (JsonNode n : nodes.values()) {
                JsonNode meta = n.get("metadata");
                fcos |= meta != null && meta.isObject() && meta.has(Release.AGE_INDEX_KEY);
            }
            GraphKind kind = fcos ? GraphKind.FEDORA_COREOS : GraphKind.CINCINNATI;

            List<Release> releases = new ArrayList<>();
            Map<String, Integer> byVersion = new HashMap<>();
            Map<Long, Integer> byAge = new HashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Release r = release(Objects.requireNonNull(nodes.get(i)), "$.nodes[" + i + "]", kind);
                if (r == null) {
                    releases.add(null);
                    continue;
                }
                Integer twin = byVersion.putIfAbsent(r.version(), i);
                if (twin != null) {
                    problem(
                            "$.nodes[" + i + "].version",
                            GraphRule.NODE_DUPLICATE,
                            "release " + r.version() + " is already $.nodes[" + twin + "]");
                }
                if (r.ageIndex() != null) {
                    Integer sameAge = byAge.putIfAbsent(r.ageIndex(), i);
                    if (sameAge != null) {
                        problem(
                                "$.nodes[" + i + "].metadata['" + Release.AGE_INDEX_KEY + "']",
                                GraphRule.NODE_AGE_INDEX_DUPLICATE,
                                "age index " + r.ageIndex() + " is already used by $.nodes[" + sameAge + "]");
                    }
                }
                releases.add(r);
            }

            List<Edge> edges = new ArrayList<>();
            JsonNode edgeList = root.get("edges");
            if (edgeList == null || !edgeList.isArray()) {
                problem(
                        "$.edges",
                        edgeList == null ? GraphRule.EDGES_MISSING : GraphRule.TYPE,
                        "edges must be an array of [from, to] node index pairs");
            } else {
                for (int i = 0; i < edgeList.size(); i++) {
                    Edge e = indexEdge(Objects.requireNonNull(edgeList.get(i)), "$.edges[" + i + "]", releases);
                    if (e != null) {
                        edges.add(e);
                    }
                }
            }

            List<ConditionalEdge> conditional = new ArrayList<>();
            JsonNode condList = root.get("conditionalEdges");
            if (condList != null && !condList.isNull()) {
                if (!condList.isArray()) {
                    problem("$.conditionalEdges", GraphRule.TYPE, "conditionalEdges must be an array");
                } else {
                    for (int i = 0; i < condList.size(); i++) {
                        ConditionalEdge c = conditionalEdge(
                                Objects.requireNonNull(condList.get(i)), "$.conditionalEdges[" + i + "]", byVersion);
                        if (c != null) {
                            conditional.add(c);
                        }
                    }
                }
            }

            List<BlockedEdge> blocked = new ArrayList<>();
            JsonNode blockedList = root.get("blockedEdges");
            if (blockedList != null && !blockedList.isNull()) {
                if (!blockedList.isArray()) {
                    problem("$.blockedEdges", GraphRule.TYPE, "blockedEdges must be an array");
                } else {
                    for (int i = 0; i < blockedList.size(); i++) {
                        BlockedEdge b = blockedEdge(
                                Objects.requireNonNull(blockedList.get(i)), "$.blockedEdges[" + i + "]", byVersion);
                        if (b != null) {
                            blocked.add(b);
                        }
                    }
                }
            }

            if (!problems.isEmpty()) {
                return new GraphReadResult(null, new Problems(problems));
            }
            UpdateGraph graph = new UpdateGraph(kind, releases, edges, conditional, List.of());
            return new GraphReadResult(
                    blocked.isEmpty() ? graph : graph.withBlockedEdges(blocked, null), Problems.NONE);
        }

        private @Nullable Release release(JsonNode node, String path, GraphKind kind) {
            if (node == null || !node.isObject()) {
                problem(path, GraphRule.TYPE, "a release is an object with version, payload and metadata");
                return null;
            }
            String version = requiredString(node, "version", path);
            String payload = optionalString(node, "payload", path);
            Map<String, String> metadata = new LinkedHashMap<>();
            JsonNode meta = node.get("metadata");
            if (meta != null && !meta.isNull()) {
                if (!meta.isObject()) {
                    problem(path + ".metadata", GraphRule.TYPE, "metadata must be an object of strings");
                } else {
                    for (Map.Entry<String, JsonNode> e : meta.properties()) {
                        if (!e.getValue().isString()) {
                            problem(
                                    path + ".metadata['" + e.getKey() + "']",
                                    GraphRule.NODE_METADATA_TYPE,
                                    "metadata values are strings, got "
                                            + e.getValue().getNodeType());
                        } else {
                            metadata.put(e.getKey(), e.getValue().asString());
                        }
                    }
                }
            }
            if (version == null) {
                return null;
            }
            if (kind == GraphKind.CINCINNATI) {
                if (SemanticVersion.parse(version) == null) {
                    problem(
                            path + ".version",
                            GraphRule.NODE_VERSION,
                            "\"" + version + "\" is not a semantic version (OpenShift releases are like 4.16.3)");
                    return null;
                }
                List<String> channels = new ArrayList<>();
                String list = metadata.get(Release.CHANNELS_KEY);
                if (list != null) {
                    for (String c : list.split(",", -1)) {
                        if (!c.strip().isEmpty() && !channels.contains(c.strip())) {
                            channels.add(c.strip());
                        }
                    }
                }
                return new Release(version, payload == null ? "" : payload, channels, null, null, null, metadata);
            }
            String agePath = path + ".metadata['" + Release.AGE_INDEX_KEY + "']";
            String age = metadata.get(Release.AGE_INDEX_KEY);
            Long ageIndex = null;
            if (age == null) {
                problem(
                        agePath,
                        GraphRule.NODE_AGE_INDEX_MISSING,
                        "every Fedora CoreOS release needs an age index; " + version + " has none");
            } else {
                try {
                    ageIndex = Long.parseLong(age.strip());
                    if (ageIndex < 0) {
                        problem(agePath, GraphRule.NODE_AGE_INDEX, "the age index must not be negative, got " + age);
                        ageIndex = null;
                    }
                } catch (NumberFormatException e) {
                    problem(agePath, GraphRule.NODE_AGE_INDEX, "the age index must be an integer, got \"" + age + "\"");
                }
            }
            String barrier = flagReason(metadata, Release.BARRIER_KEY, Release.BARRIER_REASON_KEY, path);
            String deadEnd = flagReason(metadata, Release.DEADEND_KEY, Release.DEADEND_REASON_KEY, path);
            if (ageIndex == null) {
                return null;
            }
            return new Release(
                    version, payload == null ? "" : payload, List.of(), ageIndex, barrier, deadEnd, metadata);
        }

        /** The reason of a {@code "true"} flag ({@code generic} when none is given), null for absent or false. */
        private @Nullable String flagReason(Map<String, String> metadata, String key, String reasonKey, String path) {
            String flag = metadata.get(key);
            if (flag == null || flag.strip().equals("false")) {
                return null;
            }
            if (!flag.strip().equals("true")) {
                problem(
                        path + ".metadata" + JsonNode.segment(key, 0),
                        GraphRule.NODE_FLAG,
                        key + " must be \"true\" or \"false\", got \"" + flag + "\"");
                return null;
            }
            String reason = metadata.getOrDefault(reasonKey, "");
            return reason.isBlank() ? "generic" : reason;
        }

        private @Nullable Edge indexEdge(JsonNode node, String path, List<Release> releases) {
            if (node == null || !node.isArray() || node.size() != 2) {
                problem(path, GraphRule.EDGE_SHAPE, "an edge is a [from, to] pair of node indexes");
                return null;
            }
            Release[] ends = new Release[2];
            for (int k = 0; k < 2; k++) {
                JsonNode idx = Objects.requireNonNull(node.get(k));
                if (!idx.isIntegralNumber()
                        || !idx.canConvertToInt()
                        || idx.asInt() < 0
                        || idx.asInt() >= releases.size()) {
                    problem(
                            path + "[" + k + "]",
                            GraphRule.EDGE_INDEX,
                            "expected a node index between 0 and " + (releases.size() - 1) + ", got " + idx);
                    return null;
                }
                ends[k] = releases.get(idx.asInt());
            }
            if (ends[0] == null || ends[1] == null) {
                return null; // the node itself was already reported
            }
            if (ends[0].version().equals(ends[1].version())) {
                problem(path, GraphRule.EDGE_LOOP, "an edge from " + ends[0].version() + " to itself");
                return null;
            }
            return new Edge(ends[0].version(), ends[1].version());
        }

        private @Nullable ConditionalEdge conditionalEdge(JsonNode node, String path, Map<String, Integer> byVersion) {
            if (node == null || !node.isObject()) {
                problem(path, GraphRule.TYPE, "a conditional edge entry is an object with edges and risks");
                return null;
            }
            int before = problems.size();
            List<Edge> edges = new ArrayList<>();
            JsonNode list = node.get("edges");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem(path + ".edges", GraphRule.CONDITIONAL_EDGES, "edges must be a non-empty array of {from, to}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String p = path + ".edges[" + i + "]";
                    JsonNode e = Objects.requireNonNull(list.get(i));
                    if (!e.isObject()) {
                        problem(p, GraphRule.TYPE, "a conditional edge is an object {from, to}");
                        continue;
                    }
                    String from = knownVersion(e, "from", p, byVersion);
                    String to = knownVersion(e, "to", p, byVersion);
                    if (from != null && to != null) {
                        if (from.equals(to)) {
                            problem(p, GraphRule.EDGE_LOOP, "an edge from " + from + " to itself");
                        } else {
                            edges.add(new Edge(from, to));
                        }
                    }
                }
            }
            List<Risk> risks = new ArrayList<>();
            JsonNode riskList = node.get("risks");
            if (riskList == null || !riskList.isArray() || riskList.isEmpty()) {
                problem(path + ".risks", GraphRule.CONDITIONAL_RISKS, "risks must be a non-empty array");
            } else {
                for (int i = 0; i < riskList.size(); i++) {
                    Risk r = risk(Objects.requireNonNull(riskList.get(i)), path + ".risks[" + i + "]");
                    if (r != null) {
                        risks.add(r);
                    }
                }
            }
            return problems.size() == before ? new ConditionalEdge(edges, risks) : null;
        }

        private @Nullable Risk risk(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, GraphRule.TYPE, "a risk is an object with name, message, url and matchingRules");
                return null;
            }
            String name = requiredString(node, "name", path);
            String message = optionalString(node, "message", path);
            String url = optionalString(node, "url", path);
            List<MatchingRule> rules = rules(node.get("matchingRules"), path + ".matchingRules", true);
            if (name == null || rules == null) {
                return null;
            }
            return new Risk(name, message == null ? "" : message, url == null ? "" : url, rules);
        }

        private @Nullable List<MatchingRule> rules(@Nullable JsonNode list, String path, boolean required) {
            if (list == null || list.isNull()) {
                if (required) {
                    problem(path, GraphRule.RISK_RULES_MISSING, "a risk needs its matchingRules array");
                    return null;
                }
                return List.of();
            }
            if (!list.isArray()) {
                problem(path, GraphRule.TYPE, "matchingRules must be an array");
                return null;
            }
            List<MatchingRule> rules = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < list.size(); i++) {
                String p = path + "[" + i + "]";
                JsonNode rule = Objects.requireNonNull(list.get(i));
                if (!rule.isObject()) {
                    problem(p, GraphRule.TYPE, "a matching rule is an object with a type");
                    ok = false;
                    continue;
                }
                String type = requiredString(rule, "type", p);
                if (type == null) {
                    ok = false;
                } else if (type.equals("Always")) {
                    rules.add(new MatchingRule.Always());
                } else if (type.equals("PromQL")) {
                    JsonNode promql = rule.get("promql");
                    String query = promql != null && promql.isObject()
                            ? requiredString(promql, "promql", p + ".promql")
                            : null;
                    if (promql == null || !promql.isObject()) {
                        problem(p + ".promql", GraphRule.RISK_PROMQL, "a PromQL rule needs promql: {promql: QUERY}");
                    }
                    if (query == null) {
                        ok = false;
                    } else {
                        rules.add(new MatchingRule.PromQL(query));
                    }
                } else {
                    rules.add(new MatchingRule.Unrecognized(type));
                }
            }
            return ok ? rules : null;
        }

        private @Nullable BlockedEdge blockedEdge(JsonNode node, String path, Map<String, Integer> byVersion) {
            if (node == null || !node.isObject()) {
                problem(path, GraphRule.TYPE, "a blocked edge is an object with to, from and name");
                return null;
            }
            String to = knownVersion(node, "to", path, byVersion);
            String from = requiredString(node, "from", path);
            String name = requiredString(node, "name", path);
            String message = optionalString(node, "message", path);
            String url = optionalString(node, "url", path);
            List<MatchingRule> rules = rules(node.get("matchingRules"), path + ".matchingRules", false);
            if (to == null || from == null || name == null || rules == null) {
                return null;
            }
            try {
                return new BlockedEdge(to, from, name, message == null ? "" : message, url == null ? "" : url, rules);
            } catch (IllegalArgumentException e) {
                problem(path + ".from", GraphRule.BLOCKED_REGEX, String.valueOf(e.getMessage()));
                return null;
            }
        }

        private @Nullable String knownVersion(
                JsonNode node, String field, String path, Map<String, Integer> byVersion) {
            String v = requiredString(node, field, path);
            if (v != null && !byVersion.containsKey(v)) {
                problem(path + "." + field, GraphRule.EDGE_UNKNOWN_RELEASE, "release " + v + " is not among the nodes");
                return null;
            }
            return v;
        }

        private @Nullable String requiredString(JsonNode node, String field, String path) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                problem(path + "." + field, GraphRule.FIELD_MISSING, field + " is required");
                return null;
            }
            if (!v.isString() || v.asString().isEmpty()) {
                problem(path + "." + field, GraphRule.FIELD_TYPE, field + " must be a non-empty string, got " + v);
                return null;
            }
            return v.asString();
        }

        private @Nullable String optionalString(JsonNode node, String field, String path) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isString()) {
                problem(path + "." + field, GraphRule.FIELD_TYPE, field + " must be a string, got " + v);
                return null;
            }
            return v.asString();
        }

        private void problem(String path, GraphRule rule, String message) {
            problems.add(Problem.of(rule, message, Location.at(JsonPath.parse(path))));
        }

        private GraphReadResult fail(String path, GraphRule rule, String message) {
            problem(path, rule, message);
            return new GraphReadResult(null, new Problems(problems));
        }
    }
}
