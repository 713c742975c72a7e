package dev.coreos4j.problem;

/**
 * A place in a text document.
 *
 * @param line 1-based line
 * @param column 1-based column (in bytes of UTF-8 for JSON documents, as Ignition counts; in characters for YAML)
 */
public record Position(int line, int column) {
    /**
     * Checks the coordinates.
     *
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** {@code line:column}. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
