package dev.coreos4j.planner.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A JSON array. The {@code add…} methods build arrays for writing. */
public final class ArrayNode extends JsonNode {
    private final List<JsonNode> elements = new ArrayList<>();

    /** An empty array. */
    public ArrayNode() {}

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.ARRAY;
    }

    @Override
    public @Nullable JsonNode get(int i) {
        return i >= 0 && i < elements.size() ? elements.get(i) : null;
    }

    @Override
    public Iterable<JsonNode> values() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** Appends {@code value} (a JSON null for null); returns this. */
    public ArrayNode add(@Nullable JsonNode value) {
        elements.add(value == null ? new NullNode() : value);
        return this;
    }

    /** Appends a string (JSON null for null); returns this. */
    public ArrayNode add(String value) {
        return add(value == null ? null : new StringNode(value));
    }

    /** Appends an int; returns this. */
    public ArrayNode add(int value) {
        return add(new NumberNode(value));
    }

    /** Appends a new empty object and returns it. */
    public ObjectNode addObject() {
        ObjectNode o = new ObjectNode();
        add(o);
        return o;
    }

    /** Appends a new empty array and returns it. */
    public ArrayNode addArray() {
        ArrayNode a = new ArrayNode();
        add(a);
        return a;
    }
}
