package dev.coreos4j.cli.butane;

import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.butane.Butane;
import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.ButaneResult;
import dev.coreos4j.ignition.butane.FilesDir;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j butane [--strict] [--pretty] [--raw] [--files-dir=DIR] [-o FILE] [FILE]}: Butane's command. Reads
 * FILE (standard input when absent), writes the Ignition config (or, for the openshift variant, the MachineConfig
 * YAML) to standard output or FILE, and prints the report on standard error as Butane does (source excerpts, or
 * one line per entry with {@code --raw-errors}). Exit 0 on success, 1 when the config cannot be translated (or
 * has warnings under {@code --strict}) or a file cannot be read or written; nothing is written then.
 */
@Command(
        name = "butane",
        mixinStandardHelpOptions = true,
        description = "Translate a Butane config (variant fcos or openshift) to an Ignition config or MachineConfig.")
public final class ButaneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-s", "--strict"},
            description = "fail on any warning")
    boolean strict;

    @Option(
            names = {"-p", "--pretty"},
            description = "output formatted json")
    boolean pretty;

    @Option(
            names = {"-r", "--raw"},
            description = "never wrap in a MachineConfig; force Ignition output")
    boolean raw;

    @Option(names = "--json", description = "write a MachineConfig as JSON instead of YAML")
    boolean json;

    @Option(
            names = {"-c", "--check"},
            description = "check config without producing output")
    boolean check;

    @Option(
            names = {"-d", "--files-dir"},
            paramLabel = "DIR",
            description = "allow embedding local files from this directory")
    Path filesDir;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write to output file instead of stdout")
    Path output;

    @Option(names = "--raw-errors", description = "show raw errors, rather than pretty printing them")
    boolean rawErrors;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "input file (default: stdin)")
    Path input;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] data;
        String name = input == null ? "<stdin>" : input.toString();
        try {
            data = input == null ? System.in.readAllBytes() : Files.readAllBytes(input);
        } catch (IOException e) {
            err.println("failed to open " + name + ": " + reason(e));
            err.flush();
            return 1;
        }
        ButaneOptions options = ButaneOptions.DEFAULT
                .withPretty(pretty)
                .withRaw(raw)
                .withMachineConfigJson(json)
                .withFilesDir(filesDir == null ? null : FilesDir.of(filesDir));
        ButaneResult r = Butane.translate(data, options);
        err.print(rawErrors ? r.report().toString() : pretty(r.report(), name, data));
        if (!r.isValid()) {
            err.println("Error translating config: " + r.failure());
            err.flush();
            return 1;
        }
        if (strict && !r.report().entries().isEmpty()) {
            err.println("Config produced warnings and --strict was specified");
            err.flush();
            return 1;
        }
        err.flush();
        if (check) {
            return 0;
        }
        // a valid result has an output
        byte[] bytes = Objects.requireNonNull(r.output(), "output of a valid translation");
        if (output == null) {
            out.println(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        try {
            writeAtomically(output, bytes);
        } catch (IOException e) {
            err.println("failed to open " + output + ": " + reason(e));
            err.flush();
            return 1;
        }
        return 0;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The output and a newline, via a temporary file renamed over FILE: never a half-written file. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(bytes);
                os.write('\n');
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Butane's pretty report: each entry with the source lines around it and the node underlined. */
    static String pretty(Report report, String fileName, byte[] source) {
        String[] lines = new String(source, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder buf = new StringBuilder();
        boolean first = true;
        for (dev.coreos4j.problem.Problem e : report.entries()) {
            if (!first) {
                buf.append('\n');
            }
            first = false;
            dev.coreos4j.problem.Position at = e.location().position();
            Integer line = at == null ? null : at.line();
            Integer col = at == null ? null : at.column();
            if (line == null
                    || col == null
                    || line < 1
                    || line > lines.length
                    || col < 1
                    || col > lines[line - 1].length()) {
                buf.append(Report.text(e)).append('\n');
                continue;
            }
            String path = Report.dottedPath(e);
            buf.append(e.severity().label())
                    .append(path != null ? "[" + path + "]" : "")
                    .append(":\n");
            buf.append("  --> ")
                    .append(fileName)
                    .append(':')
                    .append(line)
                    .append(':')
                    .append(col)
                    .append('\n');
            int from = Math.max(1, line - 2);
            int to = Math.min(lines.length, line + 2);
            int gutter = Integer.toString(to).length();
            String pad = " ".repeat(gutter);
            buf.append(' ').append(pad).append(" |\n");
            for (int n = from; n <= to; n++) {
                String text = lines[n - 1];
                buf.append(' ')
                        .append(String.format("%" + gutter + "d", n))
                        .append(" | ")
                        .append(text)
                        .append('\n');
                if (n == line) {
                    String rest = text.substring(col - 1);
                    int ws = 0;
                    while (ws < rest.length() && !Character.isWhitespace(rest.charAt(ws))) {
                        ws++;
                    }
                    buf.append(' ')
                            .append(pad)
                            .append(" | ")
                            .append(" ".repeat(col - 1))
                            .append("^".repeat(ws))
                            .append(' ')
                            .append(e.message())
                            .append('\n');
                }
            }
            buf.append(' ').append(pad).append(" |\n");
        }
        return buf.toString();
    }
}
