package dev.coreos4j.planner.json;

import dev.coreos4j.planner.MaxUnavailable;
import dev.coreos4j.planner.internal.json.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The typed field readers every snapshot reader shares: each checks one JSON value and names its path in the
 * {@link dev.coreos4j.planner.InvalidSnapshotException} it throws.
 */
final class JsonFields {
    private JsonFields() {}

    /** An int ({@code >= 0}) or a string ending in {@code %}; {@code fallback} when absent. */
    static MaxUnavailable budget(@Nullable JsonNode v, String at, MaxUnavailable fallback) {
        MaxUnavailable b = optBudget(v, at);
        return b == null ? fallback : b;
    }

    /** An int ({@code >= 0}) or a string ending in {@code %}; null when absent. */
    static @Nullable MaxUnavailable optBudget(@Nullable JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt()) {
                throw SnapshotRule.FIELD_VALUE.exception(at, "is out of range");
            }
            if (v.intValue() < 0) {
                throw SnapshotRule.FIELD_VALUE.exception(at, "must not be negative, got " + v.intValue());
            }
            return new MaxUnavailable.Count(v.intValue());
        }
        if (v.isString()) {
            String s = Objects.requireNonNull(v.stringValue());
            if (!s.endsWith("%")) {
                throw SnapshotRule.FIELD_VALUE.exception(
                        at, "a string must be a percentage ending in %, got \"" + s + "\"");
            }
            try {
                return MaxUnavailable.parse(s);
            } catch (IllegalArgumentException e) {
                throw SnapshotRule.FIELD_VALUE.exception(
                        at, "must be a non-negative percentage such as \"25%\", got \"" + s + "\"");
            }
        }
        throw SnapshotRule.FIELD_VALUE.exception(
                at, "must be a non-negative integer or a percentage string such as" + " \"25%\"");
    }

    static JsonNode required(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw SnapshotRule.FIELD_MISSING.exception(at + "." + field, "required field is missing");
        }
        return v;
    }

    static void object(JsonNode v, String at) {
        if (!v.isObject()) {
            throw SnapshotRule.FIELD_TYPE.exception(at, "expected an object");
        }
    }

    static Iterable<JsonNode> array(@Nullable JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw SnapshotRule.FIELD_TYPE.exception(at, "expected an array");
        }
        return v.values();
    }

    static String string(JsonNode v, String at) {
        if (!v.isString()) {
            throw SnapshotRule.FIELD_TYPE.exception(at, "expected a string");
        }
        return Objects.requireNonNull(v.stringValue());
    }

    static @Nullable String optString(@Nullable JsonNode v, String at) {
        return v == null || v.isNull() ? null : string(v, at);
    }

    static boolean bool(@Nullable JsonNode v, String at, boolean fallback) {
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw SnapshotRule.FIELD_TYPE.exception(at, "expected true or false");
        }
        return v.booleanValue();
    }

    static Instant instant(JsonNode v, String at) {
        String s = string(v, at);
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e2) {
                throw SnapshotRule.FIELD_VALUE.exception(
                        at, "expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got \"" + s + "\"");
            }
        }
    }

    static Map<String, String> stringMap(@Nullable JsonNode v, String at) {
        Map<String, String> out = new TreeMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        object(v, at);
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            out.put(e.getKey(), string(e.getValue(), at + JsonNode.segment(e.getKey(), 0)));
        }
        return out;
    }

    static List<String> stringList(@Nullable JsonNode v, String at) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode x : array(v, at)) {
            out.add(string(x, at + "[" + i++ + "]"));
        }
        return out;
    }

    static String oneLine(@Nullable String s) {
        return String.valueOf(s).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
