package dev.coreos4j.cli.ostree;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code coreos4j ostree --repo=PATH <command>}: the {@code ostree} CLI's repository commands, archive mode. */
@Command(
        name = "ostree",
        header = "OSTree archive repositories, byte-compatible with libostree.",
        mixinStandardHelpOptions = true,
        description = {
            "OSTree archive repositories, byte-compatible with libostree: the same option spellings as the",
            "ostree CLI for the commands implemented.",
        },
        subcommands = {
            InitCommand.class,
            CommitCommand.class,
            LogCommand.class,
            LsCommand.class,
            CatCommand.class,
            ShowCommand.class,
            RevParseCommand.class,
            RefsCommand.class,
            CheckoutCommand.class,
            DiffCommand.class,
            FsckCommand.class,
            PruneCommand.class,
            SignCommand.class,
        })
public final class OstreeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--repo",
            paramLabel = "PATH",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The repository (default: the current directory if it is one, else the OSTREE_REPO"
                    + " environment variable).")
    Path repo;

    /**
     * The directory relative paths of the implicit kind resolve against (the repository in {@code .}, the tree of a
     * {@code commit} without one): the process's working directory, or for in-process callers that cannot change it
     * (tests, embedders), the one they set here.
     */
    static volatile @Nullable Path workingDirectory;

    /** {@code .} as the caller means it. */
    static Path cwd() {
        Path w = workingDirectory;
        return w == null ? Path.of(".") : w;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * The repository path: {@code --repo}; else the current directory when it holds {@code objects/} and a
     * {@code config} file (as {@code ostree}); else {@code OSTREE_REPO}.
     */
    Path repoPath(CommandSpec caller) {
        if (repo != null) {
            return repo;
        }
        if (java.nio.file.Files.isDirectory(cwd().resolve("objects"))
                && java.nio.file.Files.isRegularFile(cwd().resolve("config"))) {
            return cwd();
        }
        String env = System.getenv("OSTREE_REPO");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        throw new ParameterException(caller.commandLine(), "Command requires a --repo argument");
    }
}
