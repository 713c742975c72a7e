package dev.coreos4j.planner.internal.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A JSON object: members in insertion (document) order. The {@code put…} methods build objects for writing. */
public final class ObjectNode extends JsonNode {
    private final Map<String, JsonNode> members = new LinkedHashMap<>();

    /** An empty object. */
    public ObjectNode() {}

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.OBJECT;
    }

    @Override
    public @Nullable JsonNode get(String name) {
        return members.get(name);
    }

    @Override
    public Iterable<JsonNode> values() {
        return Collections.unmodifiableCollection(members.values());
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> properties() {
        return Collections.unmodifiableMap(members).entrySet();
    }

    /** The member names in order. */
    public Set<String> propertyNames() {
        return Collections.unmodifiableSet(members.keySet());
    }

    @Override
    public int size() {
        return members.size();
    }

    /** Sets member {@code name} to {@code value} (a JSON null for a null value); returns this. */
    public ObjectNode set(String name, @Nullable JsonNode value) {
        members.put(name, value == null ? new NullNode() : value);
        return this;
    }

    /** Sets a string member (JSON null for null); returns this. */
    public ObjectNode put(String name, @Nullable String value) {
        return set(name, value == null ? null : new StringNode(value));
    }

    /** Sets an int member; returns this. */
    public ObjectNode put(String name, int value) {
        return set(name, new NumberNode(value));
    }

    /** Sets a long member; returns this. */
    public ObjectNode put(String name, long value) {
        return set(name, new NumberNode(value));
    }

    /** Sets a boolean member; returns this. */
    public ObjectNode put(String name, boolean value) {
        return set(name, new BooleanNode(value));
    }

    /** Sets a JSON null member; returns this. */
    public ObjectNode putNull(String name) {
        return set(name, null);
    }

    /** Sets member {@code name} to a new empty object and returns that object. */
    public ObjectNode putObject(String name) {
        ObjectNode o = new ObjectNode();
        set(name, o);
        return o;
    }

    /** Sets member {@code name} to a new empty array and returns that array. */
    public ArrayNode putArray(String name) {
        ArrayNode a = new ArrayNode();
        set(name, a);
        return a;
    }

    /** Adds a parsed member; false (and nothing changed) when the name is already taken. */
    boolean parsed(String name, JsonNode value) {
        return members.putIfAbsent(name, value) == null;
    }
}
