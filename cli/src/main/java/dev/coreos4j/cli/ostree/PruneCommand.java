package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.PruneOptions;
import dev.coreos4j.ostree.repo.PruneResult;
import dev.coreos4j.ostree.repo.Repository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code prune} under the exclusive repository lock, with {@code ostree prune}'s options and wording. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete unreachable objects.")
final class PruneCommand extends RepoCommand {

    @Option(names = "--no-prune", description = "Only display unreachable objects; don't delete.")
    boolean dryRun;

    @Option(names = "--refs-only", description = "Only compute reachability via refs.")
    boolean refsOnly;

    @Option(
            names = "--depth",
            paramLabel = "DEPTH",
            defaultValue = "-1",
            description = "Only traverse DEPTH parents for each commit (default: -1=infinite).")
    int depth;

    @Option(names = "--delete-commit", paramLabel = "COMMIT", description = "Specify a commit to delete.")
    String deleteCommit;

    @Option(
            names = "--keep-younger-than",
            paramLabel = "DATE",
            description = "Prune all commits older than the specified date.")
    String keepYoungerThan;

    @Option(
            names = "--static-deltas-only",
            description = "Change the behavior of --delete-commit to prune only static deltas (not supported).")
    boolean staticDeltasOnly;

    @Option(
            names = "--retain-branch-depth",
            paramLabel = "BRANCH=DEPTH",
            description = "Additionally retain BRANCH=DEPTH commits.")
    List<String> retainBranchDepth = new ArrayList<>();

    @Option(
            names = "--only-branch",
            paramLabel = "BRANCH",
            description = "Only prune BRANCH (may be specified multiple times).")
    List<String> onlyBranches = new ArrayList<>();

    @Option(names = "--commit-only", description = "Only traverse and delete commit objects.")
    boolean commitOnly;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print every object deleted.")
    boolean verbose;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        if (deleteCommit != null) {
            if (dryRun) {
                throw new ParameterException(spec.commandLine(), "Cannot specify both --delete-commit and --no-prune");
            }
            if (staticDeltasOnly) {
                throw new IllegalArgumentException(
                        "--static-deltas-only: this repository model keeps no static deltas");
            }
            repo.deleteCommit(Checksum.isValid(deleteCommit) ? Checksum.of(deleteCommit) : repo.resolve(deleteCommit));
        } else if (staticDeltasOnly) {
            throw new IllegalArgumentException("--static-deltas-only requires --delete-commit; see "
                    + "https://github.com/ostreedev/ostree/issues/1479");
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (String bd : retainBranchDepth) {
            int eq = bd.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Invalid value " + bd + ", must specify BRANCH=DEPTH");
            }
            String d = bd.substring(eq + 1);
            int value;
            try {
                value = Integer.parseInt(d.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid depth " + d);
            }
            depths.put(bd.substring(0, eq), value);
        }
        Optional<Instant> younger = keepYoungerThan == null
                ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(
                        GnuDate.parse(keepYoungerThan, Instant.now().getEpochSecond(), ZoneId.systemDefault())));
        Set<String> only = new LinkedHashSet<>(onlyBranches);
        PruneResult r =
                repo.prune(new PruneOptions(refsOnly, depth, Set.of(), dryRun, commitOnly, younger, depths, only));
        if (verbose) {
            for (String name : r.pruned()) {
                err().println((dryRun ? "Would prune " : "Pruning unneeded object ") + name);
            }
        }
        out().println((commitOnly ? "Total (commit only) objects: " : "Total objects: ") + r.objectsTotal());
        if (r.objectsPruned() == 0) {
            out().println("No unreachable objects");
        } else if (dryRun) {
            out().println("Would delete: " + r.objectsPruned() + " objects, freeing " + formatSize(r.bytesFreed()));
        } else {
            out().println("Deleted " + r.objectsPruned() + " objects, " + formatSize(r.bytesFreed()) + " freed");
        }
        return ExitCode.OK;
    }

    /** GLib's {@code g_format_size}: decimal units, one decimal. */
    static String formatSize(long bytes) {
        if (bytes < 1000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
