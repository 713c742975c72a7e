package dev.coreos4j.cli.ignition;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
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
 * given. Exit 0 when every file is valid, 1 when any is invalid, 2 when a file cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate Ignition configs like ignition-validate (Ignition 2.26 rules).")
public final class ValidateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    /** Whole-document failures that ignition-validate prints as "couldn't parse config: ...". */
    private static final Set<String> NOT_PARSED = Set.of("not-a-config", "invalid-version", "unsupported-version");

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json (one object per file"
            + " per line)")
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
        boolean anyUnreadable = false;
        for (String file : files) {
            String prefix = files.size() > 1 ? file + ": " : "";
            byte[] bytes;
            try {
                bytes = Inputs.read(file, System.in);
            } catch (dev.coreos4j.cli.InputFiles.BadInputException e) {
                err.println("coreos4j: error: " + e.getMessage());
                anyInvalid = true;
                continue;
            } catch (IOException e) {
                err.println("coreos4j: " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file: " + e.getMessage() : "I/O error: " + file + ": " + e.getMessage()));
                anyUnreadable = true;
                continue;
            }
            ParseResult result = Ignition.parse(bytes);
            Report report = result.report();
            boolean valid = result.config() != null && report.isValid()
                    && !(strict && !report.warnings().isEmpty());
            anyInvalid |= !valid;
            if (format == Format.json) {
                out.println(json(file, valid, result));
            } else {
                for (Report.Entry e : report.entries()) {
                    if (e.path() == null && NOT_PARSED.contains(e.code())) {
                        err.println(prefix + "couldn't parse config: " + e.message());
                    } else {
                        out.println(prefix + e);
                    }
                }
            }
        }
        out.flush();
        err.flush();
        if (anyUnreadable) {
            return ExitCode.USAGE;
        }
        return anyInvalid ? ExitCode.INVALID : ExitCode.OK;
    }

    static String json(String file, boolean valid, ParseResult result) {
        StringJoiner entries = new StringJoiner(",", "[", "]");
        for (Report.Entry e : result.report().entries()) {
            entries.add("{\"severity\":" + Inputs.json(e.severity().toString())
                    + ",\"path\":" + Inputs.json(e.path())
                    + ",\"code\":" + Inputs.json(e.code())
                    + ",\"message\":" + Inputs.json(e.message())
                    + ",\"line\":" + e.line()
                    + ",\"column\":" + e.column() + "}");
        }
        return "{\"file\":" + Inputs.json(file) + ",\"valid\":" + valid + ",\"version\":"
                + Inputs.json(result.version() == null ? null : result.version().toString())
                + ",\"entries\":" + entries + "}";
    }
}
