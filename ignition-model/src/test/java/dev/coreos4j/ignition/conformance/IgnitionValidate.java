package dev.coreos4j.ignition.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the reference tool {@code ignition-validate} on a config file and reads its verdict.
 *
 * <p>The tool prints one report line per entry on stdout ({@code error at $.a.b, line 1 col 5: msg},
 * {@code error at line 1 col 86: msg} for decode errors, {@code warning at $.foo, ...}), and for a problem found
 * before any report exists one line {@code couldn't parse config: <msg>} on stderr; it exits 1 when the config is
 * invalid. A stderr problem becomes an error entry without path, and {@code line 0 col 0} (Go's "unknown") becomes a
 * null position, as in the corpus.
 */
final class IgnitionValidate {

    private static final Pattern LINE =
            Pattern.compile("^(error|warning)(?: at (\\$.*?))?(?:(?:,| at) line (\\d+) col (\\d+))?: (.*)$");
    private static final String PARSE_FAILURE = "couldn't parse config: ";
    private static final String NOT_VALID = "config is not valid";

    private IgnitionValidate() {}

    /** The verdict of {@code tool} on {@code config}. */
    static Verdict run(Path tool, Path config) {
        Output out = exec(tool.toString(), config.toString());
        if (out.exit() != 0 && out.exit() != 1) {
            throw new IllegalStateException(tool + " exited " + out.exit() + " on " + config + ": " + out.stderr());
        }
        List<Verdict.Entry> entries = new ArrayList<>();
        for (String line : out.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected ignition-validate line for " + config + ": " + line);
            }
            Integer row = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            Integer col = m.group(4) == null ? null : Integer.valueOf(m.group(4));
            if (row != null && row == 0 && col == 0) {
                row = null;
                col = null;
            }
            entries.add(new Verdict.Entry(m.group(1), m.group(2), m.group(5), row, col));
        }
        String err = out.stderr().strip();
        if (!err.isEmpty()) {
            if (!err.startsWith(PARSE_FAILURE)) {
                throw new IllegalStateException("unexpected ignition-validate stderr for " + config + ": " + err);
            }
            String message = err.substring(PARSE_FAILURE.length());
            if (!message.equals(NOT_VALID)) {
                entries.add(new Verdict.Entry("error", null, message, null, null));
            }
        }
        return new Verdict(out.exit() == 0, entries);
    }

    /** The report lines {@code tool} prints on standard output for {@code config}, in its order. */
    static List<String> stdoutLines(Path tool, Path config) {
        return exec(tool.toString(), config.toString())
                .stdout()
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** What {@code tool -version} prints, e.g. {@code Ignition Debian 2.14.0+ds1-1+b6}. */
    static String version(Path tool) {
        return exec(tool.toString(), "-version").stdout().strip();
    }

    private record Output(int exit, String stdout, String stderr) {}

    private static Output exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            String stdout = drain(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Output(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
