package dev.coreos4j.problem;

import org.jspecify.annotations.Nullable;

/**
 * Where a problem is. Every part is optional, and a problem names as many as it knows: a config file's problem has a
 * source, a path and a position; a repository's has the repository as source and an object; a snapshot's has a
 * path and the node it is about.
 *
 * @param source the file, directory or repository the content came from, as the user named it; or null
 * @param path the value inside a JSON or YAML document; or null for the document as a whole or non-JSON content
 * @param object the object the problem is about (an OSTree object, a Kubernetes object, a node); or null
 * @param position line and column in the source text; or null when unknown
 */
public record Location(
        @Nullable String source,
        @Nullable JsonPath path,
        @Nullable ObjectRef object,
        @Nullable Position position) {

    /** Nowhere in particular: the problem is about the input as a whole. */
    public static final Location NONE = new Location(null, null, null, null);

    /** At {@code path} of an unnamed document. */
    public static Location at(JsonPath path) {
        return new Location(null, path, null, null);
    }

    /** At {@code path}, line {@code line} column {@code column} of an unnamed document. */
    public static Location at(JsonPath path, int line, int column) {
        return new Location(null, path, null, new Position(line, column));
    }

    /** About {@code object}. */
    public static Location of(ObjectRef object) {
        return new Location(null, null, object, null);
    }

    /** About the object {@code kind/name}. */
    public static Location of(String kind, String name) {
        return of(new ObjectRef(kind, name));
    }

    /** In {@code source} as a whole. */
    public static Location in(String source) {
        return new Location(source, null, null, null);
    }

    /** This location with {@code source} as its source. */
    public Location withSource(@Nullable String source) {
        return new Location(source, path, object, position);
    }

    /** This location with {@code path} as its path. */
    public Location withPath(@Nullable JsonPath path) {
        return new Location(source, path, object, position);
    }

    /** This location with {@code object} as its object. */
    public Location withObject(@Nullable ObjectRef object) {
        return new Location(source, path, object, position);
    }

    /** This location with {@code position} as its position. */
    public Location withPosition(@Nullable Position position) {
        return new Location(source, path, object, position);
    }

    /** Whether no part is known. */
    public boolean isEmpty() {
        return source == null && path == null && object == null && position == null;
    }

    /**
     * The known parts, as compilers print them: {@code source:line:column}, then the path, then the object —
     * {@code cluster.json:12:5 $.items[3] Node/worker-0}. The empty string for {@link #NONE}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (source != null) {
            out.append(source);
        }
        if (position != null) {
            out.append(source != null ? ":" : "").append(position);
        }
        if (path != null) {
            out.append(out.length() > 0 ? " " : "").append(path);
        }
        if (object != null) {
            out.append(out.length() > 0 ? " " : "").append(object);
        }
        return out.toString();
    }
}
