package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.Filez;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DeflaterOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A write transaction on a {@link Repository}, following libostree's protocol: a shared lock on {@code .lock}; every
 * object written (and fsynced) into a staging directory {@code tmp/staging-<boot-id>-<random>} (guarded by its own
 * {@code -lock} file); on {@link #commit()} the objects are renamed into {@code objects/} (content and trees first,
 * then commits), the object directories fsynced, and only then the refs updated, each by compare-and-set via a temp
 * file, fsync and rename. A ref therefore never names an incomplete commit.
 *
 * <p>Closing without {@link #commit()} discards everything staged. The write methods may be called from several
 * threads at once; {@link #commit()} and {@link #close()} must not race with them.
 */
public final class Transaction implements AutoCloseable {

    /** The root of a written tree: its dirtree and dirmeta. */
    public record Root(Checksum tree, Checksum meta) {}

    /** A pending ref change. */
    record RefChange(Refs.Refspec spec, boolean checkExpected, Optional<Checksum> expected, Optional<Checksum> value) {}

    private enum State {
        OPEN,
        COMMITTED,
        CLOSED
    }

    private static final Set<PosixFilePermission> OBJECT_PERMS = PosixFilePermissions.fromString("rw-r--r--");

    private final Repository repo;
    private final RepoLock.Held repoLock;
    private final Path staging;
    private final Path stagingLockFile;
    private final FileChannel stagingLockChannel;
    private final Set<String> staged = ConcurrentHashMap.newKeySet();
    private final List<RefChange> refChanges = new ArrayList<>();
    private final int zlibLevel;
    private final boolean fsync;
    /** Whether each object is fsynced as written ({@code core.per-object-fsync}) rather than once at commit. */
    private final boolean perObjectFsync;
    /** How a staged object is written: synced as written only under {@code core.per-object-fsync}. */
    private final FsyncPolicy stagePolicy;

    private State state = State.OPEN;

    Transaction(Repository repo) throws IOException {
        this.repo = repo;
        this.zlibLevel = repo.config().zlibLevel();
        this.fsync = repo.config().fsync();
        this.perObjectFsync = fsync && repo.config().perObjectFsync();
        this.stagePolicy = perObjectFsync ? FsyncPolicy.FILE : FsyncPolicy.NONE;
        this.repoLock = repo.repoLock().shared(repo.config().lockTimeoutSeconds());
        boolean ok = false;
        try {
            Path tmp = repo.path().resolve("tmp");
            Files.createDirectories(tmp);
            cleanStaleStaging(tmp);
            String name = "staging-" + bootId() + "-" + randomSuffix();
            this.stagingLockFile = tmp.resolve(name + "-lock");
            this.stagingLockChannel =
                    FileChannel.open(stagingLockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                stagingLockChannel.lock();
                this.staging = Files.createDirectory(tmp.resolve(name));
            } catch (IOException | RuntimeException e) {
                stagingLockChannel.close();
                Files.deleteIfExists(stagingLockFile);
                throw e;
            }
            ok = true;
        } finally {
            if (!ok) {
                repoLock.close();
            }
        }
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                    .strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String randomSuffix() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** Removes staging directories whose lock nobody holds (left behind by a crashed writer). */
    private static void cleanStaleStaging(Path tmp) throws IOException {
        List<Path> locks = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, "staging-*-lock")) {
            ds.forEach(locks::add);
        }
        for (Path lockFile : locks) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    continue;
                }
                if (lock == null) {
                    continue;
                }
                String name = lockFile.getFileName().toString();
                Path dir = tmp.resolve(name.substring(0, name.length() - "-lock".length()));
                FileTrees.deleteTree(dir);
                Files.deleteIfExists(lockFile);
            } catch (NoSuchFileException e) {
                // another writer cleaned it first
            }
        }
    }

    /** The repository this transaction writes to. */
    public Repository repository() {
        return repo;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("transaction is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // objects

    /** Writes a dirtree; returns its checksum. */
    public Checksum writeDirTree(DirTree tree) throws IOException {
        return writeMetadata(ObjectType.DIR_TREE, tree.toBytes());
    }

    /** Writes a dirmeta; returns its checksum. */
    public Checksum writeDirMeta(DirMeta meta) throws IOException {
        return writeMetadata(ObjectType.DIR_META, meta.toBytes());
    }

    /** Writes a commit object; returns its checksum. */
    public Checksum writeCommit(CommitObject commit) throws IOException {
        return writeMetadata(ObjectType.COMMIT, commit.toBytes());
    }

    /** Writes (replacing) the detached metadata of {@code commit}. */
    public void writeDetachedMetadata(Checksum commit, Metadata metadata) throws IOException {
        requireOpen();
        try (AtomicFile tmp = AtomicFile.create(staging, stagePolicy)) {
            tmp.write(metadata.toBytes());
            stage(ObjectType.COMMIT_META, commit, tmp);
        }
    }

    private Checksum writeMetadata(ObjectType type, byte[] bytes) throws IOException {
        requireOpen();
        Checksum checksum = Checksum.sha256(bytes);
        String rel = Repository.relativeObjectPath(type, checksum);
        if (staged.contains(rel) || repo.has(type, checksum)) {
            return checksum;
        }
        try (AtomicFile tmp = AtomicFile.create(staging, stagePolicy)) {
            tmp.write(bytes);
            stage(type, checksum, tmp);
        }
        return checksum;
    }

    /** Renames a written temp to its place in the staging directory, or (closing it) drops a known object. */
    private void stage(ObjectType type, Checksum checksum, AtomicFile tmp) throws IOException {
        String rel = Repository.relativeObjectPath(type, checksum);
        tmp.permissions(OBJECT_PERMS);
        if (type != ObjectType.COMMIT_META && (staged.contains(rel) || repo.has(type, checksum))) {
            return; // closing the temp removes it
        }
        Path target = staging.resolve(rel);
        Repository.createDirectoriesQuietly(Objects.requireNonNull(target.getParent()));
        tmp.commit(target);
        staged.add(rel);
    }

    /** Writes a small content object held in memory; returns its checksum. */
    public Checksum writeFile(FileHeader header, byte[] content) throws IOException {
        return writeFile(header, content.length, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Streams a content object: hashes and compresses {@code content} (exactly {@code size} bytes; none for a
     * symlink) in one pass, never holding it in memory. Returns its checksum.
     *
     * @throws IOException when the stream does not hold {@code size} bytes (e.g. the file changed while read)
     */
    public Checksum writeFile(FileHeader header, long size, InputStream content) throws IOException {
        requireOpen();
        Objects.requireNonNull(header, "header");
        if (header.isSymlink() && size != 0) {
            throw new IllegalArgumentException("a symlink has no content, size must be 0");
        }
        MessageDigest md = Checksum.newDigest();
        md.update(header.checksumHeader());
        try (AtomicFile tmp = AtomicFile.create(staging, stagePolicy)) {
            OutputStream out = new BufferedOutputStream(tmp.outputStream(), 65536);
            out.write(header.archiveHeader(size));
            long total = 0;
            if (header.isRegular()) {
                DeflaterOutputStream deflate = Filez.deflating(
                        new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() throws IOException {
                                flush();
                            }
                        },
                        zlibLevel);
                byte[] buf = new byte[65536];
                int n;
                while ((n = content.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    deflate.write(buf, 0, n);
                    total += n;
                }
                deflate.close();
            }
            if (total != size) {
                throw new IOException("content has " + total + " bytes, expected " + size
                        + " (did the file change while it was committed?)");
            }
            out.flush();
            Checksum checksum = Checksum.fromBytes(md.digest());
            stage(ObjectType.FILE, checksum, tmp);
            return checksum;
        }
    }

    /**
     * Writes every file and directory under {@code dir} (not following symlinks), hashing and compressing files in
     * parallel with a bounded number in flight. Applies {@link CommitOptions#ownerUid()}/{@code ownerGid()}/
     * {@code noXattrs()}.
     *
     * @throws IllegalArgumentException naming the path for a device node, FIFO, socket or non-UTF-8 name
     */
    public Root writeDirectory(Path dir, CommitOptions options) throws IOException {
        requireOpen();
        return new TreeScanner(this, options, CommitProgress.NONE).write(dir);
    }

    /** Writes an in-memory tree; returns its root. */
    public Root writeTree(MutableTree tree) throws IOException {
        requireOpen();
        List<DirTree.FileEntry> files = new ArrayList<>();
        List<DirTree.DirEntry> dirs = new ArrayList<>();
        for (var e : tree.children().entrySet()) {
            Object node = e.getValue();
            if (node instanceof MutableTree mutableTree) {
                Root sub = writeTree(mutableTree);
                dirs.add(new DirTree.DirEntry(e.getKey(), sub.tree(), sub.meta()));
            } else {
                MutableTree.FileNode f = (MutableTree.FileNode) node;
                Checksum c = f.existing().isPresent()
                        ? f.existing().get()
                        : writeFile(Objects.requireNonNull(f.header()), Objects.requireNonNull(f.content()));
                files.add(new DirTree.FileEntry(e.getKey(), c));
            }
        }
        Checksum treeChecksum = writeDirTree(new DirTree(files, dirs));
        Checksum metaChecksum = writeDirMeta(tree.meta());
        return new Root(treeChecksum, metaChecksum);
    }

    // -----------------------------------------------------------------------------------------------------------
    // refs and commit

    /**
     * Queues a compare-and-set ref update for {@link #commit()}: {@code refspec} moves to {@code value} if it still
     * names {@code expected} (null: absent).
     */
    public void updateRef(String refspec, @Nullable Checksum expected, Checksum value) {
        requireOpen();
        refChanges.add(new RefChange(Refs.parse(refspec), true, Optional.ofNullable(expected), Optional.of(value)));
    }

    /** Queues an unconditional ref update for {@link #commit()}. */
    public void setRef(String refspec, Checksum value) {
        requireOpen();
        refChanges.add(new RefChange(Refs.parse(refspec), false, Optional.empty(), Optional.of(value)));
    }

    /**
     * Makes every staged object durable in {@code objects/}, then applies the queued ref updates in order.
     *
     * @return one result per queued ref update, in order
     */
    public List<RefUpdate> commit() throws IOException {
        requireOpen();
        if (fsync && !perObjectFsync && !staged.isEmpty()) {
            syncStaged();
        }
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String rel : new TreeSet<>(staged)) {
            if (rel.endsWith("." + ObjectType.COMMIT.extension())
                    || rel.endsWith("." + ObjectType.COMMIT_META.extension())) {
                last.add(rel);
            } else {
                first.add(rel);
            }
        }
        publish(first);
        publish(last);
        state = State.COMMITTED;
        List<RefUpdate> results = refChanges.isEmpty() ? List.of() : repo.setRefs(refChanges);
        release();
        return refChanges.isEmpty() ? results : repo.verifyRefs(results);
    }

    /**
     * Makes every staged object durable before any is renamed into {@code objects/}. libostree calls
     * {@code syncfs(2)} once; Java has no binding for it, so this runs coreutils {@code sync -f} (which is that
     * call) on the staging directory, and falls back to fsyncing each staged object when that is unavailable.
     */
    private void syncStaged() throws IOException {
        if (FileSystemSync.syncfs(staging)) {
            return;
        }
        for (String rel : staged) {
            AtomicFile.fsync(staging.resolve(rel), FsyncPolicy.FULL);
        }
    }

    private void publish(List<String> rels) throws IOException {
        Path objects = repo.path().resolve("objects");
        Set<Path> dirs = new TreeSet<>();
        for (String rel : rels) {
            Path target = objects.resolve(rel);
            Path source = staging.resolve(rel);
            boolean replace = rel.endsWith("." + ObjectType.COMMIT_META.extension());
            if (!replace && Files.exists(target)) {
                Files.deleteIfExists(source);
                continue;
            }
            if (dirs.add(target.getParent())) {
                Repository.createDirectoriesQuietly(Objects.requireNonNull(target.getParent()));
            }
            // synced already (per object or by syncStaged); the directories are synced once below
            AtomicFile.rename(source, target, FsyncPolicy.NONE);
        }
        for (Path d : dirs) {
            repo.fsyncDirectory(d);
        }
        if (!dirs.isEmpty()) {
            repo.fsyncDirectory(objects);
        }
    }

    /** Discards the transaction if it was not committed, and releases its locks. */
    @Override
    public void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        release();
    }

    private void release() throws IOException {
        state = State.CLOSED;
        try {
            FileTrees.deleteTree(staging);
            Files.deleteIfExists(stagingLockFile);
            stagingLockChannel.close();
        } finally {
            repoLock.close();
        }
    }
}
