package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.GVariantText;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.CommitResult;
import dev.coreos4j.ostree.repo.RefUpdate;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code commit -b BRANCH --tree=dir=DIR …}: prints the new checksum as its last line. */
@Command(
        name = "commit",
        mixinStandardHelpOptions = true,
        description = "Commit a directory tree; the branch moves by compare-and-set (exit 1 if it moved meanwhile).")
final class CommitCommand extends RepoCommand {

    @Option(
            names = {"-b", "--branch"},
            paramLabel = "BRANCH",
            description = "Branch to commit to.")
    String branch;

    @Option(names = "--orphan", description = "Create a commit without a branch.")
    boolean orphan;

    @Option(
            names = "--tree",
            paramLabel = "dir=PATH",
            description = "The tree to commit (dir=PATH; one tree). Default: PATH, else the current directory.")
    List<String> trees = new ArrayList<>();

    @Parameters(
            paramLabel = "PATH",
            arity = "0..1",
            description = "The directory to commit (same as --tree=dir=PATH; default: the current directory).")
    Path positional;

    @Option(
            names = {"-F", "--body-file"},
            paramLabel = "FILE",
            description = "Commit message from FILE path.")
    Path bodyFile;

    @Option(
            names = "--add-metadata",
            paramLabel = "KEY=VALUE",
            description = "Add a key/value pair to metadata, where VALUE is in GVariant text format (repeatable).")
    List<String> metadataVariants = new ArrayList<>();

    @Option(
            names = "--bind-ref",
            paramLabel = "BRANCH",
            description = "Add a ref to the ref binding commit metadata (repeatable).")
    List<String> bindRefs = new ArrayList<>();

    @Option(
            names = "--keep-metadata",
            paramLabel = "KEY",
            description = "Keep metadata KEY and its associated VALUE from parent (repeatable).")
    List<String> keepMetadata = new ArrayList<>();

    @Option(
            names = "--add-detached-metadata-string",
            paramLabel = "KEY=VALUE",
            description = "Add a key/value pair to detached metadata (repeatable).")
    List<String> detachedStrings = new ArrayList<>();

    @Option(
            names = "--bootable",
            description = "Flag this commit as a bootable OSTree (one kernel in usr/lib/modules/VERSION/vmlinuz).")
    boolean bootable;

    @Option(
            names = {"-s", "--subject"},
            paramLabel = "SUBJECT",
            defaultValue = "",
            description = "Subject line.")
    String subject;

    @Option(
            names = {"-m", "--body"},
            paramLabel = "BODY",
            description = "Full description.")
    String body;

    @Option(
            names = "--timestamp",
            paramLabel = "TIMESTAMP",
            description = {
                "Override the timestamp of the commit: @EPOCH, ISO 8601, \"2005-10-29 12:43:29 +0000\",",
                "\"October 25 1985\", \"1 week ago\" (default: SOURCE_DATE_EPOCH if set, else now)."
            })
    String timestamp;

    @Option(names = "--owner-uid", paramLabel = "UID", description = "Set the owner uid of every file and directory.")
    Integer ownerUid;

    @Option(names = "--owner-gid", paramLabel = "GID", description = "Set the owner gid of every file and directory.")
    Integer ownerGid;

    @Option(names = "--no-xattrs", description = "Do not store extended attributes.")
    boolean noXattrs;

    @Option(
            names = "--add-metadata-string",
            paramLabel = "KEY=VALUE",
            description = "Add a string metadata entry (repeatable, kept in order).")
    List<String> metadataStrings = new ArrayList<>();

    @Option(
            names = "--parent",
            paramLabel = "COMMIT",
            description = "Parent commit checksum, or 'none' (default: the branch head).")
    String parentRev;

    @Option(names = "--no-bindings", description = "Do not write ostree.ref-binding.")
    boolean noBindings;

    /** {@code --tree=ref=REV}: the commit to start from, when that is the tree. */
    private @Nullable String treeRef;

    @Override
    @SuppressWarnings("SystemConsoleNull") // Java 17: null means no terminal, so no progress display
    int execute() throws Exception {
        Path dir = treeDirectory();
        if ((branch == null) == !orphan) {
            throw new ParameterException(
                    spec.commandLine(),
                    branch == null
                            ? "A branch must be specified with --branch, or use --orphan"
                            : "--orphan conflicts with --branch");
        }
        String bodyText = body == null ? "" : body;
        if (bodyFile != null) {
            bodyText = java.nio.file.Files.readString(bodyFile, java.nio.charset.StandardCharsets.UTF_8);
        }
        CommitOptions.Builder b = CommitOptions.builder()
                .subject(subject)
                .body(bodyText)
                .noXattrs(noXattrs)
                .bindings(false);
        if (branch != null) {
            b.branch(branch);
        }
        if (timestamp != null) {
            b.timestamp(GnuDate.parse(
                    timestamp, java.time.Instant.now().getEpochSecond(), java.time.ZoneId.systemDefault()));
        } else {
            String env = System.getenv("SOURCE_DATE_EPOCH");
            if (env != null) {
                b.timestamp(sourceDateEpoch(env));
            }
        }
        if (ownerUid != null) {
            b.ownerUid(ownerUid);
        }
        if (ownerGid != null) {
            b.ownerGid(ownerGid);
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String kv : metadataStrings) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Missing '=' in KEY=VALUE metadata '" + kv + "'");
            }
            if (!keys.add(kv.substring(0, eq))) {
                throw new IllegalArgumentException("metadata key '" + kv.substring(0, eq)
                        + "' given twice (ostree would write both entries; a dictionary key must be unique)");
            }
            b.addMetadataString(kv.substring(0, eq), kv.substring(eq + 1));
        }
        for (String kv : metadataVariants) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Missing '=' in KEY=VALUE metadata '" + kv + "'");
            }
            Variant v;
            try {
                v = GVariantText.parse(kv.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Parsing " + kv + ": " + e.getMessage());
            }
            if (!keys.add(kv.substring(0, eq))) {
                throw new IllegalArgumentException("metadata key '" + kv.substring(0, eq)
                        + "' given twice (ostree would write both entries; a dictionary key must be unique)");
            }
            b.addMetadata(kv.substring(0, eq), v);
        }
        Repository repo = openRepo();
        if (!keepMetadata.isEmpty()) {
            if (branch == null && parentRev == null) {
                throw new IllegalArgumentException(
                        "Either --branch or --parent must be specified when using " + "--keep-metadata");
            }
            Checksum from =
                    parentRev != null && Checksum.isValid(parentRev) ? Checksum.of(parentRev) : repo.resolve(branch);
            dev.coreos4j.ostree.Metadata parentMeta = repo.readCommit(from).metadata();
            for (String key : keepMetadata) {
                Variant v = parentMeta
                        .get(key)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "Missing metadata key '" + key + "' from commit '" + from + "'"));
                if (!keys.add(key)) {
                    throw new IllegalArgumentException("metadata key '" + key + "' given twice");
                }
                b.addMetadata(key, v);
            }
        }
        if (!noBindings) {
            // as the ostree CLI: the branch and every --bind-ref, sorted; an orphan commit records an empty list
            java.util.List<String> bound = new ArrayList<>(bindRefs);
            if (branch != null) {
                bound.add(branch);
            }
            bound.sort(null);
            b.addMetadata(CommitObject.REF_BINDING, Variant.ofStrings(bound));
            java.util.Optional<String> collection = repo.config().get("core", "collection-id");
            if (collection.isPresent() && keys.add("ostree.collection-binding")) {
                b.addMetadata("ostree.collection-binding", Variant.ofString(collection.get()));
            }
        }
        if (bootable) {
            if (treeRef != null) {
                throw new IllegalArgumentException("--bootable needs a directory tree");
            }
            b.addMetadata("ostree.bootable", Variant.ofBoolean(true));
            b.addMetadata("ostree.linux", Variant.ofString(kernelRelease(dir)));
        }
        dev.coreos4j.ostree.Metadata detached = dev.coreos4j.ostree.Metadata.EMPTY;
        for (String kv : detachedStrings) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Missing '=' in KEY=VALUE metadata '" + kv + "'");
            }
            detached = detached.with(kv.substring(0, eq), Variant.ofString(kv.substring(eq + 1)));
        }
        if (parentRev == null && branch != null && repo.readRef(branch).isEmpty() && !branch.contains(":")) {
            // as ostree: the parent is what the branch name resolves to, a remote's ref of that name included
            try {
                b.parent(CommitOptions.Parent.of(repo.resolve(branch)));
            } catch (IllegalArgumentException e) {
                // no such ref anywhere: a root commit
            }
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
        CommitResult result;
        if (treeRef != null) {
            result = repo.commit(
                    dev.coreos4j.ostree.repo.MutableTree.fromCommit(repo, repo.resolve(treeRef)), b.build());
        } else if (System.console() != null) {
            TerminalProgress progress = new TerminalProgress(err());
            try {
                result = repo.commit(dir, b.build(), progress);
            } finally {
                progress.clear();
            }
        } else {
            result = repo.commit(dir, b.build());
        }
        if (result.refUpdate() instanceof RefUpdate.Conflict) {
            RefUpdate.Conflict c = (RefUpdate.Conflict) result.refUpdate();
            err().println("coreos4j: error: commit " + result.checksum() + " written, but " + c.describe()
                    + "; the branch was not updated");
            return ExitCode.INVALID;
        }
        if (!detached.isEmpty()) {
            try (dev.coreos4j.ostree.repo.Transaction tx = repo.begin()) {
                tx.writeDetachedMetadata(result.checksum(), detached);
                tx.commit();
            }
        }
        out().println(result.checksum());
        return ExitCode.OK;
    }

    /** A single self-overwriting progress line on a terminal, at most five updates a second. */
    static final class TerminalProgress implements dev.coreos4j.ostree.repo.CommitProgress {
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
            int eq = t.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Missing type in tree specification '" + t + "'");
            }
            if (t.startsWith("ref=") && trees.size() == 1) {
                treeRef = t.substring(4);
                return Path.of(".");
            }
            if (!t.startsWith("dir=")) {
                throw new IllegalArgumentException(
                        "Invalid tree type specification '" + t.substring(0, eq) + "' (dir=PATH, or a single ref=REV)");
            }
            dirs.add(Path.of(t.substring(4)));
        }
        if (dirs.isEmpty()) {
            dirs.add(positional != null ? positional : OstreeCommand.cwd());
        }
        if (dirs.size() != 1) {
            throw new IllegalArgumentException("overlaying several --tree arguments is not supported: give one tree");
        }
        return dirs.get(0);
    }

    /** {@code SOURCE_DATE_EPOCH} as libostree reads it ({@code g_ascii_strtoll}, base 10). */
    static long sourceDateEpoch(String env) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?\\d+).*", java.util.regex.Pattern.DOTALL)
                .matcher(env);
        if (!m.matches()) {
            throw new IllegalArgumentException("Failed to convert SOURCE_DATE_EPOCH");
        }
        try {
            return Long.parseLong(m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parsing SOURCE_DATE_EPOCH: Numerical result out of range");
        }
    }

    /** The one {@code usr/lib/modules/VERSION} holding a {@code vmlinuz}, as {@code --bootable} needs. */
    static String kernelRelease(Path root) throws java.io.IOException {
        Path modules = root.resolve("usr/lib/modules");
        if (!java.nio.file.Files.isDirectory(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("Opening usr/lib/modules: No such file or directory");
        }
        String found = null;
        try (java.nio.file.DirectoryStream<Path> ds = java.nio.file.Files.newDirectoryStream(modules)) {
            for (Path p : ds) {
                if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && java.nio.file.Files.exists(p.resolve("vmlinuz"))) {
                    if (found != null) {
                        throw new IllegalArgumentException("Multiple kernels found in /usr/lib/modules");
                    }
                    found = p.getFileName().toString();
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No kernel found in /usr/lib/modules");
        }
        return found;
    }
}
