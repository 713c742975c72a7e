package dev.coreos4j.cli.ostree;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.CommitOptions;
import dev.coreos4j.ostree.CommitResult;
import dev.coreos4j.ostree.RefUpdate;
import dev.coreos4j.ostree.Repository;
import dev.coreos4j.ostree.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code commit -b BRANCH --tree=dir=DIR …}: prints the new checksum as its last line. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "Commit a directory tree; the branch moves by compare-and-set (exit 1 if it moved meanwhile).")
final class CommitCommand extends RepoCommand {

    @Option(names = {"-b", "--branch"}, paramLabel = "BRANCH", description = "Branch to commit to.")
    String branch;

    @Option(names = "--orphan", description = "Create a commit without a branch.")
    boolean orphan;

    @Option(names = "--tree", paramLabel = "dir=PATH", description = "The tree to commit (only dir=PATH).")
    List<String> trees = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The directory to commit (same as --tree=dir=PATH).")
    Path positional;

    @Option(names = {"-s", "--subject"}, paramLabel = "SUBJECT", defaultValue = "", description = "Subject line.")
    String subject;

    @Option(names = {"-m", "--body"}, paramLabel = "BODY", defaultValue = "", description = "Full description.")
    String body;

    @Option(names = "--timestamp", paramLabel = "TIMESTAMP",
            description = "Override the commit time: ISO-8601 (2024-01-01T00:00:00Z) or @EPOCH-SECONDS.")
    String timestamp;

    @Option(names = "--owner-uid", paramLabel = "UID", description = "Set the owner uid of every file and directory.")
    Integer ownerUid;

    @Option(names = "--owner-gid", paramLabel = "GID", description = "Set the owner gid of every file and directory.")
    Integer ownerGid;

    @Option(names = "--no-xattrs", description = "Do not store extended attributes.")
    boolean noXattrs;

    @Option(names = "--add-metadata-string", paramLabel = "KEY=VALUE",
            description = "Add a string metadata entry (repeatable, kept in order).")
    List<String> metadataStrings = new ArrayList<>();

    @Option(names = "--parent", paramLabel = "COMMIT",
            description = "Parent commit checksum, or 'none' (default: the branch head).")
    String parentRev;

    @Option(names = "--no-bindings", description = "Do not write ostree.ref-binding.")
    boolean noBindings;

    @Override
    int execute() throws Exception {
        Path dir = treeDirectory();
        if ((branch == null) == !orphan) {
            throw new ParameterException(spec.commandLine(), branch == null
                    ? "A branch must be specified with --branch, or use --orphan" : "--orphan conflicts with --branch");
        }
        CommitOptions.Builder b = CommitOptions.builder().subject(subject).body(body).noXattrs(noXattrs)
                .bindings(!noBindings);
        if (branch != null) {
            b.branch(branch);
        }
        if (timestamp != null) {
            b.timestamp(parseTimestamp(timestamp));
        }
        if (ownerUid != null) {
            b.ownerUid(ownerUid);
        }
        if (ownerGid != null) {
            b.ownerGid(ownerGid);
        }
        for (String kv : metadataStrings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "Missing '=' in KEY=VALUE metadata '" + kv + "'");
            }
            b.addMetadataString(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (orphan && !noBindings) {
            // as the ostree CLI: an orphan commit still records an (empty) ref binding
            b.addMetadata(CommitObject.REF_BINDING, Variant.ofStrings(List.of()));
        }
        if (parentRev != null) {
            if (parentRev.equals("none")) {
                b.parent(CommitOptions.Parent.NONE);
            } else if (Checksum.isValid(parentRev)) {
                b.parent(CommitOptions.Parent.of(Checksum.of(parentRev)));
            } else {
                throw new ParameterException(spec.commandLine(), "--parent must be a checksum or 'none': " + parentRev);
            }
        }
        Repository repo = openRepo();
        CommitResult result;
        if (System.console() != null) {
            TerminalProgress progress = new TerminalProgress(err());
            try {
                result = repo.commit(dir, b.build(), progress);
            } finally {
                progress.clear();
            }
        } else {
            result = repo.commit(dir, b.build());
        }
        if (result.refUpdate().isPresent() && result.refUpdate().get() instanceof RefUpdate.Conflict) {
            RefUpdate.Conflict c = (RefUpdate.Conflict) result.refUpdate().get();
            err().println("coreos4j: error: commit " + result.checksum() + " written, but " + c.describe()
                    + "; the branch was not updated");
            return ExitCode.INVALID;
        }
        out().println(result.checksum());
        return ExitCode.OK;
    }

    /** A single self-overwriting progress line on a terminal, at most five updates a second. */
    static final class TerminalProgress implements dev.coreos4j.ostree.CommitProgress {
        private final java.io.PrintWriter err;
        private long lastNanos;
        private boolean shown;

        TerminalProgress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(long files, long bytes) {
            long now = System.nanoTime();
            if (now - lastNanos < 200_000_000L) {
                return;
            }
            lastNanos = now;
            shown = true;
            err.printf("\rWriting objects: %d files, %.1f MB", files, bytes / 1e6);
            err.flush();
        }

        synchronized void clear() {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    private Path treeDirectory() {
        List<Path> dirs = new ArrayList<>();
        for (String t : trees) {
            if (!t.startsWith("dir=")) {
                throw new ParameterException(spec.commandLine(), "unsupported --tree '" + t
                        + "' (only dir=PATH is supported)");
            }
            dirs.add(Path.of(t.substring(4)));
        }
        if (positional != null) {
            dirs.add(positional);
        }
        if (dirs.size() != 1) {
            throw new ParameterException(spec.commandLine(), "exactly one tree is needed: --tree=dir=PATH or PATH");
        }
        return dirs.get(0);
    }

    private long parseTimestamp(String text) {
        if (text.startsWith("@")) {
            try {
                return Long.parseLong(text.substring(1));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "Could not parse '" + text + "'");
            }
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toEpochSecond();
            } catch (DateTimeParseException e2) {
                throw new ParameterException(spec.commandLine(), "Could not parse '" + text + "'");
            }
        }
    }
}
