package dev.coreos4j.planner;

/**
 * A snapshot document that cannot be planned: malformed JSON, a missing or mistyped field, a negative or malformed
 * budget, an unknown pool, a duplicate name. The message is one line that starts with the JSON path.
 */
public final class InvalidSnapshotException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /** A snapshot document that cannot be read; the message names the JSON path. */
    public InvalidSnapshotException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** The JSON path of the offending field, e.g. {@code $.pools[0].maxUnavailable}. */
    public String path() {
        return path;
    }
}
