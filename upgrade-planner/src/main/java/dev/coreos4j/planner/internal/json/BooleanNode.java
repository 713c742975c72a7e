package dev.coreos4j.planner.internal.json;

/** JSON {@code true} or {@code false}. */
public final class BooleanNode extends JsonNode {
    private final boolean value;

    /** A boolean node. */
    public BooleanNode(boolean value) {
        this.value = value;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.BOOLEAN;
    }

    @Override
    public boolean booleanValue() {
        return value;
    }

    @Override
    public String asString() {
        return Boolean.toString(value);
    }
}
