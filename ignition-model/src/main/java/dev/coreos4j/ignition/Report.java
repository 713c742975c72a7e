package dev.coreos4j.ignition;

import dev.coreos4j.ignition.internal.GoPaths;
import dev.coreos4j.ignition.internal.GoPrintf;
import dev.coreos4j.ignition.internal.rules.ParseRule;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing or validating a config: an immutable, ordered list of {@link Problem}s. Entries appear in
 * the order Ignition reports them as far as it is known (structure checks, then duplicates, then unused keys).
 *
 * <p>Each problem's {@link dev.coreos4j.problem.Location} has the {@link JsonPath} of the offending value in RFC 9535
 * syntax ({@code $.storage.files[0].path}), or no path for a problem with the whole document (syntax, type or version
 * errors), and the {@link Position} (1-based line, column counted in bytes) of the JSON node where it is known. Its
 * code is the stable code of the rule that found it ({@code path-not-absolute}), its message Ignition's own text.
 * {@link #text()} renders the entries as Ignition prints them (Go's dotted path form, {@code $.storage.files.0.path}).
 *
 * @param entries the problems, in order; never null
 */
public record Report(List<Problem> entries) {

    /** A report without entries. */
    public static final Report EMPTY = new Report(List.of());

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public Report {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The entries as a {@link Problems} value. */
    public Problems problems() {
        return new Problems(entries);
    }

    /** Whether there is no {@link Severity#ERROR} entry (warnings allowed). */
    public boolean isValid() {
        return entries.stream().noneMatch(Problem::isError);
    }

    /** The error entries, in order. */
    public List<Problem> errors() {
        return entries.stream().filter(Problem::isError).toList();
    }

    /** The warning entries, in order. */
    public List<Problem> warnings() {
        return entries.stream().filter(e -> e.severity() == Severity.WARNING).toList();
    }

    /** This report followed by {@code other}'s entries. */
    public Report plus(Report other) {
        List<Problem> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Report(all);
    }

    /** The entries rendered one per line by {@link #text(Problem)}; the empty string when none. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Problem e : entries) {
            out.append(text(e)).append('\n');
        }
        return out.toString();
    }

    /** {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }

    /**
     * Exactly what {@code ignition-validate} writes on standard output for this report, Go's printf quirk included:
     * the tool passes the report text as a format string (coreos/ignition v2.26.0 validate/main.go), so a {@code %}
     * in a key or value prints as Go formats a verb without operand ({@code a%sb} as {@code a%!s(MISSING)b},
     * {@code %%} as {@code %}); the whole text is also trimmed of white space and ends with one newline. The empty
     * string when there are no entries (the tool prints nothing then). {@link #text()} and each entry's text stay
     * clean.
     */
    public String ignitionValidateText() {
        if (entries.isEmpty()) {
            return "";
        }
        return GoPrintf.ignitionValidateStdout(text());
    }

    /**
     * One problem rendered as Ignition prints a report entry: {@code error at $.storage.files.0.path, line 1 col 61:
     * path not absolute} (the path in Go's dotted form). A JSON syntax or type error without a position (at the end
     * of the input) renders as {@code line 0 col 0}, as Ignition prints it.
     */
    public static String text(Problem problem) {
        JsonPath path = problem.location().path();
        Position position = problem.location().position();
        StringBuilder s = new StringBuilder(problem.severity().label());
        if (path != null) {
            s.append(" at ").append(GoPaths.dotted(path));
        }
        if (position != null) {
            s.append(path != null ? ", " : " at ")
                    .append("line ")
                    .append(position.line())
                    .append(" col ")
                    .append(position.column());
        } else if (path == null
                && (problem.code().equals(ParseRule.JSON_SYNTAX.code())
                        || problem.code().equals(ParseRule.JSON_TYPE.code()))) {
            s.append(" at line 0 col 0");
        }
        return s.append(": ").append(problem.message()).toString();
    }

    /**
     * The path of {@code problem} in Go's dotted form ({@code $.storage.files.0.path}), as Ignition prints it; null
     * when the problem has no path.
     */
    public static @org.jspecify.annotations.Nullable String dottedPath(Problem problem) {
        JsonPath path = problem.location().path();
        return path == null ? null : GoPaths.dotted(path);
    }
}
