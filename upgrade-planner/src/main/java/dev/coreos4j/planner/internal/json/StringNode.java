package dev.coreos4j.planner.internal.json;

/** A JSON string. */
public final class StringNode extends JsonNode {
    private final String value;

    /** A string node holding {@code value} (not null). */
    public StringNode(String value) {
        this.value = java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public String stringValue() {
        return value;
    }

    @Override
    public String asString() {
        return value;
    }
}
