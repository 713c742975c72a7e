package dev.coreos4j.cli.ostree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code refs [PREFIX]}, {@code refs --create=NAME REV}, {@code refs --delete REF…}. */
@Command(name = "refs", mixinStandardHelpOptions = true, description = "List, create or delete refs.")
final class RefsCommand extends RepoCommand {

    @Option(names = "--create", paramLabel = "NEWREF", description = "Create NEWREF pointing at the given rev.")
    String create;

    @Option(names = "--delete", description = "Delete the given refs.")
    boolean delete;

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Prefix to list, the rev for --create, or refs to delete.")
    List<String> args = new ArrayList<>();

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        if (create != null) {
            if (args.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--create needs exactly one existing rev");
            }
            if (repo.readRef(create).isPresent()) {
                throw new IllegalArgumentException("Ref " + create + " already exists");
            }
            Checksum target = repo.resolve(args.get(0));
            repo.updateRef(create, Optional.empty(), Optional.of(target));
            return ExitCode.OK;
        }
        if (delete) {
            if (args.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--delete needs at least one ref");
            }
            for (String ref : args) {
                if (repo.readRef(ref).isEmpty()) {
                    throw new IllegalArgumentException("Refspec '" + ref + "' not found");
                }
                repo.forceRef(ref, Optional.empty());
            }
            return ExitCode.OK;
        }
        for (Map.Entry<String, Checksum> e : repo.refs().entrySet()) {
            if (args.isEmpty() || args.stream().anyMatch(p -> e.getKey().startsWith(p))) {
                out().println(e.getKey());
            }
        }
        return ExitCode.OK;
    }
}
