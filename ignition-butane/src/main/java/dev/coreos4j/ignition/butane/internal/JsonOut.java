package dev.coreos4j.ignition.butane.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes the output tree as Butane marshals it (Go's {@code encoding/json} through {@code clarketm/json}): fields
 * in Go struct order, absent pointers, empty lists and empty structs omitted, list keys always written, partition
 * number 0 omitted, maps with sorted keys, {@code <>&} and U+2028/U+2029 escaped; compact, or indented by two spaces
 * like {@code json.MarshalIndent}.
 */
public final class JsonOut {
    private final StringBuilder out;
    private final boolean pretty;

    private JsonOut(boolean pretty, int sizeHint) {
        this.pretty = pretty;
        this.out = new StringBuilder(sizeHint);
    }

    public static byte[] write(J.Obj root, boolean pretty) {
        JsonOut w = new JsonOut(pretty, 4096);
        w.value(root, 0);
        return w.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> ORDERS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The output field order of a type: its JSON fields in Go struct order. */
    public static @Nullable List<String> order(String type) {
        if (type.equals("map")) {
            return null;
        }
        return ORDERS.computeIfAbsent(type, JsonOut::computeOrder);
    }

    private static @Nullable List<String> computeOrder(String type) {
        switch (type) {
            case "MachineConfig" -> {
                return List.of("apiVersion", "kind", "metadata", "spec");
            }
            case "MCMetadata" -> {
                return List.of("name", "labels");
            }
            case "MCSpec" -> {
                return List.of("config", "kernelArguments", "extensions", "fips", "kernelType");
            }
            case "map" -> {
                return null;
            }
            default -> {}
        }
        List<String> names = new ArrayList<>();
        for (Schema.Field f : Schema.type(type).fields()) {
            if (f.json() != null) {
                names.add(f.json());
            }
        }
        if (type.equals("Ignition")) {
            names.add("version");
        }
        return List.copyOf(names);
    }

    /** Fields written even when empty ({@code string} list keys). */
    static boolean isKey(String type, String field) {
        return KEYS.computeIfAbsent(type + "." + field, k -> computeIsKey(type, field));
    }

    private static boolean computeIsKey(String type, String field) {
        if (type.equals("MCMetadata")) {
            return field.equals("name");
        }
        if (type.equals("MachineConfig")) {
            return field.equals("apiVersion") || field.equals("kind");
        }
        if (type.equals("MCSpec") || type.equals("map")) {
            return false;
        }
        if (type.equals("Ignition")) {
            return field.equals("version");
        }
        for (Schema.Field f : Schema.type(type).fields()) {
            if (field.equals(f.json())) {
                return f.kind() == Schema.Kind.KEY;
            }
        }
        return false;
    }

    /** Whether a value is omitted as a struct field. */
    static boolean omitted(String type, String field, @Nullable Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof J.Arr a) {
            return a.items.isEmpty();
        }
        if (v instanceof J.Obj o) {
            return !o.type.equals("Config") && isEmptyObj(o) && !type.equals("MCSpec");
        }
        if (v instanceof Long l && l == 0 && type.equals("Partition") && field.equals("number")) {
            return true;
        }
        if (v instanceof String s && s.isEmpty() && isKey(type, field)) {
            // a non-pointer string is written even when empty
            return false;
        }
        return false;
    }

    static boolean isEmptyObj(J.Obj o) {
        for (Map.Entry<String, Object> e : o.f.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s && s.isEmpty() && isKey(o.type, e.getKey())) {
                continue;
            }
            if (!omitted(o.type, e.getKey(), v)) {
                return false;
            }
        }
        return true;
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    private void value(@Nullable Object v, int depth) {
        if (v instanceof J.Obj o) {
            obj(o, depth);
        } else if (v instanceof J.Arr a) {
            if (a.items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < a.items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                newline(depth + 1);
                value(a.items.get(i), depth + 1);
            }
            newline(depth);
            out.append(']');
        } else if (v instanceof String s) {
            string(out, s);
        } else {
            out.append(v);
        }
    }

    private void obj(J.Obj o, int depth) {
        List<String> order = order(o.type);
        Iterable<String> keys;
        if (order == null) {
            keys = new TreeMap<>(o.f).keySet();
        } else {
            List<String> present = new ArrayList<>();
            for (String k : order) {
                if (o.f.containsKey(k) || isKey(o.type, k)) {
                    present.add(k);
                }
            }
            keys = present;
        }
        boolean first = true;
        out.append('{');
        for (String k : keys) {
            Object v = o.f.get(k);
            if (v == null && isKey(o.type, k)) {
                v = "";
            }
            if (order != null && omitted(o.type, k, v)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            string(out, k);
            out.append(pretty ? ": " : ":");
            value(v, depth + 1);
        }
        if (!first) {
            newline(depth);
        }
        out.append('}');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' ->
                    out.append("\\u")
                            .append(HEX[c >> 12 & 15])
                            .append(HEX[c >> 8 & 15])
                            .append(HEX[c >> 4 & 15])
                            .append(HEX[c & 15]);
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else if (Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c)
                                    && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
