package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Names;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.Filez;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
        if (!type.isMeta()) {
            throw new IllegalArgumentException("not a metadata type: " + type);
        }
        Path p = objectPath(type, checksum);
        requireRegularIfPresent(p, type, checksum);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, type, "No such metadata object");
        }
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
        Path p = objectPath(ObjectType.COMMIT_META, commit);
        requireRegularIfPresent(p, ObjectType.COMMIT_META, commit);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Metadata.parse(bytes));
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(commit, ObjectType.COMMIT_META, e.getMessage());
        }
    }

    /**
     * Reads a content object's header.
     *
     * @throws CorruptObjectException when it is missing or its header is invalid
     */
    public ContentObject readFile(Checksum checksum) throws IOException {
        Path p = objectPath(ObjectType.FILE, checksum);
        requireRegularIfPresent(p, ObjectType.FILE, checksum);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 8192)) {
            FileHeader.Archived a = Filez.readHeader(in, Files.size(p));
            return new ContentObject(checksum, a.header(), a.size());
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, "No such content object");
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        }
    }

    /**
     * Opens the uncompressed content of a regular-file object (empty for a symlink). The caller closes the stream; a
     * corrupt payload fails the read with an {@link ObjectFormatException} ("Invalid compressed data").
     *
     * @throws CorruptObjectException when it is missing or its header is invalid
     */
    public InputStream openContent(Checksum checksum) throws IOException {
        Path p = objectPath(ObjectType.FILE, checksum);
        requireRegularIfPresent(p, ObjectType.FILE, checksum);
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(p), 65536);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, "No such content object");
        }
        try {
            FileHeader.Archived a = Filez.readHeader(in, Files.size(p));
            if (a.header().isSymlink()) {
                in.close();
                return InputStream.nullInputStream();
            }
            return Filez.inflate(in);
        } catch (ObjectFormatException e) {
            in.close();
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Refuses to open an object that is not a regular file (a FIFO would block the reader, a directory would fail with
     * an anonymous I/O error); a missing object is left to the caller's open.
     */
    private static void requireRegularIfPresent(Path p, ObjectType type, Checksum checksum) throws IOException {
        String what = Fsck.notRegular(p);
        if (what != null && !what.isEmpty()) {
            throw new CorruptObjectException(checksum, type, what);
        }
    }

    /** The checksums of every loose object of {@code type}, sorted. */
    public List<Checksum> listObjects(ObjectType type) throws IOException {
        List<Checksum> out = new ArrayList<>();
        Path objects = path.resolve("objects");
        String suffix = "." + type.extension();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(objects)) {
            for (Path dir : prefixes) {
                String xx = dir.getFileName().toString();
                if (xx.length() != 2 || !Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        String hex = xx + name.substring(0, name.length() - suffix.length());
                        if (Checksum.isValid(hex)) {
                            out.add(Checksum.of(hex));
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
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
     * Sets (or with an empty {@code value}, deletes) a collection–ref, as {@code ostree refs --collections
     * --create=COLLECTION:REF REV} does: under {@code refs/heads} when the collection is the repository's own
     * {@code core.collection-id}, else under {@code refs/mirrors/COLLECTION}.
     *
     * @throws IllegalArgumentException when {@code value} names a commit this repository does not have
     */
    @SuppressWarnings("try") // the refs lock is held for the block
    public void setCollectionRef(Refs.CollectionRef ref, Optional<Checksum> value) throws IOException {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(value, "value");
        if (value.isPresent()) {
            requireCommitFor(ref.toString(), value.get());
        }
        Path file = RefStore.collectionRefPath(path, config, ref);
        try (RepoLock.Held held = refsLock().exclusive()) {
            if (value.isPresent()) {
                writeRefFile(file, value.get(), ref.toString());
            } else if (Files.deleteIfExists(file)) {
                fsyncDirectory(file.getParent());
            }
        }
    }

    /**
     * Makes {@code alias} a symlink to the local ref {@code target} ({@code ostree refs --alias --create=ALIAS
     * TARGET}); an existing alias of that name is replaced.
     *
     * @throws IllegalArgumentException when {@code target} is not an existing local ref, when {@code alias} names a
     *     remote ref, or when a regular ref of that name exists
     */
    @SuppressWarnings("try") // the refs lock is held for the block
    public void createAlias(String alias, String target) throws IOException {
        Refs.Refspec spec = Refs.parse(alias);
        if (spec.remote() != null) {
            throw new IllegalArgumentException("Cannot create alias to remote ref: " + spec.remote());
        }
        if (target.contains(":") || !refs().containsKey(target)) {
            throw new IllegalArgumentException("Cannot create alias to non-existent ref: " + target);
        }
        Path file = path.resolve(spec.path());
        try (RepoLock.Held held = refsLock().exclusive()) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException("--create specified but ref " + alias + " already exists");
            }
            Files.createDirectories(file.getParent());
            StringBuilder rel = new StringBuilder();
            for (int i = 0; i < spec.ref().length(); i++) {
                if (spec.ref().charAt(i) == '/') {
                    rel.append("../");
                }
            }
            rel.append(target);
            AtomicFile.symlink(file, rel.toString(), path.resolve("tmp"), fsyncPolicy());
        }
    }

    /**
     * Compare-and-set of one ref, outside any transaction: sets {@code refspec} to {@code value} (empty: delete) if
     * it currently names {@code expected} (empty: absent). The target commit must exist and not be partial.
     */
    public RefUpdate updateRef(String refspec, Optional<Checksum> expected, Optional<Checksum> value)
            throws IOException {
        Objects.requireNonNull(expected, "expected");
        return setRefs(List.of(new Transaction.RefChange(Refs.parse(refspec), true, expected, value)))
                .get(0);
    }

    /** Sets {@code refspec} unconditionally (as {@code ostree refs --create} / {@code --delete} do). */
    public RefUpdate forceRef(String refspec, Optional<Checksum> value) throws IOException {
        return setRefs(List.of(new Transaction.RefChange(Refs.parse(refspec), false, Optional.empty(), value)))
                .get(0);
    }

    private void requireCommitFor(String ref, Checksum v) {
        if (!has(ObjectType.COMMIT, v)) {
            throw new IllegalArgumentException("cannot point ref " + ref + " at " + v + ": no such commit in " + path);
        }
        if (isPartial(v)) {
            throw new IllegalArgumentException("cannot point ref " + ref + " at partial commit " + v);
        }
    }

    @SuppressWarnings("try") // the refs lock is held for the block
    List<RefUpdate> setRefs(List<Transaction.RefChange> changes) throws IOException {
        for (Transaction.RefChange c : changes) {
            if (c.value().isPresent()) {
                requireCommitFor(c.spec().toString(), c.value().get());
            }
        }
        List<RefUpdate> out = new ArrayList<>();
        try (RepoLock.Held held = refsLock().exclusive()) {
            Map<String, String> aliases = null;
            for (Transaction.RefChange c : changes) {
                Path file = path.resolve(c.spec().path());
                Optional<Checksum> actual = readRefFile(file, c.spec().toString());
                if (c.checkExpected() && !actual.equals(c.expected())) {
                    out.add(new RefUpdate.Conflict(c.spec().toString(), c.expected(), actual, c.value()));
                    continue;
                }
                if (c.value().isPresent()) {
                    writeRefFile(file, c.value().get(), c.spec().toString());
                } else if (actual.isPresent()) {
                    if (!Files.isSymbolicLink(file)) {
                        if (aliases == null) {
                            aliases = aliases();
                        }
                        for (Map.Entry<String, String> a : aliases.entrySet()) {
                            String owner = a.getKey().contains(":")
                                    ? a.getKey().substring(0, a.getKey().indexOf(':'))
                                    : null;
                            if (a.getValue().equals(c.spec().ref())
                                    && java.util.Objects.equals(owner, c.spec().remote())) {
                                throw new IllegalArgumentException(
                                        "Ref '" + c.spec().ref() + "' has an active alias: '" + a.getKey() + "'");
                            }
                        }
                    }
                    Files.deleteIfExists(file);
                    fsyncDirectory(file.getParent());
                }
                out.add(new RefUpdate.Updated(c.spec().toString(), actual, c.value()));
            }
        }
        return out;
    }

    /**
     * libostree's writers ({@code ostree commit -b}) set a ref without compare-and-set, at the end of a transaction that
     * holds the shared repository lock ({@code .lock}). After our rename, this takes that lock exclusively, as
     * libostree's prune does, which waits until every such transaction in progress has finished, and re-reads each ref
     * we set: one whose value no longer has ours in its history was overwritten by a concurrent writer and is reported
     * as {@link RefUpdate.Conflict} (our commit object exists but is not in the branch history), never as updated.
     *
     * <p>When this JVM has another transaction open on the repository (holding the lock shared), the re-read happens
     * without the exclusive lock, which would wait for ourselves.
     *
     * @throws IOException when the lock cannot be taken within {@code core.lock-timeout-secs}: the update is then not
     *     verified, and the message says so
     */
    List<RefUpdate> verifyRefs(List<RefUpdate> results) throws IOException {
        if (results.stream().noneMatch(r -> r instanceof RefUpdate.Updated)) {
            return results;
        }
        List<RefUpdate> out = new ArrayList<>();
        RepoLock.Held held;
        try {
            // another transaction of this JVM still open: re-read without waiting for ourselves
            held = repoLock()
                    .exclusiveUnlessSharedHere(config.lockTimeoutSeconds())
                    .orElse(() -> {});
        } catch (IOException e) {
            throw new IOException(
                    "refs were written but could not be verified against concurrent writers (" + e.getMessage() + "): "
                            + results,
                    e);
        }
        try (held) {
            for (RefUpdate r : results) {
                if (r instanceof RefUpdate.Updated) {
                    RefUpdate.Updated u = (RefUpdate.Updated) r;
                    Refs.Refspec spec = Refs.parse(u.refspec());
                    Optional<Checksum> now = readRefFile(path.resolve(spec.path()), u.refspec());
                    if (!now.equals(u.current())
                            && !(u.current().isPresent()
                                    && now.isPresent()
                                    && descendsFrom(now.get(), u.current().get(), u.previous()))) {
                        out.add(new RefUpdate.Conflict(u.refspec(), u.previous(), now, u.current()));
                        continue;
                    }
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether {@code ours} is in the history of {@code head}: a later writer that built on our commit (a
     * compare-and-set writer, or {@code ostree commit -b} that read our head) keeps our update. The walk stops at the
     * value we replaced, at a missing parent, or after 100,000 commits.
     */
    private boolean descendsFrom(Checksum head, Checksum ours, Optional<Checksum> replaced) throws IOException {
        Optional<Checksum> c = Optional.of(head);
        for (int i = 0; i < 100_000 && c.isPresent(); i++) {
            if (c.get().equals(ours)) {
                return true;
            }
            if (replaced.isPresent() && c.get().equals(replaced.get()) || !has(ObjectType.COMMIT, c.get())) {
                return false;
            }
            c = readCommit(c.get()).parent();
        }
        return false;
    }

    /**
     * Writes a ref file by rename. As libostree: a name that looks like a checksum is refused, and a directory in the
     * way is replaced only when no ref lives below it ("Conflict: A exists under B when attempting write").
     */
    private void writeRefFile(Path file, Checksum value, String name) throws IOException {
        if (Checksum.isValid(name.substring(name.lastIndexOf(':') + 1))) {
            throw new IllegalArgumentException("Rev name '" + name + "' looks like a checksum");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            Map<String, Object> below = new TreeMap<>();
            try (java.util.stream.Stream<Path> walk = Files.walk(file)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (!p.equals(file)
                            && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && Refs.isValidRemote(p.getFileName().toString())) {
                        below.put(file.getParent().relativize(p).toString(), p);
                    }
                }
            }
            if (!below.isEmpty()) {
                throw new IllegalArgumentException("Conflict: "
                        + below.keySet().iterator().next() + " exists under " + name + " when attempting write");
            }
            FileTrees.deleteTree(file); // holds no refs
        }
        Files.createDirectories(file.getParent());
        // the temp file lives in tmp/, not among the refs, so a crash never leaves a stray name under refs/
        AtomicFile.write(
                file,
                path.resolve("tmp"),
                (value.hex() + "\n").getBytes(StandardCharsets.US_ASCII),
                fsyncPolicy(),
                PosixFilePermissions.fromString("rw-r--r--"));
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
        return resolve(rev, 0);
    }

    private Checksum resolve(String rev, int depth) throws IOException {
        if (Checksum.isValid(rev)) {
            return Checksum.of(rev);
        }
        Optional<Checksum> partial = resolvePartial(rev);
        if (partial.isPresent()) {
            return partial.get();
        }
        if (rev.endsWith("^")) {
            Checksum base = resolve(rev.substring(0, rev.length() - 1), depth);
            CommitObject commit = readCommitWithParents(base);
            return commit.parent().orElseThrow(() -> new IllegalArgumentException("Commit " + base + " has no parent"));
        }
        Refs.Refspec spec;
        try {
            spec = Refs.parse(rev);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Optional<Checksum> found = readRefFile(path.resolve(spec.path()), spec.toString());
        if (found.isEmpty() && spec.remote() == null) {
            found = readRefFile(path.resolve("refs/remotes").resolve(spec.ref()), spec.toString());
            if (found.isEmpty()) {
                Path remotes = path.resolve("refs/remotes");
                if (Files.isDirectory(remotes)) {
                    List<Path> dirs = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(remotes)) {
                        ds.forEach(dirs::add);
                    }
                    dirs.sort(null);
                    for (Path remote : dirs) {
                        if (Files.isDirectory(remote, LinkOption.NOFOLLOW_LINKS)) {
                            found = readRefFile(remote.resolve(spec.ref()), spec.toString());
                            if (found.isPresent()) {
                                break;
                            }
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            Optional<Repository> parentRepo = parentRepository(depth);
            if (parentRepo.isPresent()) {
                return parentRepo.get().resolve(rev, depth + 1);
            }
        }
        return found.orElseThrow(() -> new IllegalArgumentException("Refspec '" + rev + "' not found"));
    }

    /** A unique commit whose checksum starts with {@code prefix} (lower-case hex, at most 64 digits). */
    private Optional<Checksum> resolvePartial(String prefix) throws IOException {
        if (prefix.isEmpty()
                || prefix.length() > 64
                || !prefix.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
            return Optional.empty();
        }
        List<Checksum> matches = new ArrayList<>();
        Path objects = path.resolve("objects");
        if (prefix.length() >= 2) {
            collectCommitsStartingWith(objects.resolve(prefix.substring(0, 2)), prefix, matches);
        } else {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(objects, prefix + "?")) {
                for (Path dir : ds) {
                    collectCommitsStartingWith(dir, prefix, matches);
                }
            }
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("Refspec " + prefix + " not unique");
        }
        return matches.stream().findFirst();
    }

    private static void collectCommitsStartingWith(Path dir, String prefix, List<Checksum> out) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String xx = dir.getFileName().toString();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.commit")) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                String hex = xx + name.substring(0, name.length() - ".commit".length());
                if (Checksum.isValid(hex) && hex.startsWith(prefix)) {
                    out.add(Checksum.of(hex));
                }
            }
        }
    }

    /** The repository {@code core.parent} names, if any (a chain of at most 16, so a loop cannot recurse forever). */
    private Optional<Repository> parentRepository(int depth) throws IOException {
        Optional<String> parent = config.get("core", "parent").filter(p -> !p.isEmpty());
        if (parent.isEmpty() || depth >= 16) {
            return Optional.empty();
        }
        return Optional.of(Repository.open(path.resolve(parent.get())));
    }

    /** Reads a commit here or, when it is not here, in the {@code core.parent} chain. */
    private CommitObject readCommitWithParents(Checksum c) throws IOException {
        Repository r = this;
        for (int depth = 0; ; depth++) {
            if (r.has(ObjectType.COMMIT, c)) {
                return r.readCommit(c);
            }
            Optional<Repository> next = r.parentRepository(depth);
            if (next.isEmpty()) {
                return readCommit(c);
            }
            r = next.get();
        }
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
            case EXPLICIT -> options.parent().checksum();
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
            branch.ifPresent(b -> tx.updateRef(b.toString(), head, checksum));
            List<RefUpdate> updates = tx.commit();
            return new CommitResult(
                    checksum, commit, updates.isEmpty() ? Optional.empty() : Optional.of(updates.get(0)));
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
                out.add(new LogEntry(c, Optional.empty()));
                break;
            }
            CommitObject obj = readCommit(c);
            out.add(new LogEntry(c, Optional.of(obj)));
            next = obj.parent();
        }
        return out;
    }

    /**
     * One commit of a log.
     *
     * @param checksum the commit
     * @param commit the commit object, empty when it is not in this repository ("History beyond this commit not
     *     fetched")
     */
    public record LogEntry(Checksum checksum, Optional<CommitObject> commit) {}

    /** Looks up a path ({@code /usr/bin/x}) in a commit. Empty when it does not exist. */
    public Optional<TreeEntry> lookup(Checksum commit, String path) throws IOException {
        CommitObject c = readCommit(commit);
        TreeEntry current = new TreeEntry.Directory("/", c.rootTree(), c.rootMeta());
        for (String part : splitPath(path)) {
            if (!(current instanceof TreeEntry.Directory)) {
                return Optional.empty();
            }
            TreeEntry.Directory d = (TreeEntry.Directory) current;
            DirTree tree = readDirTree(d.tree());
            String childPath = d.path().equals("/") ? "/" + part : d.path() + "/" + part;
            Optional<DirTree.FileEntry> f = tree.file(part);
            if (f.isPresent()) {
                current = new TreeEntry.File(childPath, f.get().checksum());
                continue;
            }
            Optional<DirTree.DirEntry> sub = tree.dir(part);
            if (sub.isEmpty()) {
                return Optional.empty();
            }
            current = new TreeEntry.Directory(
                    childPath, sub.get().tree(), sub.get().meta());
        }
        return Optional.of(current);
    }

    static List<String> splitPath(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            String why = Names.whyInvalidFilename(p);
            if (why != null) {
                throw new IllegalArgumentException("invalid path '" + path + "': " + why);
            }
            parts.add(p);
        }
        return parts;
    }

    /**
     * Visits {@code entry} and, for a directory and {@code recursive}, everything below it in {@code strcmp} order,
     * each directory's files before its subdirectories, both in {@code strcmp} order (as {@code ostree ls -R}).
     *
     * @throws CorruptObjectException when a dirtree contains itself or nests deeper than {@link DirTree#MAX_DEPTH}
     */
    public void walk(TreeEntry entry, boolean recursive, TreeVisitor visitor) throws IOException {
        walk(entry, recursive, visitor, new java.util.ArrayDeque<>());
    }

    private void walk(TreeEntry entry, boolean recursive, TreeVisitor visitor, java.util.Deque<Checksum> ancestors)
            throws IOException {
        visitor.visit(entry);
        if (entry instanceof TreeEntry.Directory) {
            TreeEntry.Directory d = (TreeEntry.Directory) entry;
            DirTree.requireDescent(ancestors, d.tree(), d.path());
            DirTree tree = readDirTree(d.tree());
            String prefix = d.path().equals("/") ? "/" : d.path() + "/";
            for (DirTree.FileEntry f : tree.files()) {
                visitor.visit(new TreeEntry.File(prefix + f.name(), f.checksum()));
            }
            for (DirTree.DirEntry sub : tree.dirs()) {
                TreeEntry.Directory child = new TreeEntry.Directory(prefix + sub.name(), sub.tree(), sub.meta());
                if (recursive) {
                    ancestors.push(d.tree());
                    walk(child, true, visitor, ancestors);
                    ancestors.pop();
                } else {
                    visitor.visit(child);
                }
            }
        }
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
    @SuppressWarnings("try") // the lock is held for the block
    public void deleteCommit(Checksum commit) throws IOException {
        Objects.requireNonNull(commit, "commit");
        try (RepoLock.Held held = repoLock().exclusive(config.lockTimeoutSeconds())) {
            for (Map.Entry<String, Checksum> e : refs().entrySet()) {
                if (e.getValue().equals(commit)) {
                    throw new IllegalArgumentException("Commit '" + commit + "' is referenced by '" + e.getKey() + "'");
                }
            }
            for (Map.Entry<Refs.CollectionRef, Checksum> e :
                    RefStore.collectionRefs(path, config, true, false).entrySet()) {
                if (e.getValue().equals(commit)) {
                    throw new IllegalArgumentException("Commit '" + commit + "' is referenced by " + e.getKey());
                }
            }
            Path object = objectPath(ObjectType.COMMIT, commit);
            if (!Files.exists(object)) {
                throw new IllegalArgumentException("Deleting object " + commit + ".commit: No such file or directory");
            }
            if (!config.get("core", "tombstone-commits")
                    .map("true"::equalsIgnoreCase)
                    .orElse(false)) {
                setConfigValue("core", "tombstone-commits", "true");
            }
            Files.deleteIfExists(objectPath(ObjectType.COMMIT_META, commit));
            Files.delete(object);
            Files.deleteIfExists(path.resolve("state").resolve(commit.hex() + ".commitpartial"));
            Prune.writeTombstone(this, commit);
        }
    }

    /**
     * Sets {@code key=value} in {@code [group]} of the {@code config} file (written by rename; the in-memory
     * {@link #config()} of this instance is not changed, reopen to see it).
     */
    void setConfigValue(String group, String key, String value) throws IOException {
        Path file = path.resolve("config");
        List<String> lines = new ArrayList<>(
                List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int groupLine = -1;
        int insertAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                if (groupLine >= 0 && insertAt < 0) {
                    insertAt = i;
                }
                if (l.equals("[" + group + "]")) {
                    groupLine = i;
                }
            } else if (groupLine >= 0
                    && insertAt < 0
                    && l.contains("=")
                    && l.substring(0, l.indexOf('=')).strip().equals(key)) {
                lines.set(i, key + "=" + value);
                insertAt = -2;
                break;
            }
        }
        if (insertAt != -2) {
            if (groupLine < 0) {
                lines.add("[" + group + "]");
                lines.add(key + "=" + value);
            } else {
                lines.add(insertAt < 0 ? lines.size() : insertAt, key + "=" + value);
            }
        }
        AtomicFile.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), fsyncPolicy());
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
