package dev.coreos4j.cli.ignition;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.schema.Schemas;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j ignition schema --spec VERSION}: prints the JSON Schema (draft-04) coreos4j generates for a spec
 * version, for editors and structural pre-checks. Exit 2 for an unknown version.
 */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of an Ignition spec version (generated from the coreos4j model).")
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "VERSION", description = "spec version, e.g. 3.6.0")
    String version;

    @Override
    public Integer call() {
        SpecVersion v = SpecVersion.fromString(version)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "unsupported spec version '" + version + "' (expected one of " + SpecVersion.all() + ")"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(Schemas.toJson(v));
        out.flush();
        return ExitCode.OK;
    }
}
