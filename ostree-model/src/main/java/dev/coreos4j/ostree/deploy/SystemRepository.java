package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Names;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.DirHandle;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A sysroot's system repository ({@code ostree/repo}) in {@code bare} mode, as {@code ostree admin init-fs} creates
 * it: content objects are the real files ({@code objects/XX/rest.file}, with their mode and ownership, mtime 0), so a
 * deployment checkout hardlinks them. Reads repositories written by libostree and writes ones libostree reads.
 *
 * <p>Not thread-safe; the {@link Sysroot} serializes writers with its lock. A {@code bare-user} repository (as
 * {@code ostree init --mode=bare-user} makes it) can be deployed from but not written to; {@code archive} system
 * repositories are refused with an {@link IOException} naming the mode.
 */
public final class SystemRepository {

    /** The exact {@code config} that {@code ostree init --mode=bare} writes. */
    static final String BARE_CONFIG = "[core]\nrepo_version=1\nmode=bare\n";

    private final Path root;
    private final boolean fsync;
    private final boolean bareUser;

    private SystemRepository(Path root, boolean fsync, boolean bareUser) {
        this.root = root;
        this.fsync = fsync;
        this.bareUser = bareUser;
    }

    /** The repository mode: {@code bare}, or {@code bare-user} (read and deployed from, not written). */
    public String mode() {
        return bareUser ? "bare-user" : "bare";
    }

    private void requireWritable() throws IOException {
        if (bareUser) {
            throw new IOException(root + ": writing objects into a bare-user repository is not supported (use bare)");
        }
    }

    /**
     * Whether writes are synced: {@code core.fsync} of the config (default true). libostree also skips its syncs when
     * it is false; it is meant for scratch sysroots and tests, never for a machine's /sysroot.
     */
    public boolean fsync() {
        return fsync;
    }

    /** How this repository's writes are synced ({@link #fsync()}). */
    FsyncPolicy policy() {
        return FsyncPolicy.of(fsync);
    }

    /** The repository directory. */
    public Path path() {
        return root;
    }

    /**
     * Creates a bare repository at {@code dir} (directories as {@code ostree init --mode=bare}, {@code objects} last),
     * or opens it if it already exists.
     */
    public static SystemRepository init(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve("objects"))) {
            return open(dir);
        }
        Files.createDirectories(dir);
        // a new repository has the default core.fsync=true
        Fs.writeAtomically(dir.resolve("config"), BARE_CONFIG.getBytes(StandardCharsets.UTF_8), FsyncPolicy.FULL);
        for (String sub : List.of(
                "tmp", "tmp/cache", "extensions", "state", "refs", "refs/heads", "refs/mirrors", "refs/remotes")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.createDirectories(dir.resolve("objects"));
        Fs.fsync(dir, FsyncPolicy.FULL);
        return open(dir);
    }

    /**
     * Opens an existing bare repository.
     *
     * @throws IOException if {@code dir} is not a repository or its mode is not {@code bare}
     */
    public static SystemRepository open(Path dir) throws IOException {
        Path config = dir.resolve("config");
        if (!Files.isRegularFile(config) || !Files.isDirectory(dir.resolve("objects"))) {
            throw new NoSuchFileException(dir.toString(), null, "not an OSTree repository (no config or objects/)");
        }
        String mode = null;
        boolean fsync = true;
        for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("mode=")) {
                mode = t.substring(5).strip();
            } else if (t.replace(" ", "").equals("fsync=false")) {
                fsync = false;
            }
        }
        if (!"bare".equals(mode) && !"bare-user".equals(mode)) {
            throw new IOException(
                    config + ": system repository mode is '" + mode + "', only 'bare' and 'bare-user' are supported");
        }
        return new SystemRepository(dir, fsync, "bare-user".equals(mode));
    }

    // ---------------------------------------------------------------------------------------------- objects

    Path objectPath(Checksum checksum, String ext) {
        return root.resolve("objects")
                .resolve(checksum.hex().substring(0, 2))
                .resolve(checksum.hex().substring(2) + "." + ext);
    }

    /** Whether the commit object is present. */
    public boolean hasCommit(Checksum commit) {
        return Files.isRegularFile(objectPath(commit, "commit"));
    }

    /**
     * Reads a commit object.
     *
     * @throws NoSuchFileException if it is missing
     * @throws IOException if it does not hash to its name or does not parse
     */
    public CommitObject readCommit(Checksum commit) throws IOException {
        return CommitObject.parse(readVerified(commit, "commit"));
    }

    DirTree readDirTree(Checksum c) throws IOException {
        return DirTree.parse(readVerified(c, "dirtree"));
    }

    DirMeta readDirMeta(Checksum c) throws IOException {
        return DirMeta.parse(readVerified(c, "dirmeta"));
    }

    private byte[] readVerified(Checksum c, String ext) throws IOException {
        Path p = objectPath(c, ext);
        byte[] bytes = Files.readAllBytes(p);
        if (!Checksum.sha256(bytes).equals(c)) {
            throw new IOException(p + ": corrupted object (checksum " + Checksum.sha256(bytes) + ")");
        }
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------- refs

    /**
     * Resolves a commit checksum, a local ref ({@code refs/heads/…}) or {@code remote:ref} ({@code refs/remotes/…}).
     * Empty when there is no such ref or the commit object is missing.
     */
    public Optional<Checksum> resolve(String refOrChecksum) throws IOException {
        Objects.requireNonNull(refOrChecksum, "refOrChecksum");
        if (Checksum.isValid(refOrChecksum)) {
            Checksum c = Checksum.of(refOrChecksum);
            return hasCommit(c) ? Optional.of(c) : Optional.empty();
        }
        if (refOrChecksum.isEmpty() || refOrChecksum.contains("..") || refOrChecksum.startsWith("/")) {
            return Optional.empty();
        }
        int colon = refOrChecksum.indexOf(':');
        Path file = colon < 0
                ? root.resolve("refs/heads").resolve(refOrChecksum)
                : root.resolve("refs/remotes")
                        .resolve(refOrChecksum.substring(0, colon))
                        .resolve(refOrChecksum.substring(colon + 1));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!Checksum.isValid(text)) {
            throw new IOException(file + ": not a checksum: '" + text + "'");
        }
        Checksum c = Checksum.of(text);
        return hasCommit(c) ? Optional.of(c) : Optional.empty();
    }

    /** Points local ref {@code ref} at {@code commit} ({@code csum\n}, written atomically). */
    public void setRef(String ref, Checksum commit) throws IOException {
        Path file = root.resolve("refs/heads").resolve(ref);
        Files.createDirectories(file.getParent());
        Fs.writeAtomically(file, (commit.hex() + "\n").getBytes(StandardCharsets.UTF_8), policy());
    }

    /** The local refs under {@code prefix} ({@code ""} for all), sorted by name. */
    public Map<String, Checksum> refs(String prefix) throws IOException {
        Map<String, Checksum> out = new TreeMap<>();
        Path heads = root.resolve("refs/heads");
        if (!Files.isDirectory(heads)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(heads)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    String name = heads.relativize(p).toString();
                    String text = Files.readString(p, StandardCharsets.UTF_8).strip();
                    if (name.startsWith(prefix) && Checksum.isValid(text)) {
                        out.put(name, Checksum.of(text));
                    }
                }
            }
        }
        return out;
    }

    /** Deletes local ref {@code ref} (like libostree, empty parent directories stay). */
    public void deleteRef(String ref) throws IOException {
        Files.deleteIfExists(root.resolve("refs/heads").resolve(ref));
    }

    // ---------------------------------------------------------------------------------------------- checkout

    /**
     * Checks out {@code commit} into {@code dest} (which must not exist): directories get their dirmeta mode and
     * ownership, regular files are hardlinks of the bare objects, symlinks are recreated.
     *
     * @throws FileAlreadyExistsException if {@code dest} exists
     */
    public void checkout(Checksum commit, Path dest) throws IOException {
        CommitObject c = readCommit(commit);
        Path abs = dest.toAbsolutePath().normalize();
        try (DirHandle parent =
                DirHandle.open(Objects.requireNonNull(abs.getParent(), "checkout destination has a parent"))) {
            String name = abs.getFileName().toString();
            if (parent.exists(name)) {
                throw new FileAlreadyExistsException(dest.toString());
            }
            checkoutDir(c.rootTree(), c.rootMeta(), parent, name, "/", new ArrayDeque<>());
        }
    }

    /** Creates {@code name} in {@code parent} and fills it, every step through directory handles. */
    private void checkoutDir(
            Checksum tree, Checksum meta, DirHandle parent, String name, String path, Deque<Checksum> ancestors)
            throws IOException {
        if (ancestors.contains(tree) || ancestors.size() >= DirTree.MAX_DEPTH) {
            throw new CorruptObjectException(
                    tree,
                    ObjectType.DIR_TREE,
                    ancestors.contains(tree)
                            ? "contains itself (a cycle at " + path + ")"
                            : "nested deeper than " + DirTree.MAX_DEPTH + " directories");
        }
        DirMeta m = readDirMeta(meta);
        DirTree t = readDirTree(tree);
        ancestors.push(tree);
        String prefix = path.equals("/") ? "/" : path + "/";
        try (DirHandle dir = parent.createDir(name)) {
            for (DirTree.FileEntry f : t.files()) {
                Names.requireValidFilename(f.name());
                Path obj = objectPath(f.checksum(), "file");
                if (bareUser && Files.isRegularFile(obj, LinkOption.NOFOLLOW_LINKS) && isBareUserSymlink(obj)) {
                    // bare-user keeps a symlink as a regular file holding the target; its real mode is in
                    // user.ostreemeta
                    String link = Files.readString(obj, StandardCharsets.UTF_8);
                    if (link.endsWith("\0")) {
                        link = link.substring(0, link.length() - 1); // libostree stores the target NUL-terminated
                    }
                    dir.createSymlink(f.name(), link);
                } else if (Files.isSymbolicLink(obj)) {
                    dir.createSymlink(f.name(), Files.readSymbolicLink(obj).toString());
                    try {
                        dir.chown(f.name(), Fs.uid(obj), Fs.gid(obj));
                    } catch (IOException | UnsupportedOperationException | SecurityException e) {
                        // not root: keep our own ownership, like ostree checkout --user-mode
                    }
                } else if (Files.isRegularFile(obj, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createLink(dir.child(f.name()), obj);
                } else {
                    throw new NoSuchFileException(
                            obj.toString(), null, "missing content object for " + prefix + f.name());
                }
            }
            for (DirTree.DirEntry d : t.dirs()) {
                Names.requireValidFilename(d.name());
                checkoutDir(d.tree(), d.meta(), dir, d.name(), prefix + d.name(), ancestors);
            }
        }
        ancestors.pop();
        try {
            parent.chown(name, m.uid(), m.gid());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not root: keep our own ownership
        }
        parent.chmod(name, m.mode());
    }

    /** Whether a bare-user content object's {@code user.ostreemeta} {@code (uuua(ayay))} says symlink. */
    private static boolean isBareUserSymlink(Path obj) throws IOException {
        java.nio.file.attribute.UserDefinedFileAttributeView view = Files.getFileAttributeView(
                obj, java.nio.file.attribute.UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || !view.list().contains("ostreemeta")) {
            throw new IOException(obj + ": bare-user object without user.ostreemeta");
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(view.size("ostreemeta"));
        view.read("ostreemeta", buf);
        List<?> meta;
        try {
            meta = (List<?>) dev.coreos4j.ostree.internal.GVariantCodec.decode("(uuua(ayay))", buf.array());
        } catch (RuntimeException e) {
            throw new IOException(obj + ": malformed user.ostreemeta: " + e.getMessage());
        }
        int mode = Integer.reverseBytes((Integer) meta.get(2));
        return (mode & FileHeader.S_IFMT) == FileHeader.S_IFLNK;
    }

    /** Walks {@code path} (relative, {@code /}-separated) in the commit's tree; the file entry's object, if any. */
    @SuppressWarnings("StringSplitter")
    Optional<Path> fileObject(Checksum commit, String path) throws IOException {
        CommitObject c = readCommit(commit);
        DirTree t = readDirTree(c.rootTree());
        // split("/") drops trailing empty segments (a trailing '/' names the directory itself); kept as is.
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            Optional<DirTree.DirEntry> d = t.dir(parts[i]);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            t = readDirTree(d.get().tree());
        }
        return t.file(parts[parts.length - 1]).map(f -> objectPath(f.checksum(), "file"));
    }

    /** Lists the subdirectory names of {@code path} in the commit's tree (empty if absent). */
    @SuppressWarnings("StringSplitter")
    List<String> listDirs(Checksum commit, String path) throws IOException {
        CommitObject c = readCommit(commit);
        DirTree t = readDirTree(c.rootTree());
        // split("/") drops trailing empty segments (a trailing '/' names the directory itself); kept as is.
        for (String part : path.split("/")) {
            Optional<DirTree.DirEntry> d = t.dir(part);
            if (d.isEmpty()) {
                return List.of();
            }
            t = readDirTree(d.get().tree());
        }
        List<String> out = new ArrayList<>();
        t.dirs().forEach(d -> out.add(d.name()));
        return out;
    }

    // ---------------------------------------------------------------------------------------------- pull-local

    /**
     * Like {@code ostree pull-local SOURCE REV}: copies the commit {@code rev} resolves to in an archive
     * {@link Repository}, with its whole tree, keeping every checksum (content objects become bare files with their
     * recorded mode, ownership and mtime 0). Tree objects are written before the commit, the commit before the ref, so
     * an interruption never leaves a ref to an incomplete commit. When {@code rev} is a local ref name, the same ref
     * is set here.
     *
     * @return the commit
     * @throws NoSuchFileException when {@code rev} does not resolve in {@code source}
     * @throws IOException when an object is corrupt or carries xattrs (not supported in this bare repository)
     */
    public Checksum pullLocal(Repository source, String rev) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rev, "rev");
        Checksum commit;
        try {
            commit = source.resolve(rev);
        } catch (IllegalArgumentException e) {
            throw new NoSuchFileException(source.path().toString(), null, e.getMessage());
        }
        requireWritable();
        if (!hasCommit(commit)) {
            byte[] commitBytes = source.readMetadataBytes(ObjectType.COMMIT, commit);
            CommitObject c = CommitObject.parse(commitBytes);
            pullTree(source, c.rootTree(), c.rootMeta());
            copyMetadata(commitBytes, commit, "commit");
        }
        if (!Checksum.isValid(rev) && rev.indexOf(':') < 0 && !rev.contains("^")) {
            setRef(rev, commit);
        }
        return commit;
    }

    private void pullTree(Repository source, Checksum tree, Checksum meta) throws IOException {
        copyMetadata(source.readMetadataBytes(ObjectType.DIR_META, meta), meta, "dirmeta");
        byte[] treeBytes = source.readMetadataBytes(ObjectType.DIR_TREE, tree);
        DirTree t = DirTree.parse(treeBytes);
        for (DirTree.FileEntry f : t.files()) {
            Path obj = objectPath(f.checksum(), "file");
            if (Files.exists(obj, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            ContentObject co = source.readFile(f.checksum());
            FileHeader h = co.header();
            if (!h.xattrs().isEmpty()) {
                throw new IOException(source.path() + ": object " + f.checksum() + " (" + f.name()
                        + ") has xattrs, which this bare system repository does not store");
            }
            Path tmp = tmpPath();
            if (h.isSymlink()) {
                Files.createSymbolicLink(tmp, Path.of(h.symlinkTarget()));
            } else {
                try (InputStream in = source.openContent(f.checksum())) {
                    Files.copy(in, tmp);
                }
                Fs.chmod(tmp, h.mode());
                Files.setLastModifiedTime(tmp, Fs.EPOCH);
            }
            Fs.chown(tmp, h.uid(), h.gid());
            Checksum actual;
            try (InputStream in = h.isSymlink() ? InputStream.nullInputStream() : Files.newInputStream(tmp)) {
                actual = h.checksum(in);
            }
            if (!actual.equals(f.checksum())) {
                Files.deleteIfExists(tmp);
                throw new IOException(source.path() + ": corrupted content object " + f.checksum() + " (" + f.name()
                        + " hashes to " + actual + ")");
            }
            Fs.fsync(tmp, policy());
            publish(tmp, obj);
        }
        for (DirTree.DirEntry d : t.dirs()) {
            pullTree(source, d.tree(), d.meta());
        }
        copyMetadata(treeBytes, tree, "dirtree");
    }

    private void copyMetadata(byte[] bytes, Checksum expected, String ext) throws IOException {
        if (!Checksum.sha256(bytes).equals(expected)) {
            throw new IOException("corrupted " + ext + " object " + expected);
        }
        writeMetadata(bytes, ext);
    }

    // ---------------------------------------------------------------------------------------------- commit

    /**
     * Commits the directory {@code tree} to {@code branch} like
     * {@code ostree commit --owner-uid=0 --owner-gid=0 --no-xattrs -b BRANCH --timestamp=T -s SUBJECT
     * [--add-metadata-string=version=V]}: parent = the branch's head, {@code ostree.ref-binding = [branch]}.
     *
     * @param version the {@code version} metadata string, or {@code null}
     * @return the new commit
     */
    public Checksum commit(Path tree, String branch, String subject, String version, Instant timestamp)
            throws IOException {
        requireWritable();
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timestamp, "timestamp");
        Checksum[] rootMeta = new Checksum[1];
        Checksum rootTree = writeTree(tree, rootMeta);
        Metadata md = Metadata.EMPTY;
        if (version != null) {
            md = md.with(CommitObject.VERSION, Variant.ofString(version));
        }
        md = md.with(CommitObject.REF_BINDING, Variant.ofStrings(List.of(branch)));
        Optional<Checksum> parent = resolve(branch);
        CommitObject c =
                new CommitObject(md, parent, List.of(), subject, "", timestamp.getEpochSecond(), rootTree, rootMeta[0]);
        Checksum id = writeMetadata(c.toBytes(), "commit");
        setRef(branch, id);
        return id;
    }

    private Checksum writeTree(Path dir, Checksum[] metaOut) throws IOException {
        List<DirTree.FileEntry> files = new ArrayList<>();
        List<DirTree.DirEntry> dirs = new ArrayList<>();
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            String name = Names.requireValidFilename(child.getFileName().toString());
            if (Files.isSymbolicLink(child)) {
                FileHeader h =
                        FileHeader.symlink(0, 0, Files.readSymbolicLink(child).toString(), List.of());
                Checksum c = h.checksum(InputStream.nullInputStream());
                Path obj = objectPath(c, "file");
                if (!Files.exists(obj, LinkOption.NOFOLLOW_LINKS)) {
                    Path tmp = tmpPath();
                    Files.createSymbolicLink(tmp, Files.readSymbolicLink(child));
                    Fs.chown(tmp, 0, 0);
                    publish(tmp, obj);
                }
                files.add(new DirTree.FileEntry(name, c));
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                Checksum[] meta = new Checksum[1];
                Checksum t = writeTree(child, meta);
                dirs.add(new DirTree.DirEntry(name, t, meta[0]));
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                int perms = Fs.mode(child) & 07777;
                FileHeader h = FileHeader.regular(0, 0, perms, List.of());
                Checksum c;
                try (InputStream in = Files.newInputStream(child)) {
                    c = h.checksum(in);
                }
                Path obj = objectPath(c, "file");
                if (!Files.exists(obj, LinkOption.NOFOLLOW_LINKS)) {
                    Path tmp = tmpPath();
                    Files.copy(child, tmp);
                    Fs.chown(tmp, 0, 0);
                    Fs.chmod(tmp, perms);
                    Files.setLastModifiedTime(tmp, Fs.EPOCH);
                    Fs.fsync(tmp, policy());
                    publish(tmp, obj);
                }
                files.add(new DirTree.FileEntry(name, c));
            } else {
                throw new IOException(child + ": only regular files, symlinks and directories can be committed");
            }
        }
        DirMeta meta = DirMeta.of(0, 0, Fs.mode(dir) & 07777, List.of());
        metaOut[0] = writeMetadata(meta.toBytes(), "dirmeta");
        return writeMetadata(new DirTree(files, dirs).toBytes(), "dirtree");
    }

    private Checksum writeMetadata(byte[] bytes, String ext) throws IOException {
        Checksum c = Checksum.sha256(bytes);
        Path obj = objectPath(c, ext);
        if (!Files.exists(obj)) {
            Files.createDirectories(obj.getParent());
            AtomicFile.write(obj, root.resolve("tmp"), bytes, policy(), Fs.perms(0644));
        }
        return c;
    }

    private Path tmpPath() throws IOException {
        Files.createDirectories(root.resolve("tmp"));
        return AtomicFile.tempName(root.resolve("tmp"), "obj-");
    }

    /** Renames a written (and synced) object into place; the object directory is synced by policy. */
    private void publish(Path tmp, Path obj) throws IOException {
        Files.createDirectories(obj.getParent());
        AtomicFile.rename(tmp, obj, policy());
    }
}
