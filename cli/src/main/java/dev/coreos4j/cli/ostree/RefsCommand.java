package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Refs;
import dev.coreos4j.ostree.repo.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refs [PREFIX…]}, {@code refs --create=NEWREF REV}, {@code refs --delete PREFIX…}, with {@code --list},
 * {@code -A/--alias}, {@code -c/--collections} and {@code --force}, as {@code ostree refs}.
 */
@Command(name = "refs", mixinStandardHelpOptions = true, description = "List, create or delete refs.")
final class RefsCommand extends RepoCommand {

    @Option(names = "--create", paramLabel = "NEWREF", description = "Create a new ref for an existing commit.")
    String create;

    @Option(names = "--delete", description = "Delete refs which match PREFIX, rather than listing them.")
    boolean delete;

    @Option(names = "--list", description = "Do not remove the prefix from the refs.")
    boolean list;

    @Option(
            names = {"-A", "--alias"},
            description = "If used with --create, create an alias, otherwise just list aliases.")
    boolean alias;

    @Option(
            names = {"-c", "--collections"},
            description = "Enable listing collection IDs for refs.")
    boolean collections;

    @Option(names = "--force", description = "Overwrite existing refs when creating.")
    boolean force;

    @Parameters(
            paramLabel = "PREFIX",
            arity = "0..*",
            description = "Prefixes to list or delete, or the existing rev for --create.")
    List<String> args = new ArrayList<>();

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        if (args.isEmpty()) {
            if (delete) {
                throw new IllegalArgumentException("At least one PREFIX is required when deleting refs");
            }
            if (create != null) {
                throw new IllegalArgumentException("You must specify a revision when creating a new ref");
            }
            doRef(repo, null);
            return ExitCode.OK;
        }
        if (create != null && args.size() > 1) {
            throw new IllegalArgumentException("You must specify only 1 existing ref when creating a new ref");
        }
        for (String prefix : args) {
            doRef(repo, prefix);
        }
        return ExitCode.OK;
    }

    private void doRef(Repository repo, @Nullable String prefix) throws Exception {
        if (collections) {
            doCollections(repo, prefix);
            return;
        }
        if (create != null) {
            Map<String, String> aliases = repo.aliases();
            Optional<Checksum> existing = repo.readRef(create);
            boolean replacingAlias = alias && aliases.containsKey(create);
            if (!replacingAlias && !force && existing.isPresent()) {
                throw new IllegalArgumentException("--create specified but ref " + create + " already exists");
            }
            if (alias) {
                repo.createAlias(create, java.util.Objects.requireNonNull(prefix, "call() requires a PREFIX here"));
            } else {
                Checksum target =
                        repo.resolve(java.util.Objects.requireNonNull(prefix, "call() requires a PREFIX here"));
                repo.forceRef(create, target);
            }
            return;
        }
        if (delete) {
            for (String ref : repo.refs(
                            java.util.Objects.requireNonNull(prefix, "call() requires a PREFIX here"), false)
                    .keySet()) {
                repo.forceRef(ref, null);
            }
            return;
        }
        if (alias) {
            for (Map.Entry<String, String> e : repo.aliases().entrySet()) {
                if (prefix == null || e.getKey().startsWith(prefix)) {
                    out().println(e.getKey() + " -> " + e.getValue());
                }
            }
            return;
        }
        Map<String, Checksum> refs = prefix == null ? repo.refs() : repo.refs(prefix, !list);
        refs.keySet().forEach(out()::println);
    }

    private void doCollections(Repository repo, @Nullable String prefix) throws Exception {
        if (create != null) {
            int colon = create.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Invalid collection ID " + create);
            }
            Refs.CollectionRef ref = new Refs.CollectionRef(create.substring(0, colon), create.substring(colon + 1));
            if (!force && repo.readCollectionRef(ref).isPresent()) {
                throw new IllegalArgumentException("--create specified but ref " + create + " already exists");
            }
            repo.setCollectionRef(
                    ref, repo.resolve(java.util.Objects.requireNonNull(prefix, "call() requires a PREFIX here")));
            return;
        }
        for (Map.Entry<Refs.CollectionRef, Checksum> e : repo.collectionRefs().entrySet()) {
            if (prefix != null && !e.getKey().collectionId().equals(prefix)) {
                continue;
            }
            if (delete) {
                repo.setCollectionRef(e.getKey(), null);
            } else {
                out().println(e.getKey());
            }
        }
    }
}
