package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code init --mode=archive}. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Initialize a new empty repository.")
final class InitCommand extends RepoCommand {

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "archive",
            description = "Repository mode; only archive (archive-z2) is supported. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(
            names = "--collection-id",
            paramLabel = "COLLECTION-ID",
            description = "Globally unique ID for this repository as an collection of refs for redistribution.")
    String collectionId;

    @Override
    int execute() throws Exception {
        if (!mode.equals("archive") && !mode.equals("archive-z2")) {
            throw new ParameterException(
                    spec.commandLine(), "unsupported repository mode '" + mode + "' (only archive is supported)");
        }
        if (collectionId != null) {
            Repository.init(parent.repoPath(spec), collectionId);
        } else {
            Repository.init(parent.repoPath(spec));
        }
        return ExitCode.OK;
    }
}
