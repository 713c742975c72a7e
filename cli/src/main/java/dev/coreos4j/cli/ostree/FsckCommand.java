package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.FsckOptions;
import dev.coreos4j.ostree.FsckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fsck [--delete] [-q] [-a]}: ostree's phases and wording; exit 1 on any corruption (a missing or corrupt
 * object, a ref that cannot be read or names a missing commit, a commit an earlier fsck marked partial).
 */
@Command(name = "fsck", mixinStandardHelpOptions = true,
        description = "Re-hash every object; name missing and corrupt objects; mark partial commits.")
final class FsckCommand extends RepoCommand {

    @Option(names = "--delete", description = "Remove corrupted objects.")
    boolean delete;

    @Option(names = {"-q", "--quiet"}, description = "Only print error messages.")
    boolean quiet;

    @Option(names = {"-a", "--all"}, description = "Don't stop on first error (always the case here).")
    boolean all;

    @Override
    int execute() throws Exception {
        FsckReport report = openRepo().fsck(new FsckOptions(true, delete));
        if (!quiet) {
            out().println("Validating refs...");
            out().println("Validating refs in collections...");
            out().println("Enumerating commits...");
            out().println("Verifying content integrity of " + report.commits() + " commit objects...");
        }
        long partial = 0;
        boolean corruption = false;
        boolean fsckPartial = false;
        for (FsckReport.Finding f : report.findings()) {
            if (f.code().equals("partial-commit")) {
                partial++;
                if (f.severity() == FsckReport.Severity.ERROR) {
                    fsckPartial = true;
                } else {
                    continue;
                }
            } else if (f.severity() == FsckReport.Severity.ERROR) {
                corruption = true;
            }
            (f.severity() == FsckReport.Severity.ERROR ? err() : out()).println(
                    f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.path() + ": " + f.message());
        }
        if (partial > 0 && !quiet) {
            out().println(partial + " partial commits not verified");
        }
        if (corruption) {
            err().println("coreos4j: error: Repository corruption encountered");
            return ExitCode.INVALID;
        }
        if (fsckPartial) {
            err().println("coreos4j: error: " + partial + " partial commits from fsck-detected corruption");
            return ExitCode.INVALID;
        }
        out().println("object fsck of " + report.commits() + " commits completed successfully - no errors found.");
        return ExitCode.OK;
    }
}
