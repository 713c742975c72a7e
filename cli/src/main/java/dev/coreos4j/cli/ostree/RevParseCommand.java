package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rev-parse REV}. */
@Command(name = "rev-parse", mixinStandardHelpOptions = true, description = "Output the target of a rev.")
final class RevParseCommand extends RepoCommand {

    @Parameters(paramLabel = "REV", description = "Branch, remote:ref, checksum, optionally with ^ suffixes.")
    String rev;

    @Override
    int execute() throws Exception {
        out().println(openRepo().resolve(rev));
        return ExitCode.OK;
    }
}
