package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.repo.Repository;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code rev-parse REV…} and {@code rev-parse --single}, as {@code ostree rev-parse}. */
@Command(name = "rev-parse", mixinStandardHelpOptions = true, description = "Output the target of a rev.")
final class RevParseCommand extends RepoCommand {

    @Option(
            names = {"-S", "--single"},
            description = "If the repository has exactly one commit, then print it; any other case is an error.")
    boolean single;

    @Parameters(
            paramLabel = "REV",
            arity = "0..*",
            description = "Branch, remote:ref, checksum or a unique checksum prefix, optionally with ^ suffixes.")
    List<String> revs = new ArrayList<>();

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        if (single) {
            if (!revs.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Cannot specify arguments with --single");
            }
            List<Checksum> commits = repo.listObjects(ObjectType.COMMIT);
            if (commits.isEmpty()) {
                throw new IllegalArgumentException("No commit objects found");
            }
            if (commits.size() > 1) {
                throw new IllegalArgumentException("Multiple commit objects found");
            }
            out().println(commits.get(0));
            return ExitCode.OK;
        }
        if (revs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "REV must be specified");
        }
        for (String rev : revs) {
            out().println(repo.resolve(rev));
        }
        return ExitCode.OK;
    }
}
