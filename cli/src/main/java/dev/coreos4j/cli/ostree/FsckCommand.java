package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.FsckOptions;
import dev.coreos4j.ostree.FsckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fsck [--delete]}: exit 1 when anything is missing or corrupt. */
@Command(name = "fsck", mixinStandardHelpOptions = true,
        description = "Re-hash every object; name missing and corrupt objects; mark partial commits.")
final class FsckCommand extends RepoCommand {

    @Option(names = "--delete", description = "Remove corrupted objects.")
    boolean delete;

    @Option(names = {"-q", "--quiet"}, description = "Only print errors.")
    boolean quiet;

    @Override
    int execute() throws Exception {
        FsckReport report = openRepo().fsck(new FsckOptions(true, delete));
        for (FsckReport.Finding f : report.findings()) {
            (f.severity() == FsckReport.Severity.ERROR ? err() : out()).println(
                    f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.path() + ": " + f.message());
        }
        if (!quiet) {
            out().println("Verifying content integrity of " + report.commits() + " commit objects...");
            out().println(report.objects() + " objects checked");
        }
        if (!report.ok()) {
            err().println("coreos4j: error: fsck found " + report.findings().stream()
                    .filter(f -> f.severity() == FsckReport.Severity.ERROR).count() + " error(s); "
                    + report.partialCommits().size() + " partial commit(s)");
            return ExitCode.INVALID;
        }
        if (!quiet) {
            out().println("object fsck of " + report.commits() + " commits completed successfully - no errors found.");
        }
        return ExitCode.OK;
    }
}
