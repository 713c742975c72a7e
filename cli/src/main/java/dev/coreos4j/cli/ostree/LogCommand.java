package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code log REF}. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Show the history of a branch or commit.")
final class LogCommand extends RepoCommand {

    @Parameters(paramLabel = "REF", description = "Branch, remote:ref or checksum.")
    String rev;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        for (Repository.LogEntry e : repo.log(repo.resolve(rev))) {
            var commit = e.commit();
            if (commit == null) {
                out().println("<< History beyond this commit not fetched >>");
            } else {
                printCommit(out(), e.checksum(), commit);
            }
        }
        return ExitCode.OK;
    }
}
