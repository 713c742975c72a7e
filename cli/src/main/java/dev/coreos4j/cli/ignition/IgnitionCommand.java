package dev.coreos4j.cli.ignition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coreos4j ignition}: Ignition config commands. */
@Command(
        name = "ignition",
        header = "Validate, translate and merge Ignition configs; print their JSON Schemas.",
        mixinStandardHelpOptions = true,
        description = "Validate and translate Ignition configs (spec 3.0.0 to 3.6.0, 3.7.0-experimental).",
        subcommands = {
            ValidateCommand.class,
            TranslateCommand.class,
            MergeCommand.class,
            SchemaCommand.class,
        })
public final class IgnitionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
