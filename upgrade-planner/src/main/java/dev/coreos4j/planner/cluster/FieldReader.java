package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.internal.json.JsonNode;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.ObjectRef;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The typed field reads of one cluster read: each checks a JSON value of a Kubernetes object and records a
 * {@link Problem} (with the object, JSON path, line and column) instead of throwing, so a read reports every
 * problem. Not thread-safe (one per {@link ClusterReader}).
 */
final class FieldReader {
    final List<Problem> problems = new ArrayList<>();
    int errorCount;

    static @Nullable JsonNode at(JsonNode n, String... names) {
        JsonNode v = n;
        for (String name : names) {
            if (v == null || !v.isObject()) {
                return null;
            }
            v = v.get(name);
        }
        return v;
    }

    @Nullable
    JsonNode object(ClusterObject o, @Nullable JsonNode v, boolean required) {
        if (v == null || v.isNull()) {
            if (required) {
                error(ClusterRule.FIELD_MISSING, o, o.node(), o.node().path() + ".spec", "required field is missing");
            }
            return null;
        }
        if (!v.isObject()) {
            error(ClusterRule.FIELD_TYPE, o, v, "expected an object");
            return null;
        }
        return v;
    }

    @Nullable
    String string(ClusterObject o, @Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            error(ClusterRule.FIELD_TYPE, o, v, "expected a string, got " + v);
            return null;
        }
        return v.stringValue();
    }

    boolean bool(ClusterObject o, @Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            error(ClusterRule.FIELD_TYPE, o, v, "expected true or false, got " + v);
            return false;
        }
        return v.booleanValue();
    }

    Map<String, String> stringMap(ClusterObject o, @Nullable JsonNode v) {
        Map<String, String> out = new TreeMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            error(ClusterRule.FIELD_TYPE, o, v, "expected an object of strings");
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

    List<String> stringList(ClusterObject o, @Nullable JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(ClusterRule.FIELD_TYPE, o, v, "expected an array of strings");
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

    Instant instant(ClusterObject o, @Nullable JsonNode v, String path) {
        if (v == null || v.isNull()) {
            error(ClusterRule.FIELD_MISSING, o, o.node(), path, "required field is missing");
            return Instant.EPOCH;
        }
        String s = string(o, v);
        if (s == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            error(
                    ClusterRule.FIELD_VALUE,
                    o,
                    v,
                    "expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got \"" + s + "\"");
            return Instant.EPOCH;
        }
    }

    int errors() {
        return errorCount;
    }

    void error(ClusterRule rule, ClusterObject o, JsonNode v, @Nullable String message) {
        error(rule, o, v, v.path(), message);
    }

    void error(ClusterRule rule, ClusterObject o, @Nullable JsonNode v, String path, @Nullable String message) {
        error(rule, o.source(), o.kind(), o.name(), v, path, message);
    }

    void error(
            ClusterRule rule,
            String source,
            @Nullable String kind,
            @Nullable String name,
            @Nullable JsonNode v,
            String path,
            @Nullable String message) {
        errorCount++;
        problems.add(problem(
                rule,
                source,
                kind,
                name,
                path,
                v == null ? 0 : v.line(),
                v == null ? 0 : v.column(),
                String.valueOf(message)));
    }

    void warn(ClusterRule rule, ClusterObject o, JsonNode v, String message) {
        problems.add(problem(rule, o.source(), o.kind(), o.name(), v.path(), v.line(), v.column(), message));
    }

    /**
     * A problem of {@code rule} in {@code source}, about object {@code kind/name} (none without a kind; {@code
     * (unnamed)} without a name), at {@code path} (RFC 9535 text), line and column (0 when unknown).
     */
    static Problem problem(
            ClusterRule rule,
            String source,
            @Nullable String kind,
            @Nullable String name,
            String path,
            int line,
            int column,
            String message) {
        ObjectRef object = kind == null ? null : new ObjectRef(kind, name == null ? "(unnamed)" : name);
        Position position = line > 0 && column > 0 ? new Position(line, column) : null;
        return Problem.of(rule, message, new Location(source, JsonPath.parse(path), object, position));
    }

    /** MCO's {@code CheckNodeReady} over the conditions: Ready must be True, DiskPressure and NetworkUnavailable False. */
    boolean ready(ClusterObject o, @Nullable JsonNode conditions) {
        if (conditions == null || conditions.isNull()) {
            return true;
        }
        if (!conditions.isArray()) {
            error(ClusterRule.FIELD_TYPE, o, conditions, "expected an array of conditions");
            return false;
        }
        boolean ready = true;
        for (JsonNode c : conditions.values()) {
            if (!c.isObject()) {
                error(ClusterRule.FIELD_TYPE, o, c, "expected a condition object with type and status");
                continue;
            }
            String type = string(o, c.get("type"));
            String status = string(o, c.get("status"));
            if (type == null || status == null) {
                error(ClusterRule.FIELD_VALUE, o, c, "a condition needs its type and status");
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
}
