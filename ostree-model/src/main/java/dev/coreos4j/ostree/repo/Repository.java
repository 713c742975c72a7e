package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OSTree repository in {@code archive} mode ({@code mode=archive-z2}) on disk, byte-compatible with libostree.
 *
 * <p>Readers need no lock. Writers go through a {@link Transaction} ({@link #begin()}), which holds a shared lock on
 * {@code .lock} as libostree's writers do; {@link #prune} takes it exclusively. Ref updates are compare-and-set
 * ({@link RefUpdate}). An instance is thread-safe; it holds no open files, so {@link #close()} is only a courtesy.
 *
 * <p>Typical use:
 * <pre>{@code
 * Repository repo = Repository.init(Path.of("repo"));
 * CommitResult r = repo.commit(Path.of("rootfs"), CommitOptions.builder().branch("os/x86_64").subject("v1")
 *         .ownerUid(0).ownerGid(0).noXattrs(true).build());
 * repo.checkout(r.checksum(), Path.of("out"), CheckoutOptions.user());
 * }</pre>
 */
public final class Repository implements AutoCloseable {

    private final Path path;
    private final RepoConfig config;

    private Repository(Path path, RepoConfig config) {
        this.path = path;
        this.config = config;
    }

    // -----------------------------------------------------------------------------------------------------------
    // init / open

    /**
     * Creates an archive repository at {@code path} as {@code ostree init --mode=archive} does (the directory may
     * exist; an existing archive repository is simply opened).
     *
     * @throws IOException on I/O errors, or when {@code path} holds a repository of another mode
     */
    public static Repository init(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path.resolve("objects")) && Files.exists(path.resolve("config"))) {
            return open(path);
        }
        Files.createDirectories(path);
        // a new repository's config has the default core.fsync=true
        AtomicFile.write(
                path.resolve("config"), RepoConfig.ARCHIVE_DEFAULT.getBytes(StandardCharsets.UTF_8), FsyncPolicy.FULL);
        for (String dir : List.of(
                "tmp", "extensions", "state", "refs", "refs/heads", "refs/mirrors", "refs/remotes", "objects")) {
            Files.createDirectories(path.resolve(dir));
        }
        return open(path);
    }

    /**
     * Creates an archive repository as {@code ostree init --mode=archive --collection-id=ID} does: the config gets
     * {@code collection-id=ID} in {@code [core]}, so commits get an {@code ostree.collection-binding} and the heads are
     * collection–refs of that collection.
     *
     * @throws IllegalArgumentException when {@code collectionId} is not a valid collection ID
     * @throws IOException as {@link #init(Path)}, or when the repository already exists with another collection ID
     */
    public static Repository init(Path path, String collectionId) throws IOException {
        Refs.requireValidCollectionId(collectionId);
        Repository repo = init(path);
        Optional<String> existing = repo.config.get("core", "collection-id");
        if (existing.isPresent() && !existing.get().equals(collectionId)) {
            throw new IOException(path.resolve("config") + ": already has collection-id " + existing.get());
        }
        if (existing.isEmpty()) {
            repo.setConfigValue("core", "collection-id", collectionId);
        }
        return open(path);
    }

    /**
     * Opens an existing archive repository.
     *
     * @throws NoSuchFileException when {@code path} has no {@code config} or {@code objects}
     * @throws IOException when the config is unreadable or names another mode or version
     */
    public static Repository open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        Path configFile = path.resolve("config");
        if (!Files.isDirectory(path.resolve("objects")) || !Files.isRegularFile(configFile)) {
            throw new NoSuchFileException(path + " (not an OSTree repository: no config or objects/)");
        }
        RepoConfig config;
        try {
            config = RepoConfig.parse(Files.readString(configFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        if (config.get("core", "archive").map("true"::equalsIgnoreCase).orElse(false)) {
            throw new IOException(configFile + ": the old \"archive\" repository mode is no longer supported");
        }
        String version = config.get("core", "repo_version").orElse("");
        if (!version.equals("1")) {
            throw new IOException(configFile + ": unsupported repo_version '" + version + "' (expected 1)");
        }
        String mode = config.mode();
        if (!mode.equals("archive-z2") && !mode.equals("archive")) {
            throw new IOException(configFile + ": unsupported repository mode '" + mode
                    + "' (this library reads and writes archive-z2 repositories)");
        }
        try {
            config.zlibLevel();
            config.lockTimeoutSeconds();
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile + ": " + e.getMessage(), e);
        }
        return new Repository(path, config);
    }

    /** The repository directory. */
    public Path path() {
        return path;
    }

    /** The parsed {@code config}. */
    public RepoConfig config() {
        return config;
    }

    @Override
    public void close() {
        // no resources held: locks are taken per operation
    }

    // -----------------------------------------------------------------------------------------------------------
    // layout

    /** {@code objects/XX/<rest>.<ext>} for an object. */
    public Path objectPath(ObjectType type, Checksum checksum) {
        return path.resolve("objects").resolve(relativeObjectPath(type, checksum));
    }

    static String relativeObjectPath(ObjectType type, Checksum checksum) {
        return checksum.hex().substring(0, 2) + "/" + checksum.hex().substring(2) + "." + type.extension();
    }

    /** Whether the loose object exists. */
    public boolean has(ObjectType type, Checksum checksum) {
        return Files.exists(objectPath(type, checksum));
    }

    RepoLock repoLock() throws IOException {
        return RepoLock.of(path.resolve(".lock"));
    }

    RepoLock refsLock() throws IOException {
        return RepoLock.of(path.resolve(".lock-refs"));
    }

    /**
     * Starts a write transaction: takes the shared repository lock and creates a staging directory under
     * {@code tmp/}. Close it (try-with-resources); without {@link Transaction#commit()} the staged objects are
     * discarded.
     */
    public Transaction begin() throws IOException {
        return new Transaction(this);
    }

    // -----------------------------------------------------------------------------------------------------------
    // reading objects

    /**
     * The stored bytes of a metadata object.
     *
     * @throws CorruptObjectException when the object is missing
     */
    public byte[] readMetadataBytes(ObjectType type, Checksum checksum) throws IOException {
        return reader().metadataBytes(type, checksum);
    }

    /**
     * Reads and parses a commit.
     *
     * @throws CorruptObjectException when it is missing or malformed
     */
    public CommitObject readCommit(Checksum checksum) throws IOException {
        byte[] bytes = readMetadataBytes(ObjectType.COMMIT, checksum);
        try {
            return CommitObject.parse(bytes);
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.COMMIT, e.getMessage());
        }
    }

    /** Reads and parses a dirtree. @throws CorruptObjectException when it is missing or malformed */
    public DirTree readDirTree(Checksum checksum) throws IOException {
        byte[] bytes = readMetadataBytes(ObjectType.DIR_TREE, checksum);
        try {
            return DirTree.parse(bytes);
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.DIR_TREE, e.getMessage());
        }
    }

    /** Reads and parses a dirmeta. @throws CorruptObjectException when it is missing or malformed */
    public DirMeta readDirMeta(Checksum checksum) throws IOException {
        byte[] bytes = readMetadataBytes(ObjectType.DIR_META, checksum);
        try {
            return DirMeta.parse(bytes);
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.DIR_META, e.getMessage());
        }
    }

    /** The detached metadata ({@code .commitmeta}) of a commit, if any. */
    public Optional<Metadata> readDetachedMetadata(Checksum commit) throws IOException {
        return reader().detachedMetadata(commit);
    }

    /**
     * Reads a content object's header.
     *
     * @throws CorruptObjectException when it is missing or its header is invalid
     */
    public ContentObject readFile(Checksum checksum) throws IOException {
        return reader().file(checksum);
    }

    /**
     * Opens the uncompressed content of a regular-file object (empty for a symlink). The caller closes the stream; a
     * corrupt payload fails the read with an {@link ObjectFormatException} ("Invalid compressed data").
     *
     * @throws CorruptObjectException when it is missing or its header is invalid
     */
    public InputStream openContent(Checksum checksum) throws IOException {
        return reader().openContent(checksum);
    }

    private ObjectReader reader() {
        return new ObjectReader(this);
    }

    /** The checksums of every loose object of {@code type}, sorted. */
    public List<Checksum> listObjects(ObjectType type) throws IOException {
        return reader().listObjects(type);
    }

    /** Whether {@code state/<commit>.commitpartial} marks the commit as incomplete. */
    public boolean isPartial(Checksum commit) {
        return Files.exists(path.resolve("state").resolve(commit.hex() + ".commitpartial"));
    }

    // -----------------------------------------------------------------------------------------------------------
    // refs

    /** The checksum a refspec names, if the ref exists. @throws IOException when the ref file is malformed */
    public Optional<Checksum> readRef(String refspec) throws IOException {
        Refs.Refspec spec = Refs.parse(refspec);
        return readRefFile(path.resolve(spec.path()), spec.toString());
    }

    private static Optional<Checksum> readRefFile(Path file, String name) throws IOException {
        return RefStore.read(file, name);
    }

    /**
     * Every ref: local heads by name (aliases included, resolved to their target's commit), remote refs as
     * {@code remote:name}, sorted by refspec. Collection–refs under {@code refs/mirrors} are in
     * {@link #collectionRefs()}.
     *
     * @throws IOException naming the ref when one cannot be read (a symlink loop, a dangling alias, a file that holds
     *     no checksum), as {@code ostree refs} fails on them
     */
    public Map<String, Checksum> refs() throws IOException {
        return RefStore.refs(path, true);
    }

    /**
     * The refs {@code ostree refs PREFIX} ({@code cutPrefix}) or {@code ostree refs --list PREFIX} lists: a ref, a
     * directory of refs ({@code foo} for {@code foo/a}, {@code foo/b}), {@code REMOTE:PREFIX}, or {@code REMOTE:} /
     * {@code REMOTE:.} for all refs of a remote. With {@code cutPrefix} refs below a prefix directory are named
     * relative to it.
     *
     * @throws IllegalArgumentException when the prefix is not a valid refspec
     */
    public Map<String, Checksum> refs(String prefix, boolean cutPrefix) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        return RefStore.list(path, prefix, cutPrefix);
    }

    /**
     * The aliases: refs that are symlinks to another ref ({@code ostree refs -A}), alias name to target ref name.
     */
    public Map<String, String> aliases() throws IOException {
        return RefStore.aliases(path);
    }

    /**
     * Every collection–ref this repository keeps: {@code refs/mirrors/COLLECTION/REF}, the heads under the
     * repository's own {@code core.collection-id}, and the refs of remotes configured with a {@code collection-id}
     * ({@code ostree refs --collections}). Sorted by collection ID, then ref.
     */
    public Map<Refs.CollectionRef, Checksum> collectionRefs() throws IOException {
        return RefStore.collectionRefs(path, config, true, true);
    }

    /** The checksum a collection–ref names, if it exists. */
    public Optional<Checksum> readCollectionRef(Refs.CollectionRef ref) throws IOException {
        return readRefFile(RefStore.collectionRefPath(path, config, ref), ref.toString());
    }

    /**
     * Sets (or with a null {@code value}, deletes) a collection–ref, as {@code ostree refs --collections
     * --create=COLLECTION:REF REV} does: under {@code refs/heads} when the collection is the repository's own
     * {@code core.collection-id}, else under {@code refs/mirrors/COLLECTION}.
     *
     * @throws IllegalArgumentException when {@code value} names a commit this repository does not have
     */
    public void setCollectionRef(Refs.CollectionRef ref, @Nullable Checksum value) throws IOException {
        refWriter().setCollectionRef(ref, Optional.ofNullable(value));
    }

    /**
     * Makes {@code alias} a symlink to the local ref {@code target} ({@code ostree refs --alias --create=ALIAS
     * TARGET}); an existing alias of that name is replaced.
     *
     * @throws IllegalArgumentException when {@code target} is not an existing local ref, when {@code alias} names a
     *     remote ref, or when a regular ref of that name exists
     */
    public void createAlias(String alias, String target) throws IOException {
        refWriter().createAlias(alias, target);
    }

    /**
     * Compare-and-set of one ref, outside any transaction: sets {@code refspec} to {@code value} (null: delete) if
     * it currently names {@code expected} (null: absent). The target commit must exist and not be partial.
     */
    public RefUpdate updateRef(String refspec, @Nullable Checksum expected, @Nullable Checksum value)
            throws IOException {
        return setRefs(List.of(new Transaction.RefChange(
                        Refs.parse(refspec), true, Optional.ofNullable(expected), Optional.ofNullable(value))))
                .get(0);
    }

    /** Sets {@code refspec} unconditionally, or deletes it when {@code value} is null (as {@code ostree refs
     * --create} / {@code --delete} do). */
    public RefUpdate forceRef(String refspec, @Nullable Checksum value) throws IOException {
        return setRefs(List.of(new Transaction.RefChange(
                        Refs.parse(refspec), false, Optional.empty(), Optional.ofNullable(value))))
                .get(0);
    }

    private RefWriter refWriter() {
        return new RefWriter(this);
    }

    /** Applies ref changes under the refs lock (see {@link RefWriter#setRefs}). */
    List<RefUpdate> setRefs(List<Transaction.RefChange> changes) throws IOException {
        return refWriter().setRefs(changes);
    }

    /** Re-reads the refs just set against concurrent writers (see {@link RefWriter#verifyRefs}). */
    List<RefUpdate> verifyRefs(List<RefUpdate> results) throws IOException {
        return refWriter().verifyRefs(results);
    }

    /** How writes to this repository are synced: {@code core.fsync} of its config. */
    FsyncPolicy fsyncPolicy() {
        return FsyncPolicy.of(config.fsync());
    }

    /** Syncs {@code dir} after renames into it, as {@link #fsyncPolicy()} says. */
    void fsyncDirectory(Path dir) throws IOException {
        AtomicFile.fsyncDirectory(dir, fsyncPolicy());
    }

    /**
     * Resolves a revision as {@code ostree rev-parse}: a full checksum; a unique prefix of a commit checksum; a ref or
     * {@code remote:ref} (a bare ref is looked up in {@code refs/heads}, then as {@code remote/ref} under
     * {@code refs/remotes}, then under every remote); each optionally followed by {@code ^} for the parent. Refs and
     * commits not found here are looked up in the {@code core.parent} repository, if the config names one.
     *
     * @throws IllegalArgumentException when the revision does not resolve ("Refspec 'x' not found", "Refspec x not
     *     unique", "Commit x has no parent")
     */
    public Checksum resolve(String rev) throws IOException {
        Objects.requireNonNull(rev, "rev");
        return new RevParser(this).resolve(rev, 0);
    }

    // -----------------------------------------------------------------------------------------------------------
    // operations

    /**
     * Commits the directory tree at {@code dir} (see {@link CommitOptions}) in one transaction, hashing and
     * compressing files on all cores with bounded memory. With a branch, the branch moves by compare-and-set from the
     * head it had when the commit started; a concurrent move is reported in {@link CommitResult#refUpdate()} (the
     * commit object is still written).
     *
     * @throws IllegalArgumentException naming the path when the tree holds something OSTree cannot store
     */
    public CommitResult commit(Path dir, CommitOptions options) throws IOException {
        return commit(dir, options, CommitProgress.NONE);
    }

    /** As {@link #commit(Path, CommitOptions)}, reporting progress to {@code progress}. */
    public CommitResult commit(Path dir, CommitOptions options, CommitProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        try {
            return commit(tx -> new TreeScanner(tx, options, progress).write(dir), options);
        } catch (java.nio.file.InvalidPathException e) {
            String encoding = System.getProperty("sun.jnu.encoding", "?");
            throw new IllegalArgumentException(
                    dir + ": a file name cannot be decoded as " + encoding + " (this JVM's"
                            + " file-name encoding, from its locale); names are bytes, run the JVM under a UTF-8 locale such as"
                            + " LC_ALL=C.UTF-8: " + e.getMessage(),
                    e);
        }
    }

    /** Commits an in-memory tree; see {@link #commit(Path, CommitOptions)}. */
    public CommitResult commit(MutableTree tree, CommitOptions options) throws IOException {
        return commit(tx -> tx.writeTree(tree), options);
    }

    interface RootWriter {
        Transaction.Root write(Transaction tx) throws IOException;
    }

    private CommitResult commit(RootWriter writer, CommitOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Optional<Refs.Refspec> branch = options.branch().map(Refs::parse);
        Optional<Checksum> head = branch.isPresent()
                ? readRefFile(path.resolve(branch.get().path()), branch.get().toString())
                : Optional.empty();
        Optional<Checksum> parent = switch (options.parent().kind()) {
            case BRANCH_HEAD -> head;
            case NONE -> Optional.empty();
            case EXPLICIT -> Optional.ofNullable(options.parent().checksum());
        };
        try (Transaction tx = begin()) {
            Transaction.Root root = writer.write(tx);
            Metadata metadata = options.metadata();
            if (options.bindings() && branch.isPresent()) {
                metadata = metadata.with(
                        CommitObject.REF_BINDING,
                        Variant.ofStrings(List.of(branch.get().ref())));
            }
            long timestamp =
                    options.timestamp().orElseGet(() -> java.time.Instant.now().getEpochSecond());
            CommitObject commit = new CommitObject(
                    metadata,
                    parent,
                    List.of(),
                    options.subject(),
                    options.body(),
                    timestamp,
                    root.tree(),
                    root.meta());
            Checksum checksum = tx.writeCommit(commit);
            branch.ifPresent(b -> tx.updateRef(b.toString(), head.orElse(null), checksum));
            List<RefUpdate> updates = tx.commit();
            return new CommitResult(checksum, commit, updates.isEmpty() ? null : updates.get(0));
        }
    }

    /**
     * Checks out {@code commit} (or {@link CheckoutOptions#subpath()} of it) into {@code target}, which must not
     * exist. Nothing is ever written outside {@code target}: names are validated, every path is created fresh and
     * never followed through a symlink.
     */
    public void checkout(Checksum commit, Path target, CheckoutOptions options) throws IOException {
        new Checkout(this, options).run(commit, target);
    }

    /** The history from {@code commit} back through its parents, newest first; stops at a missing parent. */
    public List<LogEntry> log(Checksum commit) throws IOException {
        List<LogEntry> out = new ArrayList<>();
        Optional<Checksum> next = Optional.of(commit);
        java.util.Set<Checksum> seen = new java.util.HashSet<>();
        while (next.isPresent() && seen.add(next.get())) {
            Checksum c = next.get();
            if (!has(ObjectType.COMMIT, c)) {
                out.add(new LogEntry(c, null));
                break;
            }
            CommitObject obj = readCommit(c);
            out.add(new LogEntry(c, obj));
            next = obj.parent();
        }
        return out;
    }

    /**
     * One commit of a log.
     *
     * @param checksum the commit
     * @param commit the commit object, null when it is not in this repository ("History beyond this commit not
     *     fetched")
     */
    public record LogEntry(Checksum checksum, @Nullable CommitObject commit) {}

    /** Looks up a path ({@code /usr/bin/x}) in a commit. Empty when it does not exist. */
    public Optional<TreeEntry> lookup(Checksum commit, String path) throws IOException {
        return TreeWalker.lookup(this, commit, path);
    }

    /**
     * Visits {@code entry} and, for a directory and {@code recursive}, everything below it in {@code strcmp} order,
     * each directory's files before its subdirectories, both in {@code strcmp} order (as {@code ostree ls -R}).
     *
     * @throws CorruptObjectException when a dirtree contains itself or nests deeper than {@link DirTree#MAX_DEPTH}
     */
    public void walk(TreeEntry entry, boolean recursive, TreeVisitor visitor) throws IOException {
        TreeWalker.walk(this, entry, recursive, visitor, new java.util.ArrayDeque<>());
    }

    /** Receives the entries of {@link #walk}. */
    @FunctionalInterface
    public interface TreeVisitor {
        /** Receives one entry; an {@code IOException} stops the walk and is rethrown by {@link Repository#walk}. */
        void visit(TreeEntry entry) throws IOException;
    }

    /** Compares two commits as {@code ostree diff}: paths added, modified and removed from {@code from} to {@code to}. */
    public TreeDiff diff(Checksum from, Checksum to) throws IOException {
        return TreeDiff.compute(this, from, to);
    }

    /** Re-hashes every object reachable from every commit; see {@link Fsck}. */
    public FsckReport fsck(FsckOptions options) throws IOException {
        return new Fsck(this, options).run();
    }

    /** Deletes unreachable objects under the exclusive lock; see {@link PruneOptions}. */
    public PruneResult prune(PruneOptions options) throws IOException {
        return new Prune(this, options).run();
    }

    /**
     * Deletes one commit object ({@code ostree prune --delete-commit}) with its detached metadata and partial marker,
     * under the exclusive lock, and turns on {@code core.tombstone-commits} so that a {@code .tombstone-commit} records
     * the deletion (a later pull then does not complain about the missing parent). Objects only it reached stay until
     * the next prune.
     *
     * @throws IllegalArgumentException when a ref or collection–ref still names the commit ("Commit 'X' is referenced
     *     by 'REF'"), or when the commit does not exist
     */
    public void deleteCommit(Checksum commit) throws IOException {
        Prune.deleteCommit(this, commit);
    }

    /**
     * Sets {@code key=value} in {@code [group]} of the {@code config} file (written by rename; the in-memory
     * {@link #config()} of this instance is not changed, reopen to see it).
     */
    void setConfigValue(String group, String key, String value) throws IOException {
        Path file = path.resolve("config");
        String text = RepoConfig.withValue(Files.readString(file, StandardCharsets.UTF_8), group, key, value);
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), fsyncPolicy());
    }

    static void createDirectoriesQuietly(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
