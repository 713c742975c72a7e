package dev.coreos4j.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The location of a value inside a JSON (or YAML) document, written in one syntax everywhere: RFC 9535's, with
 * member-name shorthand where a name allows it — {@code $.storage.files[0].path},
 * {@code $.metadata.labels['node-role.kubernetes.io/worker']}.
 *
 * <p>Immutable; {@link #equals} compares segments.
 */
public final class JsonPath {
    /** The document itself: {@code $}. */
    public static final JsonPath ROOT = new JsonPath(List.of());

    /** One step of a path: a member {@link Name} or an array {@link Index}. */
    public sealed interface Segment permits Name, Index {}

    /**
     * An object member.
     *
     * @param name the member name, any string
     */
    public record Name(String name) implements Segment {
        /**
         * Checks the name.
         *
         * @throws NullPointerException if {@code name} is null
         */
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An array element.
     *
     * @param index 0-based index
     */
    public record Index(int index) implements Segment {
        /**
         * Checks the index.
         *
         * @throws IllegalArgumentException if {@code index} is negative
         */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative: " + index);
            }
        }
    }

    private final List<Segment> segments;

    private JsonPath(List<Segment> segments) {
        this.segments = segments;
    }

    /**
     * A path of the given segments.
     *
     * @throws NullPointerException if the list or a segment is null
     */
    public static JsonPath of(List<? extends Segment> segments) {
        return segments.isEmpty() ? ROOT : new JsonPath(List.copyOf(segments));
    }

    /**
     * A path from names and indices: each {@code String} is a member name, each {@code Integer} an array index.
     *
     * @throws IllegalArgumentException if a step is neither
     */
    public static JsonPath of(Object... steps) {
        List<Segment> out = new ArrayList<>(steps.length);
        for (Object step : steps) {
            if (step instanceof String s) {
                out.add(new Name(s));
            } else if (step instanceof Integer i) {
                out.add(new Index(i));
            } else {
                throw new IllegalArgumentException("a step is a String name or an Integer index, not: " + step);
            }
        }
        return of(out);
    }

    /** The segments from the root, unmodifiable. */
    public List<Segment> segments() {
        return segments;
    }

    /** Whether this is {@link #ROOT}. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** This path followed by member {@code name}. */
    public JsonPath child(String name) {
        return append(new Name(name));
    }

    /** This path followed by array element {@code index}. */
    public JsonPath index(int index) {
        return append(new Index(index));
    }

    /** This path followed by {@code segment}. */
    public JsonPath append(Segment segment) {
        Objects.requireNonNull(segment, "segment");
        List<Segment> out = new ArrayList<>(segments.size() + 1);
        out.addAll(segments);
        out.add(segment);
        return new JsonPath(List.copyOf(out));
    }

    /**
     * The path without its last segment.
     *
     * @throws IllegalStateException on {@link #ROOT}
     */
    public JsonPath parent() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("$ has no parent");
        }
        return of(segments.subList(0, segments.size() - 1));
    }

    /** Whether {@code prefix}'s segments begin this path (every path starts with {@link #ROOT} and itself). */
    public boolean startsWith(JsonPath prefix) {
        return prefix.segments.size() <= segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /**
     * Reads a path written in this class's syntax: {@code $}, then {@code .name} (shorthand), {@code ['name']} or
     * {@code ["name"]} (with RFC 9535 escapes) and {@code [index]} steps.
     *
     * @throws IllegalArgumentException naming the offset of the first character that does not fit
     */
    public static JsonPath parse(String text) {
        return new PathParser(text).parse();
    }

    /** The path in RFC 9535 syntax with member-name shorthand where allowed. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("$");
        for (Segment s : segments) {
            if (s instanceof Index i) {
                out.append('[').append(i.index()).append(']');
            } else {
                String name = ((Name) s).name();
                if (isShorthand(name)) {
                    out.append('.').append(name);
                } else {
                    out.append("['");
                    appendEscaped(out, name);
                    out.append("']");
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** RFC 9535 member-name-shorthand: name-first (ALPHA, {@code _}, non-ASCII) then name-chars (also DIGIT). */
    static boolean isShorthand(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean first = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
            if (!(first || (i > 0 && c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static void appendEscaped(StringBuilder out, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
