package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff REV_A REV_B}: {@code M}/{@code D}/{@code A} lines as {@code ostree diff}. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two commits.")
final class DiffCommand extends RepoCommand {

    @Parameters(index = "0", paramLabel = "REV_A")
    String from;

    @Parameters(index = "1", paramLabel = "REV_B")
    String to;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        repo.diff(repo.resolve(from), repo.resolve(to)).lines().forEach(out()::println);
        return ExitCode.OK;
    }
}
