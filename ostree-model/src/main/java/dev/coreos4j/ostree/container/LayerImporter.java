package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Reads ostree-ext layer tars into a transaction (bootc's {@code tar/import.rs}): only entries under
 * {@code sysroot/ostree/repo/objects/} carry data; every object is re-hashed and must match its name; the
 * {@code .file-xattrs-link} before each content object gives its xattrs. Every entry is checked first — absolute
 * paths, {@code ..}, entries below a symlink, hardlinks to anything but an object of the image, and device nodes
 * are refused as {@link ImageException.Kind#HOSTILE_ENTRY}. State is kept across the layers of one image.
 */
final class LayerImporter {

    static final String OBJECTS = LayerWriter.REPO + "/objects/";
    /** ostree-ext's limits ({@code MAX_METADATA_SIZE}, {@code MAX_XATTR_SIZE}). */
    static final long MAX_METADATA = 10L << 20;

    static final long MAX_XATTRS = 1L << 20;

    private final Repository repo;
    private final Transaction tx;
    private final Checksum expectedCommit;
    private final String image;

    /** Every dirtree this import wrote (or found in the repository), parsed, for the completeness check. */
    final Map<Checksum, DirTree> dirtrees = new HashMap<>();

    final Set<Checksum> dirmetas = new HashSet<>();
    final Set<Checksum> files = new HashSet<>();
    final Map<Checksum, List<Xattr>> xattrObjects = new HashMap<>();
    private final Set<String> symlinks = new HashSet<>();

    @Nullable
    CommitObject commit;

    private @Nullable Checksum pendingFile;
    private @Nullable List<Xattr> pendingXattrs;
    private String where;
    /** The content objects of the current layer, for its record. */
    Set<Checksum> layerFiles = new HashSet<>();

    /** Content objects up to this size are hashed and compressed on the pool while the tar is read on. */
    static final long PARALLEL_MAX = 8L << 20;
    /** Bytes of content held in memory for the pool at most, whatever the image size. */
    static final long IN_FLIGHT_MAX = 64L << 20;

    private record PendingWrite(
            Checksum expected, long size, java.util.concurrent.Future<Checksum> result, String where) {}

    private final java.util.concurrent.@Nullable ExecutorService pool;
    private final java.util.ArrayDeque<PendingWrite> inFlight = new java.util.ArrayDeque<>();
    private long inFlightBytes;

    LayerImporter(
            Repository repo,
            Transaction tx,
            Checksum expectedCommit,
            String image,
            java.util.concurrent.@Nullable ExecutorService pool) {
        this.repo = repo;
        this.tx = tx;
        this.expectedCommit = expectedCommit;
        this.image = image;
        this.where = image;
        this.pool = pool;
    }

    private void completeOne() throws IOException {
        PendingWrite w = inFlight.poll();
        inFlightBytes -= w.size();
        Checksum actual;
        try {
            actual = w.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing objects");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(w.where() + ": " + e.getCause(), e.getCause());
        }
        if (!actual.equals(w.expected())) {
            throw new ImageException(
                    ImageException.Kind.CORRUPT_OBJECT, w.where(), "content object hashes to " + actual);
        }
    }

    /** Waits for every object handed to the pool and verifies it. */
    void finishWrites() throws IOException {
        while (!inFlight.isEmpty()) {
            completeOne();
        }
    }

    /** After a failure: waits for the pool's writes to stop (their results no longer matter). */
    void abandonWrites() {
        for (PendingWrite w : inFlight) {
            try {
                w.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // the import failed already
            }
        }
        inFlight.clear();
        inFlightBytes = 0;
    }

    Repository repository() {
        return repo;
    }

    private ImageException hostile(String why) {
        return new ImageException(ImageException.Kind.HOSTILE_ENTRY, where, why);
    }

    private ImageException corrupt(String why) {
        return new ImageException(ImageException.Kind.CORRUPT_OBJECT, where, why);
    }

    private ImageException malformed(String why) {
        return new ImageException(ImageException.Kind.MALFORMED, where, why);
    }

    /**
     * The normalized form of an entry name: relative, without {@code ./} prefix or trailing slash; {@code ""} for the
     * root.
     *
     * @throws ImageException ({@link ImageException.Kind#HOSTILE_ENTRY}) for an absolute path, {@code ..}, {@code .}
     *     or empty components, or a NUL
     */
    String normalize(String name, String what) throws ImageException {
        if (name.indexOf('\0') >= 0) {
            throw hostile(what + " contains NUL");
        }
        if (name.startsWith("/")) {
            throw hostile(what + " '" + name + "' is absolute");
        }
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.equals(".")) {
            n = "";
        }
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty()) {
            return n;
        }
        for (String part : n.split("/", -1)) {
            if (part.equals("..")) {
                throw hostile(what + " '" + name + "' contains '..'");
            }
            if (part.isEmpty() || part.equals(".")) {
                throw hostile(what + " '" + name + "' has an empty or '.' component");
            }
        }
        return n;
    }

    private void checkParents(String path) throws ImageException {
        if (symlinks.isEmpty()) {
            return;
        }
        int i = path.indexOf('/');
        while (i > 0) {
            if (symlinks.contains(path.substring(0, i))) {
                throw hostile("'" + path + "' lies below the symlink '" + path.substring(0, i) + "'");
            }
            i = path.indexOf('/', i + 1);
        }
    }

    /** Imports one layer's tar stream (already decompressed). */
    void importTar(InputStream plain, String layer) throws IOException {
        layerFiles = new HashSet<>();
        where = image + " " + layer;
        TarArchiveInputStream tar = new TarArchiveInputStream(plain, "UTF-8");
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            where = image + " " + layer + " " + e.getName();
            String path = normalize(e.getName(), "entry");
            checkParents(path);
            byte flag = e.getLinkFlag();
            boolean regular =
                    flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
            if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                throw hostile("device node or FIFO");
            }
            if (e.isSparse()) {
                throw new ImageException(ImageException.Kind.UNSUPPORTED, where, "sparse tar entries");
            }
            if (e.isDirectory()) {
                continue;
            }
            if (e.isSymbolicLink()) {
                symlinks.add(path);
            } else if (e.isLink()) {
                String target = normalize(e.getLinkName(), "hardlink target");
                checkParents(target);
                if (!isKnownObject(target)) {
                    throw hostile("hardlink to '" + e.getLinkName() + "', which is no object of this image");
                }
            } else if (!regular) {
                throw new ImageException(
                        ImageException.Kind.UNSUPPORTED, where, "tar entry type '" + (char) flag + "'");
            }
            if (path.startsWith(OBJECTS)) {
                object(e, path.substring(OBJECTS.length()), tar);
            }
        }
        if (pendingFile != null) {
            throw malformed("xattrs for " + pendingFile + " but no content object follows");
        }
        finishWrites();
    }

    private boolean isKnownObject(String target) throws IOException {
        if (!target.startsWith(OBJECTS)) {
            return false;
        }
        String rest = target.substring(OBJECTS.length());
        if (rest.length() != 2 + 1 + 62 + ".file".length() || rest.charAt(2) != '/' || !rest.endsWith(".file")) {
            return false;
        }
        String hex = rest.substring(0, 2) + rest.substring(3, 65);
        if (!Checksum.isValid(hex)) {
            return false;
        }
        Checksum c = Checksum.of(hex);
        return files.contains(c) || repo.has(ObjectType.FILE, c);
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        byte[] b = in.readNBytes((int) size);
        if (b.length != size) {
            throw new IOException("truncated tar entry");
        }
        return b;
    }

    private void object(TarArchiveEntry e, String rest, InputStream in) throws IOException {
        int slash = rest.indexOf('/');
        if (slash != 2 || rest.indexOf('/', 3) >= 0) {
            throw malformed("not an object path (objects/XX/REST.TYPE)");
        }
        int dot = rest.indexOf('.');
        if (dot != 3 + 62) {
            throw malformed("invalid object name");
        }
        String hex = rest.substring(0, 2) + rest.substring(3, dot);
        if (!Checksum.isValid(hex)) {
            throw malformed("invalid checksum in object name");
        }
        Checksum c = Checksum.of(hex);
        String ext = rest.substring(dot + 1);
        boolean regular = !e.isSymbolicLink() && !e.isLink();
        switch (ext) {
            case "commit", "commitmeta", "dirtree", "dirmeta" -> {
                if (!regular) {
                    throw malformed("metadata object is not a regular file");
                }
                if (e.getSize() > MAX_METADATA) {
                    throw malformed("metadata object of " + e.getSize() + " bytes exceeds " + MAX_METADATA);
                }
                metadata(ext, c, readAll(in, e.getSize()));
            }
            case "file-xattrs" -> {
                if (!regular || e.getSize() > MAX_XATTRS) {
                    throw malformed("invalid xattrs object");
                }
                byte[] x = readAll(in, e.getSize());
                if (!Checksum.sha256(x).equals(c)) {
                    throw corrupt("xattrs object hashes to " + Checksum.sha256(x));
                }
                xattrObjects.put(c, parseXattrs(x));
            }
            case "file-xattrs-link" -> {
                if (pendingFile != null) {
                    throw malformed("dangling xattrs for " + pendingFile);
                }
                if (e.isLink()) {
                    throw malformed("xattrs hardlinks must point at .file-xattrs objects");
                }
                if (!regular || e.getSize() > MAX_XATTRS) {
                    throw malformed("invalid xattrs link");
                }
                pendingXattrs = parseXattrs(readAll(in, e.getSize()));
                pendingFile = c;
            }
            case "file" -> content(e, c, in);
            default -> throw malformed("unknown object type '" + ext + "'");
        }
    }

    private List<Xattr> parseXattrs(byte[] b) throws ImageException {
        try {
            return Xattr.parse(b);
        } catch (ObjectFormatException | IllegalArgumentException ex) {
            throw corrupt(String.valueOf(ex.getMessage()));
        }
    }

    private void metadata(String ext, Checksum c, byte[] bytes) throws IOException {
        if (ext.equals("commitmeta")) {
            if (commit == null || !c.equals(expectedCommit)) {
                throw malformed("detached metadata of another commit");
            }
            try {
                tx.writeDetachedMetadata(c, Metadata.parse(bytes));
            } catch (ObjectFormatException ex) {
                throw corrupt(String.valueOf(ex.getMessage()));
            }
            return;
        }
        Checksum actual = Checksum.sha256(bytes);
        if (!actual.equals(c)) {
            throw ext.equals("commit")
                    ? new ImageException(
                            ImageException.Kind.COMMIT_MISMATCH, where, "commit object hashes to " + actual)
                    : corrupt(ext + " hashes to " + actual);
        }
        try {
            switch (ext) {
                case "commit" -> {
                    if (commit != null) {
                        throw malformed("a second commit object");
                    }
                    if (!c.equals(expectedCommit)) {
                        throw new ImageException(
                                ImageException.Kind.COMMIT_MISMATCH,
                                where,
                                "the image's commit is " + c + " but its ostree.commit label says " + expectedCommit);
                    }
                    CommitObject parsed = CommitObject.parse(bytes);
                    requireNormal(parsed.toBytes(), bytes);
                    tx.writeCommit(parsed);
                    commit = parsed;
                }
                case "dirtree" -> {
                    DirTree t = DirTree.parse(bytes);
                    requireNormal(t.toBytes(), bytes);
                    tx.writeDirTree(t);
                    dirtrees.put(c, t);
                }
                default -> {
                    DirMeta m = DirMeta.parse(bytes);
                    requireNormal(m.toBytes(), bytes);
                    tx.writeDirMeta(m);
                    dirmetas.add(c);
                }
            }
        } catch (ObjectFormatException | IllegalArgumentException ex) {
            throw corrupt(String.valueOf(ex.getMessage()));
        }
    }

    private void requireNormal(byte[] ours, byte[] theirs) throws ImageException {
        if (!Arrays.equals(ours, theirs)) {
            throw corrupt("object is not in normal form");
        }
    }

    private void content(TarArchiveEntry e, Checksum c, InputStream in) throws IOException {
        if (pendingFile == null || !pendingFile.equals(c)) {
            throw malformed(
                    pendingFile == null
                            ? "content object without its .file-xattrs-link"
                            : "content object follows the xattrs of " + pendingFile);
        }
        List<Xattr> xattrs = Objects.requireNonNull(pendingXattrs, "set together with pendingFile");
        pendingFile = null;
        pendingXattrs = null;
        layerFiles.add(c);
        if (files.contains(c) || repo.has(ObjectType.FILE, c)) {
            files.add(c);
            return;
        }
        long uid = e.getLongUserId();
        long gid = e.getLongGroupId();
        if (uid < 0 || uid > 0xffffffffL || gid < 0 || gid > 0xffffffffL) {
            throw corrupt("uid/gid out of range");
        }
        int mode = e.getMode();
        if ((mode & ~(07777 | FileHeader.S_IFMT)) != 0) {
            throw corrupt("invalid mode " + Integer.toOctalString(mode));
        }
        FileHeader h;
        long size;
        try {
            if (e.isSymbolicLink()) {
                h = FileHeader.symlink((int) uid, (int) gid, e.getLinkName(), xattrs);
                size = 0;
            } else if (e.isLink()) {
                throw malformed("content object is a hardlink");
            } else {
                h = FileHeader.regular((int) uid, (int) gid, mode & 07777, xattrs);
                size = e.getSize();
            }
        } catch (IllegalArgumentException ex) {
            throw corrupt(String.valueOf(ex.getMessage()));
        }
        if (pool != null && size <= PARALLEL_MAX) {
            byte[] data = readAll(in, size);
            while (!inFlight.isEmpty() && inFlightBytes + size > IN_FLIGHT_MAX) {
                completeOne();
            }
            FileHeader header = h;
            inFlight.add(new PendingWrite(c, size, pool.submit(() -> tx.writeFile(header, data)), where));
            inFlightBytes += size;
            files.add(c);
            return;
        }
        Checksum actual = tx.writeFile(h, size, size == 0 ? InputStream.nullInputStream() : in);
        if (!actual.equals(c)) {
            throw corrupt("content object hashes to " + actual);
        }
        files.add(c);
    }

    /** Checks that every object the commit reaches was imported or is in the repository. */
    void requireComplete() throws IOException {
        where = image;
        if (commit == null) {
            throw new ImageException(ImageException.Kind.INCOMPLETE, image, "no commit object in the layers");
        }
        requireTree(commit.rootTree(), commit.rootMeta(), "/");
    }

    private void requireTree(Checksum tree, Checksum meta, String path) throws IOException {
        if (!dirmetas.contains(meta) && !repo.has(ObjectType.DIR_META, meta)) {
            throw new ImageException(
                    ImageException.Kind.INCOMPLETE, image, "dirmeta " + meta + " of " + path + " is missing");
        }
        DirTree t = dirtrees.get(tree);
        if (t == null) {
            if (!repo.has(ObjectType.DIR_TREE, tree)) {
                throw new ImageException(
                        ImageException.Kind.INCOMPLETE, image, "dirtree " + tree + " of " + path + " is missing");
            }
            t = repo.readDirTree(tree);
        }
        String prefix = path.equals("/") ? "/" : path + "/";
        for (DirTree.FileEntry f : t.files()) {
            if (!files.contains(f.checksum()) && !repo.has(ObjectType.FILE, f.checksum())) {
                throw new ImageException(
                        ImageException.Kind.INCOMPLETE,
                        image,
                        "content object " + f.checksum() + " of " + prefix + f.name() + " is missing");
            }
        }
        for (DirTree.DirEntry d : t.dirs()) {
            requireTree(d.tree(), d.meta(), prefix + d.name());
        }
    }
}
