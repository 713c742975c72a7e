package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Shared plumbing of the {@code ostree} subcommands: the repository, the output streams, and the exit-code rule
 * (invalid input such as an unknown ref or an unstorable tree: one line, exit 1; I/O errors: exit 2 via
 * {@code Main}).
 */
abstract class RepoCommand implements Callable<Integer> {

    @ParentCommand
    OstreeCommand parent;

    @Spec
    CommandSpec spec;

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000'").withZone(ZoneOffset.UTC);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Repository openRepo() throws IOException {
        return Repository.open(parent.repoPath(spec));
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err().println("coreos4j: error: " + e.getMessage());
            return ExitCode.INVALID;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int execute() throws Exception;

    /** Each line indented by four spaces; a trailing newline adds no empty line (ostree's dump_indented_lines). */
    static void indented(PrintWriter out, String text) {
        String rest = text;
        while (true) {
            int nl = rest.indexOf('\n');
            if (nl < 0) {
                if (!rest.isEmpty()) {
                    out.println("    " + rest);
                }
                return;
            }
            out.println("    " + rest.substring(0, nl));
            rest = rest.substring(nl + 1);
        }
    }

    /** Prints a commit as {@code ostree log}/{@code show} do. */
    static void printCommit(PrintWriter out, Checksum checksum, CommitObject c) {
        out.println("commit " + checksum);
        c.parent().ifPresent(p -> out.println("Parent:  " + p));
        out.println("ContentChecksum:  " + c.contentChecksum());
        out.println("Date:  " + DATE.format(c.time()));
        c.version().ifPresent(v -> out.println("Version: " + v));
        if (c.subject().isEmpty()) {
            out.println("(no subject)");
        } else {
            out.println();
            indented(out, c.subject());
        }
        if (!c.body().isEmpty()) {
            out.println();
            indented(out, c.body());
        }
        out.println();
    }
}
