package dev.coreos4j.planner.internal.json;

import dev.coreos4j.problem.JsonPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value of the planner's small internal tree: parsed by {@link Json#parse} with its line, column and JSON
 * path, or built for writing ({@link ObjectNode}, {@link ArrayNode}). The accessors mirror the few a reader needs;
 * absent members are {@code null} (never a "missing" node). Parsed trees are not modified by the planner; built
 * trees are mutable and single-threaded.
 */
public abstract sealed class JsonNode permits ObjectNode, ArrayNode, StringNode, NumberNode, BooleanNode, NullNode {

    private @Nullable JsonNode parent;
    private @Nullable String key;
    private int index = -1;
    private int line;
    private int column;

    JsonNode() {}

    /** Records where a parsed value sits: its container, its key or index, and its 1-based line and column. */
    final void place(@Nullable JsonNode parent, @Nullable String key, int index, int line, int column) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the value's first character in the parsed text; 0 for a built value. */
    public final int line() {
        return line;
    }

    /** The 1-based column of the value's first character in the parsed text; 0 for a built value. */
    public final int column() {
        return column;
    }

    /**
     * The JSON path of the value from the document root ({@code $}, {@code $.items[3].metadata.name}); in RFC 9535 syntax ({@link JsonPath}): keys that are
     * not member-name shorthands are quoted ({@code $.metadata.annotations['example.com/key']}).
     */
    public final String path() {
        if (parent == null) {
            return "$";
        }
        return parent.path() + segment(key, index);
    }

    /**
     * The RFC 9535 path segment of a member {@code key} ({@code .key} when the key is a member-name shorthand, else
     * {@code ['key']} with RFC 9535 escapes, as {@link JsonPath} writes it), or of an array {@code index}.
     */
    public static String segment(@Nullable String key, int index) {
        if (key == null) {
            return "[" + index + "]";
        }
        return JsonPath.ROOT.child(key).toString().substring(1);
    }

    /** The kind of value. */
    public abstract JsonNodeType getNodeType();

    /** The member named {@code name} of an object, null when absent or when this is not an object. */
    public @Nullable JsonNode get(String name) {
        return null;
    }

    /** The element at {@code i} of an array, null when out of range or when this is not an array. */
    public @Nullable JsonNode get(int i) {
        return null;
    }

    /** Whether this is an object with a member named {@code name} (a JSON {@code null} member counts). */
    public boolean has(String name) {
        return get(name) != null;
    }

    /** The elements of an array or the member values of an object, in document order; empty otherwise. */
    public Iterable<JsonNode> values() {
        return List.of();
    }

    /** The members of an object in document order; empty otherwise. */
    public Set<Map.Entry<String, JsonNode>> properties() {
        return Collections.emptySet();
    }

    /** The number of elements or members; 0 for scalars. */
    public int size() {
        return 0;
    }

    /** Whether {@link #size()} is 0. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Whether this is an object. */
    public final boolean isObject() {
        return this instanceof ObjectNode;
    }

    /** Whether this is an array. */
    public final boolean isArray() {
        return this instanceof ArrayNode;
    }

    /** Whether this is a string. */
    public final boolean isString() {
        return this instanceof StringNode;
    }

    /** Whether this is a boolean. */
    public final boolean isBoolean() {
        return this instanceof BooleanNode;
    }

    /** Whether this is JSON {@code null}. */
    public final boolean isNull() {
        return this instanceof NullNode;
    }

    /** Whether this is a number. */
    public final boolean isNumber() {
        return this instanceof NumberNode;
    }

    /** Whether this is a number written without fraction or exponent. */
    public boolean isIntegralNumber() {
        return false;
    }

    /** Whether this is a number within the range of {@code int}. */
    public boolean canConvertToInt() {
        return false;
    }

    /** The number as an {@code int} (truncated); 0 for other values. */
    public int intValue() {
        return 0;
    }

    /** Same as {@link #intValue()}. */
    public final int asInt() {
        return intValue();
    }

    /** The text of a string, null for other values. */
    public @Nullable String stringValue() {
        return null;
    }

    /** The text of a string; for scalars their JSON text, for containers the empty string. */
    public String asString() {
        return "";
    }

    /** The value of a boolean; false for other values. */
    public boolean booleanValue() {
        return false;
    }

    /** The value as compact JSON text. */
    @Override
    public final String toString() {
        return Json.compact(this);
    }
}
