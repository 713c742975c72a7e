package dev.coreos4j.cli.ignition;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.cli.output.JsonOut;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.merge.Merge;
import dev.coreos4j.ignition.merge.MergeResult;
import dev.coreos4j.ignition.merge.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j ignition merge PARENT CHILD [--transcript]}: merges CHILD over PARENT as Ignition merges a
 * referenced config, and prints the merged config as canonical JSON (spec 3.6.0, or 3.7.0-experimental when the
 * child is). With {@code --transcript} it prints one JSON object
 * {@code {"config":{…},"transcript":[{"result":"$…","from":"parent"|"child","path":"$…"},…]}} instead.
 * Exit 1 with the report on standard error when an input or the merged config is invalid (nothing on standard
 * output then), 2 when a file cannot be read.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Merge CHILD over PARENT like Ignition's config merge and print the result.")
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--transcript", description = "also print where each value of the result came from")
    boolean transcript;

    @Parameters(index = "0", paramLabel = "PARENT", description = "base config file; - reads standard input")
    String parentFile;

    @Parameters(index = "1", paramLabel = "CHILD", description = "overriding config file")
    String childFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult parent = Ignition.parse(Inputs.read(parentFile, System.in));
        ParseResult child = Ignition.parse(Inputs.read(childFile, System.in));
        boolean ok = report(err, parentFile, parent) && report(err, childFile, child);
        if (!ok) {
            err.flush();
            return ExitCode.INVALID;
        }
        // both reported valid, so both have a config
        MergeResult result = Merge.merge(
                Objects.requireNonNull(parent.config(), "valid parent"),
                Objects.requireNonNull(child.config(), "valid child"));
        Report merged = Ignition.validate(result.config());
        if (!merged.isValid()) {
            for (dev.coreos4j.problem.Problem e : merged.entries()) {
                err.println("merged config: " + Report.text(e));
            }
            err.flush();
            return ExitCode.INVALID;
        }
        SpecVersion version =
                SpecVersion.fromString(result.config().ignition().version()).orElse(SpecVersion.latestStable());
        String json = new String(Ignition.write(result.config(), version), StandardCharsets.UTF_8);
        if (!transcript) {
            out.println(json);
        } else {
            out.println(JsonOut.write(false, g -> {
                g.writeStartObject();
                g.writeName("config");
                g.writeRawValue(json); // the canonical document Ignition.write produced
                g.writeName("transcript");
                g.writeStartArray();
                for (Transcript.Mapping m : result.transcript().mappings()) {
                    g.writeStartObject();
                    g.writeStringProperty("result", m.resultPath().toString());
                    g.writeStringProperty("from", m.side().toString());
                    g.writeStringProperty("path", m.sourcePath().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Prints the entries of an input's report prefixed by its name; whether it is valid. */
    private static boolean report(PrintWriter err, String name, ParseResult parsed) {
        boolean valid = parsed.isValid();
        if (!valid) {
            for (dev.coreos4j.problem.Problem e : parsed.report().entries()) {
                err.println(name + ": " + Report.text(e));
            }
        }
        return valid;
    }
}
