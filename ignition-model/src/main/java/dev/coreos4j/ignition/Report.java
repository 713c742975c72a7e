package dev.coreos4j.ignition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing or validating a config: an immutable, ordered list of entries. Entries appear in the order
 * Ignition reports them as far as it is known (structure checks, then duplicates, then unused keys).
 *
 * @param entries the entries; never null
 */
public record Report(List<Entry> entries) {

    /** A report without entries. */
    public static final Report EMPTY = new Report(List.of());

    public Report {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** Whether there is no {@link Severity#ERROR} entry (warnings allowed). */
    public boolean isValid() {
        return entries.stream().noneMatch(e -> e.severity() == Severity.ERROR);
    }

    /** The error entries, in order. */
    public List<Entry> errors() {
        return entries.stream().filter(e -> e.severity() == Severity.ERROR).toList();
    }

    /** The warning entries, in order. */
    public List<Entry> warnings() {
        return entries.stream().filter(e -> e.severity() == Severity.WARNING).toList();
    }

    /** This report followed by {@code other}'s entries. */
    public Report plus(Report other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Report(all);
    }

    /** The entries rendered one per line, like {@code ignition-validate} prints them (empty string when none). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(e).append('\n');
        }
        return out.toString();
    }

    /**
     * Exactly what {@code ignition-validate} writes on standard output for this report, Go's printf quirk included:
     * the tool passes the report text as a format string (coreos/ignition v2.26.0 validate/main.go), so a {@code %}
     * in a key or value prints as Go formats a verb without operand ({@code a%sb} as {@code a%!s(MISSING)b},
     * {@code %%} as {@code %}); the whole text is also trimmed of white space and ends with one newline. The empty
     * string when there are no entries (the tool prints nothing then). {@link #toString()} and each entry's text
     * stay clean.
     */
    public String ignitionValidateText() {
        if (entries.isEmpty()) {
            return "";
        }
        return dev.coreos4j.ignition.internal.GoPrintf.ignitionValidateStdout(toString());
    }

    /**
     * One finding.
     *
     * @param severity error or warning; never null
     * @param path     JSONPath of the offending value ({@code $.storage.files.0.path}), or null for a problem with
     *                 the whole document (syntax, type or version errors)
     * @param code     stable identifier of the rule, e.g. {@code path-not-absolute}; never null
     * @param message  Ignition's message text, e.g. {@code path not absolute}; never null
     * @param line     1-based line of the JSON node the entry points at, or null when unknown
     * @param column   1-based column, counted in bytes, or null when unknown
     */
    public record Entry(Severity severity, String path, String code, String message, Integer line, Integer column) {
        public Entry {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /**
         * Renders like Ignition: {@code error at $.storage.files.0.path, line 1 col 61: path not absolute}. A JSON
         * syntax or type error without a position (at the end of the input) renders as {@code line 0 col 0}, as
         * Ignition prints it.
         */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(severity.toString());
            if (path != null) {
                s.append(" at ").append(path);
            }
            if (line != null && column != null) {
                s.append(path != null ? ", " : " at ")
                        .append("line ")
                        .append(line)
                        .append(" col ")
                        .append(column);
            } else if (path == null && (code.equals("json-syntax") || code.equals("json-type"))) {
                s.append(" at line 0 col 0");
            }
            return s.append(": ").append(message).toString();
        }
    }
}
