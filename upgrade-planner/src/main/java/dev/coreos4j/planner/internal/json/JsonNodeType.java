package dev.coreos4j.planner.internal.json;

/** The kinds of {@link JsonNode} (names as Jackson's tree model spells them). */
public enum JsonNodeType {
    /** An array. */
    ARRAY,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL,
    /** A number. */
    NUMBER,
    /** An object. */
    OBJECT,
    /** A string. */
    STRING
}
