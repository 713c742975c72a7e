package dev.coreos4j.cli.ignition;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.cli.output.JsonOut;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j ignition validate [--format=text|json] [--strict] FILE...}: the verdict of Ignition 2.26 on each
 * config. Text output is exactly what {@code ignition-validate} prints (report lines on standard output,
 * {@code couldn't parse config: …} on standard error), each line prefixed by {@code FILE: } when several files are
 * given, Go's printf quirk included ({@code %} in a key prints as {@code %!s(MISSING)}…, as the tool passes the report
 * as a format string; {@code --format=json} stays clean). A file that cannot be read prints
 * {@code couldn't read config: open X: no such file or directory} on standard error, as the tool does. Exit 0 when
 * every file is valid, 1 when any is invalid or unreadable, 2 for a usage error.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Validate Ignition configs like ignition-validate (Ignition 2.26 rules).")
public final class ValidateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text,
        json
    }

    /** Whole-document failures that ignition-validate prints as "couldn't parse config: ...". */
    private static final Set<String> NOT_PARSED = Set.of("not-a-config", "invalid-version", "unsupported-version");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (default) or json (one object per file" + " per line)")
    Format format;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "config files; - reads standard input")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean anyInvalid = false;
        for (String file : files) {
            String prefix = files.size() > 1 ? file + ": " : "";
            byte[] bytes;
            try {
                bytes = Inputs.read(file, System.in);
            } catch (dev.coreos4j.cli.InputFiles.BadInputException e) {
                // too large for the input limit: no ignition-validate equivalent, same exit code as a bad config;
                // a directory is read as Go reads it
                err.println(
                        Inputs.isDirectory(file)
                                ? prefix + "couldn't read config: " + Inputs.goReadError(file, e)
                                : "coreos4j: error: " + e.getMessage());
                anyInvalid = true;
                continue;
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // ignition-validate: die("couldn't read config: %v", err), exit 1 (validate/main.go)
                err.println(prefix + "couldn't read config: " + Inputs.goReadError(file, e));
                anyInvalid = true;
                continue;
            }
            ParseResult result = Ignition.parse(bytes);
            Report report = result.report();
            boolean valid = result.config() != null
                    && report.isValid()
                    && !(strict && !report.warnings().isEmpty());
            anyInvalid |= !valid;
            if (format == Format.json) {
                out.println(json(file, valid, result));
                continue;
            }
            List<Problem> printed = new ArrayList<>();
            List<Problem> notParsed = new ArrayList<>();
            for (Problem e : report.entries()) {
                (e.location().path() == null && NOT_PARSED.contains(e.code()) ? notParsed : printed).add(e);
            }
            // Go's printf of the report text, quirk included (see Report.ignitionValidateText)
            String text = new Report(printed).ignitionValidateText();
            if (prefix.isEmpty()) {
                out.print(text);
            } else {
                for (String line : text.lines().toList()) {
                    out.println(prefix + line);
                }
            }
            for (Problem e : notParsed) {
                err.println(prefix + "couldn't parse config: " + e.message());
            }
        }
        out.flush();
        err.flush();
        return anyInvalid ? ExitCode.INVALID : ExitCode.OK;
    }

    static String json(String file, boolean valid, ParseResult result) {
        return JsonOut.write(false, g -> {
            g.writeStartObject();
            g.writeStringProperty("file", file);
            g.writeBooleanProperty("valid", valid);
            g.writeStringProperty(
                    "version",
                    result.version() == null ? null : result.version().toString());
            g.writeName("entries");
            g.writeStartArray();
            for (Problem e : result.report().entries()) {
                Position at = e.location().position();
                g.writeStartObject();
                g.writeStringProperty("severity", e.severity().label());
                g.writeStringProperty("path", Report.dottedPath(e));
                g.writeStringProperty("code", e.code());
                g.writeStringProperty("message", e.message());
                g.writeName("line");
                if (at == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(at.line());
                }
                g.writeName("column");
                if (at == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(at.column());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
