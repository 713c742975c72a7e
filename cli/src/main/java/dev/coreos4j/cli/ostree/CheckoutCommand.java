package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.repo.CheckoutOptions;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code checkout [-U] [-H|-C] [--subpath=P] REF DIR}. */
@Command(
        name = "checkout",
        mixinStandardHelpOptions = true,
        description = "Check out a commit into a new directory; never writes outside it.")
final class CheckoutCommand extends RepoCommand {

    @Option(
            names = {"-U", "--user-mode"},
            description = "Do not change file ownership; drop setuid/setgid bits.")
    boolean userMode;

    @Option(
            names = "--subpath",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "Checkout only this path; a file goes to DIR/NAME.")
    String subpath;

    @Option(
            names = {"-H", "--require-hardlinks"},
            description = "Hardlink the repository's objects (refused: an archive repository cannot).")
    boolean hardlinks;

    @Option(
            names = {"-C", "--force-copy"},
            description = "Never hardlink (always so for an archive repository).")
    boolean forceCopy;

    @Parameters(index = "0", paramLabel = "REF")
    String rev;

    @Parameters(index = "1", paramLabel = "DIR")
    Path target;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        repo.checkout(repo.resolve(rev), target, new CheckoutOptions(userMode, subpath, hardlinks, forceCopy));
        return ExitCode.OK;
    }
}
