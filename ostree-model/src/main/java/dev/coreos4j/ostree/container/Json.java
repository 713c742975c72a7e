package dev.coreos4j.ostree.container;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The OCI JSON documents (index, manifest, config) as plain trees, read and written with jackson-core's streaming
 * API only: objects are insertion-ordered maps, arrays lists, numbers {@code Long} (or {@code Double}), strings,
 * booleans and {@code null}. Typed access goes through {@link Node}, which names the JSON path of every problem.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /**
     * Parses one JSON document.
     *
     * @param where the document's name for messages (a file or blob digest)
     * @throws ImageException ({@link ImageException.Kind#MALFORMED}) with line and column on a syntax error
     */
    static Node parse(byte[] bytes, String where) throws ImageException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ImageException(ImageException.Kind.MALFORMED, where, "empty JSON document");
            }
            Object value = read(p, t, where);
            if (p.nextToken() != null) {
                throw new ImageException(
                        ImageException.Kind.MALFORMED,
                        where + at(p.currentLocation()),
                        "trailing content after the JSON document");
            }
            return new Node(value, where, "$");
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            throw new ImageException(
                    ImageException.Kind.MALFORMED,
                    where + (loc == null ? "" : at(loc)),
                    "invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static String at(TokenStreamLocation loc) {
        return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static @Nullable Object read(JsonParser p, JsonToken t, String where) throws ImageException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    if (map.containsKey(name)) {
                        throw new ImageException(
                                ImageException.Kind.MALFORMED,
                                where + at(p.currentLocation()),
                                "duplicate key \"" + name + "\"");
                    }
                    map.put(name, read(p, p.nextToken(), where));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, n, where));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new ImageException(
                            ImageException.Kind.MALFORMED, where + at(p.currentLocation()), "integer out of range");
                }
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default ->
                throw new ImageException(
                        ImageException.Kind.MALFORMED, where + at(p.currentLocation()), "unexpected token " + t);
        }
    }

    /** Compact UTF-8 JSON of a tree (maps in their iteration order). */
    static byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, tree);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object v) {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    /** A value inside a parsed document with its JSON path, for typed access with located errors. */
    record Node(@Nullable Object value, String document, String path) {

        private ImageException error(String message) {
            return new ImageException(ImageException.Kind.MALFORMED, document + " " + path, message);
        }

        boolean isMissing() {
            return value == null;
        }

        Node get(String key) throws ImageException {
            return new Node(object().get(key), document, path + "." + key);
        }

        Map<String, Object> object() throws ImageException {
            if (!(value instanceof Map)) {
                throw error("expected an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value;
            return m;
        }

        List<Node> array() throws ImageException {
            if (!(value instanceof List<?> l)) {
                throw error("expected an array");
            }
            List<Node> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(new Node(l.get(i), document, path + "[" + i + "]"));
            }
            return out;
        }

        /** The array, or an empty list when absent or {@code null}. */
        List<Node> arrayOrEmpty() throws ImageException {
            return value == null ? List.of() : array();
        }

        String string() throws ImageException {
            if (!(value instanceof String s)) {
                throw error(value == null ? "missing (a string is required)" : "expected a string");
            }
            return s;
        }

        @Nullable
        String stringOrNull() throws ImageException {
            return value == null ? null : string();
        }

        long integer() throws ImageException {
            if (!(value instanceof Long l)) {
                throw error(value == null ? "missing (an integer is required)" : "expected an integer");
            }
            return l;
        }

        /** A string-to-string map, empty when absent or {@code null}. */
        Map<String, String> stringMap() throws ImageException {
            Map<String, String> out = new java.util.TreeMap<>();
            if (value == null) {
                return out;
            }
            for (Map.Entry<String, Object> e : object().entrySet()) {
                out.put(e.getKey(), get(e.getKey()).string());
            }
            return out;
        }
    }
}
