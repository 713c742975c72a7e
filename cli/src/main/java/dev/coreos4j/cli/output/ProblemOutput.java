package dev.coreos4j.cli.output;

import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import tools.jackson.core.JsonGenerator;

/**
 * The one way the CLI shows a {@link Problem}, whichever library found it: as text ({@link Problem#toString()}) or
 * as a JSON object with the members {@code severity}, {@code code}, {@code message} and, when known, {@code source},
 * {@code path} (RFC 9535 syntax), {@code object} ({@code {"kind", "name"}}), {@code line} and {@code column}.
 */
public final class ProblemOutput {
    private ProblemOutput() {}

    /** Writes {@code problem} as one JSON object. */
    public static void write(JsonGenerator g, Problem problem) {
        g.writeStartObject();
        g.writeStringProperty("severity", problem.severity().label());
        g.writeStringProperty("code", problem.code());
        g.writeStringProperty("message", problem.message());
        Location where = problem.location();
        if (where.source() != null) {
            g.writeStringProperty("source", where.source());
        }
        if (where.path() != null) {
            g.writeStringProperty("path", where.path().toString());
        }
        if (where.object() != null) {
            g.writeName("object");
            g.writeStartObject();
            g.writeStringProperty("kind", where.object().kind());
            g.writeStringProperty("name", where.object().name());
            g.writeEndObject();
        }
        if (where.position() != null) {
            g.writeNumberProperty("line", where.position().line());
            g.writeNumberProperty("column", where.position().column());
        }
        g.writeEndObject();
    }

    /** Writes {@code problems} as a JSON array of {@link #write(JsonGenerator, Problem)} objects. */
    public static void write(JsonGenerator g, Problems problems) {
        g.writeStartArray();
        for (Problem p : problems.all()) {
            write(g, p);
        }
        g.writeEndArray();
    }

    /** {@code problems} as a pretty JSON array, no trailing newline. */
    public static String json(Problems problems) {
        return JsonOut.write(true, g -> write(g, problems));
    }

    /** {@code problems} one per line ({@link Problem#toString()}), the empty string when none. */
    public static String text(Problems problems) {
        return problems.toString();
    }
}
