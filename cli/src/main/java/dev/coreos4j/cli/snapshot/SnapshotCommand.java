package dev.coreos4j.cli.snapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coreos4j snapshot}: planner snapshots from other sources. */
@Command(
        name = "snapshot",
        header = "Make planner snapshots from a cluster's objects.",
        mixinStandardHelpOptions = true,
        subcommands = {SnapshotImportCommand.class},
        description = "Makes planner snapshots (the JSON 'coreos4j plan' reads) from other sources.")
public final class SnapshotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (import)");
    }
}
