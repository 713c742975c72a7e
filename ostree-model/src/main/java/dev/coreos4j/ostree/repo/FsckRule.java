package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.ObjectRef;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@link Repository#fsck}: each problem it reports comes from one of these, with the rule's code and
 * severity. A problem's location has the object's path in the repository ({@code objects/ab/cdef….filez}, a ref file,
 * a partial marker) as its source and, for an object, the object ({@code commit/CHECKSUM}).
 */
public enum FsckRule implements Rule {
    /** A reachable object is not in the repository. */
    MISSING_OBJECT("missing-object", Severity.ERROR),
    /** An object's content does not hash to its name. */
    CHECKSUM_MISMATCH("checksum-mismatch", Severity.ERROR),
    /** An object cannot be parsed, or is not a regular file. */
    INVALID_OBJECT("invalid-object", Severity.ERROR),
    /** A content object's header declares another size than its intact content has: worth knowing, not damage. */
    SIZE_MISMATCH("size-mismatch", Severity.WARNING),
    /** A ref cannot be read, or names a missing or corrupt commit. */
    BAD_REF("bad-ref", Severity.ERROR),
    /** A commit's ref or collection bindings do not match the refs that name it. */
    BAD_BINDING("bad-binding", Severity.ERROR),
    /** A commit an earlier fsck marked partial because objects of it were missing or corrupt. */
    PARTIAL_COMMIT_CORRUPT("partial-commit", Severity.ERROR),
    /** A commit pulled partially (not verified). */
    PARTIAL_COMMIT("partial-commit", Severity.WARNING);

    private final String code;
    private final Severity severity;

    FsckRule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    /**
     * A problem from this rule at {@code path} in the repository: the path is the location's source, and an object
     * path ({@code objects/XX/REST.EXT}) or partial marker ({@code state/HEX.commitpartial}) also names the object.
     */
    Problem at(String path, @Nullable String message) {
        return Problem.of(this, String.valueOf(message), Location.in(path).withObject(objectAt(path)));
    }

    /** The path in the repository a finding is about (its location's source). */
    static String pathOf(Problem p) {
        String source = p.location().source();
        return source == null ? "" : source;
    }

    /** The object at {@code path}, or null when the path names none. */
    private static @Nullable ObjectRef objectAt(String path) {
        if (path.startsWith("state/") && path.endsWith(".commitpartial")) {
            String hex = path.substring("state/".length(), path.length() - ".commitpartial".length());
            return Checksum.isValid(hex) ? new ObjectRef(ObjectType.COMMIT.extension(), hex) : null;
        }
        if (!path.startsWith("objects/") || path.length() < "objects/XX/".length()) {
            return null;
        }
        String rest = path.substring("objects/".length());
        int dot = rest.indexOf('.');
        if (dot < 0 || rest.indexOf('/') != 2) {
            return null;
        }
        String hex = rest.substring(0, 2) + rest.substring(3, dot);
        String ext = rest.substring(dot + 1);
        if (!Checksum.isValid(hex)) {
            return null;
        }
        return new ObjectRef(ext.equals("filez") ? "file" : ext, hex);
    }
}
