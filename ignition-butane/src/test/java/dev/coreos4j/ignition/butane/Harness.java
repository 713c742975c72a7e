package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Severity;
import java.util.Collection;
import java.util.List;

/** Helpers for the ported upstream tables: a YAML body translated as a given variant/version. */
final class Harness {
    private Harness() {}

    /**
     * Translates {@code body} with {@code variant}/{@code version} appended (after the body, so the body's line
     * numbers are those of upstream's test strings).
     */
    static ButaneResult run(String variant, String version, String body, ButaneOptions options) {
        String doc = body + (body.isEmpty() || body.endsWith("\n") ? "" : "\n") + "variant: " + variant + "\nversion: "
                + version + "\n";
        return Butane.translate(doc, options);
    }

    static ButaneResult fcos(String version, String body) {
        return run("fcos", version, body, ButaneOptions.DEFAULT);
    }

    /** The report has an entry of this severity, YAML path and message. */
    static void hasEntry(Report report, Severity severity, String path, String message) {
        assertThat(report.entries())
                .as(report.toString())
                .anyMatch(e -> e.severity() == severity
                        && path.equals(Report.dottedPath(e))
                        && e.message().equals(message));
    }

    /** No entry of the report carries one of {@code messages}. */
    static void hasNone(Report report, Collection<String> messages) {
        assertThat(report.entries()).as(report.toString()).noneMatch(e -> messages.contains(e.message()));
    }

    static List<String> messages(Report r) {
        return r.entries().stream().map(Problem::message).toList();
    }

    /** The line of a problem's position, or null when it has none. */
    static Integer line(Problem p) {
        return p.location().position() == null ? null : p.location().position().line();
    }

    /** The column of a problem's position, or null when it has none. */
    static Integer column(Problem p) {
        return p.location().position() == null ? null : p.location().position().column();
    }
}
