package dev.coreos4j.planner.internal.json;

/**
 * Text that is not one well-formed JSON document (bad syntax, a duplicate object key, trailing content where the
 * caller forbids it). The message is the streaming parser's, without its location; {@link #line()} and
 * {@link #column()} give the location (1-based, 0 when unknown).
 */
public final class JsonSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** A syntax error at {@code line}, {@code column} (0 when unknown). */
    public JsonSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** Whether the parser told where the problem is. */
    public boolean hasLocation() {
        return line > 0;
    }
}
