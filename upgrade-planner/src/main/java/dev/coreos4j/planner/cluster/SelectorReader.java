package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.internal.json.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the label selectors (pool node and MachineConfig selectors, PDB selectors) and int-or-percent budgets of
 * cluster objects, recording problems in the read's {@link FieldReader}. Not thread-safe (one per read).
 */
final class SelectorReader {
    private final FieldReader fields;

    SelectorReader(FieldReader fields) {
        this.fields = fields;
    }

    LabelSelector selector(ClusterObject o, @Nullable JsonNode s, boolean expressions) {
        if (s == null || s.isNull()) {
            return LabelSelector.NONE;
        }
        if (!s.isObject()) {
            fields.error(ClusterRule.FIELD_TYPE, o, s, "expected a label selector object");
            return LabelSelector.NONE;
        }
        Map<String, String> labels = fields.stringMap(o, s.get("matchLabels"));
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        JsonNode exprs = s.get("matchExpressions");
        if (exprs != null && !exprs.isNull()) {
            if (!expressions) {
                fields.error(
                        ClusterRule.FIELD_VALUE,
                        o,
                        exprs,
                        "matchExpressions is not supported here; select the pods with matchLabels");
            } else if (!exprs.isArray()) {
                fields.error(ClusterRule.FIELD_TYPE, o, exprs, "expected an array");
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

    LabelSelector.@Nullable Requirement requirement(ClusterObject o, JsonNode x) {
        if (!x.isObject()) {
            fields.error(ClusterRule.FIELD_TYPE, o, x, "expected an object with key, operator and values");
            return null;
        }
        String key = fields.string(o, x.get("key"));
        String op = fields.string(o, x.get("operator"));
        if (key == null || op == null) {
            fields.error(ClusterRule.FIELD_MISSING, o, x, x.path(), "key and operator are required");
            return null;
        }
        LabelSelector.Operator operator;
        try {
            operator = LabelSelector.Operator.parse(op);
        } catch (IllegalArgumentException e) {
            fields.error(
                    ClusterRule.FIELD_VALUE,
                    o,
                    Objects.requireNonNull(x.get("operator")),
                    "must be In, NotIn, Exists or DoesNotExist, got \"" + op + "\"");
            return null;
        }
        Set<String> values = new HashSet<>(fields.stringList(o, x.get("values")));
        try {
            return new LabelSelector.Requirement(key, operator, values);
        } catch (IllegalArgumentException e) {
            fields.error(ClusterRule.FIELD_VALUE, o, x, x.path() + ".values", e.getMessage());
            return null;
        }
    }

    @Nullable
    MaxUnavailable budget(ClusterObject o, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
            return new MaxUnavailable.Count(v.intValue());
        }
        if (v.isString() && Objects.requireNonNull(v.stringValue()).endsWith("%")) {
            try {
                return MaxUnavailable.parse(v.stringValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        fields.error(
                ClusterRule.FIELD_VALUE,
                o,
                v,
                "must be a non-negative integer or a percentage such as \"25%\", got " + v);
        return null;
    }
}
