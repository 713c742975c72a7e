package dev.coreos4j.cli.ignition;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j ignition translate --to VERSION FILE}: reads a config of any supported version and writes it as
 * canonical JSON of {@code VERSION} (up or down) on standard output, with {@link Ignition#translate}: up, Ignition's
 * translators (modes copied at 3.1-3.5, setuid/setgid/sticky cleared only by 3.5→3.6); down, what the target cannot
 * hold is refused, never dropped. Exit 1 with the report on standard error when
 * the input is invalid or cannot be expressed in {@code VERSION}; nothing is written to standard output then.
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Translate an Ignition config to another spec version (3.0.0 to 3.6.0, up or down).")
public final class TranslateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "target spec version, e.g. 3.4.0")
    String to;

    @Parameters(index = "0", paramLabel = "FILE", description = "config file; - reads standard input")
    String file;

    @Override
    public Integer call() throws IOException {
        SpecVersion target = SpecVersion.fromString(to)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "unsupported spec version '" + to + "' (expected one of " + SpecVersion.all() + ")"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] json;
        try {
            json = Ignition.translate(Inputs.read(file, System.in), target);
        } catch (IgnitionException e) {
            print(err, e.report());
            err.flush();
            return ExitCode.INVALID;
        }
        out.println(new String(json, StandardCharsets.UTF_8));
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter err, Report report) {
        for (dev.coreos4j.problem.Problem e : report.entries()) {
            err.println(Report.text(e));
        }
    }
}
