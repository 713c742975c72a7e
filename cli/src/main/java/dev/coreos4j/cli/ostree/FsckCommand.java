package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.FsckReport;
import dev.coreos4j.problem.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fsck}: ostree's phases and wording ("Validating refs...", "Object missing in commits C: X.dirtree",
 * "In commits C: …", "Marking commit as partial: C", "error: Repository corruption encountered"); exit 1 on any
 * corruption (a missing or corrupt object, a ref that cannot be read or names a missing commit, a binding that does not hold, a
 * commit an earlier fsck marked partial). Unlike ostree it never stops at the first corrupt object.
 */
@Command(
        name = "fsck",
        mixinStandardHelpOptions = true,
        description = "Re-hash every object; name missing and corrupt objects; mark partial commits.")
final class FsckCommand extends RepoCommand {

    @Option(names = "--delete", description = "Remove corrupted objects.")
    boolean delete;

    @Option(
            names = {"-q", "--quiet"},
            description = "Only print error messages.")
    boolean quiet;

    @Option(
            names = {"-a", "--all"},
            description = "Don't stop on first error (always the case here).")
    boolean all;

    @Option(names = "--verify-bindings", description = "Verify ref bindings.")
    boolean verifyBindings;

    @Option(names = "--verify-back-refs", description = "Verify back-references (implies --verify-bindings).")
    boolean verifyBackRefs;

    @Override
    int execute() throws Exception {
        FsckReport report =
                openRepo().fsck(new FsckOptions(true, delete, verifyBindings || verifyBackRefs, verifyBackRefs));
        if (!quiet) {
            out().println("Validating refs...");
            out().println("Validating refs in collections...");
            out().println("Enumerating commits...");
            out().println("Verifying content integrity of " + report.commits() + " commit objects...");
        }
        long partial = 0;
        boolean corruption = false;
        boolean fsckPartial = false;
        Set<Checksum> preexisting = new LinkedHashSet<>();
        for (Problem f : report.findings()) {
            if (f.code().equals("partial-commit")) {
                partial++;
                String hex = pathOf(f).substring("state/".length(), "state/".length() + 64);
                preexisting.add(Checksum.of(hex));
                if (f.isError()) {
                    fsckPartial = true;
                }
                continue;
            }
            if (!f.isError()) {
                out().println("warning: " + pathOf(f) + ": " + f.message());
                continue;
            }
            corruption = true;
            err().println(describe(f, report.reachingCommits(f)));
        }
        for (Checksum c : report.partialCommits()) {
            if (!preexisting.contains(c)) {
                err().println("Marking commit as partial: " + c);
            }
        }
        if (partial > 0 && !quiet) {
            out().println(partial + " partial commits not verified");
        }
        if (corruption) {
            err().println("error: Repository corruption encountered");
            return ExitCode.INVALID;
        }
        if (fsckPartial) {
            err().println("error: " + partial + " partial commits from fsck-detected corruption");
            return ExitCode.INVALID;
        }
        out().println("object fsck of " + report.commits() + " commits completed successfully - no errors found.");
        return ExitCode.OK;
    }

    /** One finding as ostree words it, naming the object and the commits that reach it. */
    private String describe(Problem f, List<Checksum> reaching) {
        String commits = reaching.stream().map(Checksum::hex).collect(Collectors.joining(", "));
        String path = pathOf(f);
        if (path.startsWith("objects/") && f.code().equals("missing-object")) {
            String name = objectName(path);
            return commits.isEmpty() ? "Object missing: " + name : "Object missing in commits " + commits + ": " + name;
        }
        if (path.startsWith("objects/")) {
            String text = commits.isEmpty() ? f.message() : "In commits " + commits + ": " + f.message();
            return delete ? text : "error: " + text;
        }
        return "error: " + path + ": " + f.message();
    }

    /** The finding's path in the repository (its location's source). */
    private static String pathOf(Problem f) {
        String source = f.location().source();
        return source == null ? "" : source;
    }

    /** {@code objects/ab/cdef….filez} as ostree names it: {@code abcdef….file}. */
    private static String objectName(String path) {
        String rest = path.substring("objects/".length()).replace("/", "");
        return rest.endsWith(".filez") ? rest.substring(0, rest.length() - 1) : rest;
    }
}
