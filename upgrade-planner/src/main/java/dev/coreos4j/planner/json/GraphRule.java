package dev.coreos4j.planner.json;

import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;

/**
 * The rules of an update-graph document ({@link UpdateGraphReader}): every problem of a graph comes from one of them,
 * with its stable dotted code (match on the code, not on the message). All are errors: a graph with a problem is
 * not read.
 */
public enum GraphRule implements Rule {
    /** The document is not valid JSON. */
    JSON_SYNTAX("graph.json.syntax"),
    /** A value has the wrong JSON type or shape: the document, a list, a release, an edge entry, a risk or a rule. */
    TYPE("graph.type"),
    /** The {@code nodes} member is missing. */
    NODES_MISSING("graph.nodes.missing"),
    /** Two nodes carry the same version. */
    NODE_DUPLICATE("graph.node.duplicate"),
    /** Two nodes carry the same age index. */
    NODE_AGE_INDEX_DUPLICATE("graph.node.age-index.duplicate"),
    /** A node of a graph that gives age indices has none. */
    NODE_AGE_INDEX_MISSING("graph.node.age-index.missing"),
    /** A node's age index (Fedora CoreOS) is not a non-negative integer. */
    NODE_AGE_INDEX("graph.node.age-index"),
    /** A node's metadata value is not a string. */
    NODE_METADATA_TYPE("graph.node.metadata.type"),
    /** A node's version is not a semantic version. */
    NODE_VERSION("graph.node.version"),
    /** A node's flag metadata (dead end, barrier) is neither {@code "true"} nor {@code "false"}. */
    NODE_FLAG("graph.node.flag"),
    /** The {@code edges} member is missing. */
    EDGES_MISSING("graph.edges.missing"),
    /** An edge is not a pair of indices. */
    EDGE_SHAPE("graph.edge.shape"),
    /** An edge names a node index that does not exist. */
    EDGE_INDEX("graph.edge.index"),
    /** An edge leads from a node to itself. */
    EDGE_LOOP("graph.edge.loop"),
    /** An edge or conditional edge names a release that is not among the nodes. */
    EDGE_UNKNOWN_RELEASE("graph.edge.unknown-release"),
    /** A conditional edge's {@code edges} member is malformed. */
    CONDITIONAL_EDGES("graph.conditional.edges"),
    /** A conditional edge's {@code risks} member is malformed. */
    CONDITIONAL_RISKS("graph.conditional.risks"),
    /** A risk has no matching rules. */
    RISK_RULES_MISSING("graph.risk.rules.missing"),
    /** A risk's PromQL rule is malformed. */
    RISK_PROMQL("graph.risk.promql"),
    /** A blocked-edge {@code from} is not a valid regular expression. */
    BLOCKED_REGEX("graph.blocked.regex"),
    /** A required field is missing. */
    FIELD_MISSING("graph.field.missing"),
    /** A field has the wrong type. */
    FIELD_TYPE("graph.field.type");

    private final String code;

    GraphRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Always {@link Severity#ERROR}. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }
}
