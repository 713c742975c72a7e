package dev.coreos4j.planner.internal.json;

/** JSON {@code null}. */
public final class NullNode extends JsonNode {

    /** A null node. */
    public NullNode() {}

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.NULL;
    }

    @Override
    public String asString() {
        return "null";
    }
}
