package dev.coreos4j.cli.ostree;

import java.util.Set;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.PruneOptions;
import dev.coreos4j.ostree.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prune [--refs-only] [--depth=N] [--no-prune]} under the exclusive repository lock. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete unreachable objects.")
final class PruneCommand extends RepoCommand {

    @Option(names = "--refs-only", description = "Only compute reachability via refs.")
    boolean refsOnly;

    @Option(names = "--depth", paramLabel = "DEPTH", defaultValue = "-1",
            description = "Only traverse DEPTH parents for each commit (default: -1 = infinite).")
    int depth;

    @Option(names = "--no-prune", description = "Only display unreachable objects; don't delete.")
    boolean dryRun;

    @Override
    int execute() throws Exception {
        PruneResult r = openRepo().prune(new PruneOptions(refsOnly, depth, Set.of(), dryRun));
        out().println("Total objects: " + r.objectsTotal());
        if (r.objectsPruned() == 0) {
            out().println("No unreachable objects");
        } else {
            out().println((dryRun ? "Would delete: " : "Deleted ") + r.objectsPruned() + " objects, "
                    + formatSize(r.bytesFreed()) + " freed");
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
