package dev.coreos4j.ignition.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One JSON value with its byte position in the source document. Objects keep every member in document order,
 * duplicates included (Go decodes them all in order, so the last one wins).
 */
public final class JNode {

    /** The JSON kind, named as Go's decoder names it in type errors. */
    public enum Kind {
        OBJECT("object"),
        ARRAY("array"),
        STRING("string"),
        NUMBER("number"),
        BOOL("bool"),
        NULL("null");

        final String goName;

        Kind(String goName) {
            this.goName = goName;
        }
    }

    /** An object member: the key, the byte offset of the key's opening quote, and the value. */
    public record Member(String key, int keyOffset, JNode value) {}

    final Kind kind;
    /** Byte offset of the first byte of the value. */
    final int start;
    /** Byte offset just past the value. */
    int end;
    /** Decoded string, raw number text, "true"/"false"/"null", or "" for an object or array. */
    final String text;

    final List<Member> members;
    final List<JNode> elements;
    /**
     * Set on the root when the document holds a number beyond float64's range: Ignition's position tree then fails
     * to build, so it reports no positions, no unused keys and no tree-mismatch warnings.
     */
    boolean hugeNumber;

    JNode(Kind kind, int start, String text) {
        this.kind = kind;
        this.start = start;
        this.text = text;
        this.members = kind == Kind.OBJECT ? new ArrayList<>() : List.of();
        this.elements = kind == Kind.ARRAY ? new ArrayList<>() : List.of();
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public List<Member> members() {
        return members;
    }

    public List<JNode> elements() {
        return elements;
    }

    /** The offset Ignition's position tree reports: just past the bracket for containers, else the start. */
    int markerOffset() {
        return kind == Kind.OBJECT || kind == Kind.ARRAY ? start + 1 : start;
    }

    /** The last member whose key equals {@code key} exactly, or null. */
    @Nullable
    Member member(String key) {
        @Nullable Member found = null;
        for (Member m : members) {
            if (m.key().equals(key)) {
                found = m;
            }
        }
        return found;
    }
}
