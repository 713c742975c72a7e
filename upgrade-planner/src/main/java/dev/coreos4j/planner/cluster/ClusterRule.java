package dev.coreos4j.planner.cluster;

import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;

/**
 * The rules of reading cluster objects ({@link Cluster#read}): every problem of a {@link ClusterReadResult} comes from
 * one of them, with its stable dotted code (match on the code, not on the message). Errors keep the objects from
 * becoming a snapshot; warnings say what was left out, and the snapshot says so through the planner's reasons.
 */
public enum ClusterRule implements Rule {
    /** A document is not valid JSON. */
    JSON_SYNTAX("cluster.json.syntax", Severity.ERROR),
    /** A document or list item is not a Kubernetes object, or an object has no kind. */
    OBJECT_SHAPE("cluster.object.shape", Severity.ERROR),
    /** A required field is missing. */
    FIELD_MISSING("cluster.field.missing", Severity.ERROR),
    /** A value has the wrong JSON type or shape. */
    FIELD_TYPE("cluster.field.type", Severity.ERROR),
    /** A value is of the right type but not allowed (not one of the allowed words, malformed, out of range). */
    FIELD_VALUE("cluster.field.value", Severity.ERROR),
    /** A MachineConfig cannot be read, or a pool's MachineConfigs cannot be rendered. */
    MACHINE_CONFIG("cluster.machine-config", Severity.ERROR),
    /** The objects read do not make a consistent snapshot. */
    INCONSISTENT("cluster.inconsistent", Severity.ERROR),
    /** An object of a kind the reader does not use. */
    KIND_UNREAD("cluster.kind.unread", Severity.WARNING),
    /** The same object given twice: the later one is used. */
    OBJECT_REPEATED("cluster.object.repeated", Severity.WARNING),
    /** A node the planner leaves out or that no pool owns (a Windows node, one not managed by the MCO yet). */
    NODE_LEFT_OUT("cluster.node.left-out", Severity.WARNING),
    /** A value read as absent (an empty annotation). */
    VALUE_IGNORED("cluster.value.ignored", Severity.WARNING);

    private final String code;
    private final Severity severity;

    ClusterRule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }
}
