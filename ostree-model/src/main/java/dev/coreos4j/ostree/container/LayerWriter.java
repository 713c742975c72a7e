package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Writes one layer tar in ostree-ext's format (its {@code tar/export.rs}, "chunked v1"): the layer is a
 * {@code bare-split-xattrs} repository under {@code sysroot/ostree/repo} plus the root filesystem as hardlinks into
 * it. Every entry has mtime 0, no user or group names, and only permission bits in its mode, so a layer is a pure
 * function of the commit.
 */
final class LayerWriter implements AutoCloseable {

    static final String REPO = "sysroot/ostree/repo";
    /** The config that marks a tar export (ostreedev/ostree#2499). */
    static final String REPO_CONFIG = "[core]\nrepo_version=1\nmode=bare-split-xattrs\n";

    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final Repository repo;
    private final TarArchiveOutputStream tar;
    private final Set<Checksum> wroteDirTree = new HashSet<>();
    private final Set<Checksum> wroteDirMeta = new HashSet<>();
    private final Set<Checksum> wroteContent = new HashSet<>();
    private final byte[] buf = new byte[131072];
    private boolean wroteVarTmp;

    LayerWriter(Repository repo, OutputStream out) {
        this.repo = repo;
        this.tar = new TarArchiveOutputStream(out, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    static String objectPath(ObjectType type, Checksum c) {
        String ext = type == ObjectType.FILE ? "file" : type.extension();
        return REPO + "/objects/" + c.hex().substring(0, 2) + "/" + c.hex().substring(2) + "." + ext;
    }

    private static TarArchiveEntry entry(String name, byte flag, long uid, long gid, int perms) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setModTime(EPOCH);
        e.setUserName("");
        e.setGroupName("");
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setMode(perms);
        e.setSize(0);
        return e;
    }

    private void put(TarArchiveEntry e) throws IOException {
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private void defaultDir(String path) throws IOException {
        put(entry(path, TarConstants.LF_DIR, 0, 0, 0755));
    }

    private void defaultData(String path, byte[] data) throws IOException {
        TarArchiveEntry e = entry(path, TarConstants.LF_NORMAL, 0, 0, 0644);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    /** {@code sysroot/ostree/repo} with its 256 object directories, standard subdirectories and config. */
    void writeRepoStructure() throws IOException {
        defaultDir("sysroot");
        defaultDir("sysroot/ostree");
        defaultDir(REPO);
        defaultDir(REPO + "/objects");
        for (int d = 0; d <= 0xff; d++) {
            defaultDir(String.format("%s/objects/%02x", REPO, d));
        }
        for (String d : new String[] {
            "extensions", "refs", "refs/heads", "refs/mirrors", "refs/remotes", "state", "tmp", "tmp/cache"
        }) {
            defaultDir(REPO + "/" + d);
        }
        defaultData(REPO + "/config", REPO_CONFIG.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The ostree layer's structure: the root directory, the repository, the commit (and its detached metadata), every
     * dirtree and dirmeta, every directory of the tree, and {@code var/tmp} unless the commit has it.
     */
    void writeCommitStructure(Checksum commit) throws IOException {
        CommitObject c = repo.readCommit(commit);
        DirMeta rootMeta = repo.readDirMeta(c.rootMeta());
        dir("./", rootMeta);
        writeRepoStructure();
        defaultData(objectPath(ObjectType.COMMIT, commit), repo.readMetadataBytes(ObjectType.COMMIT, commit));
        if (repo.has(ObjectType.COMMIT_META, commit)) {
            defaultData(
                    objectPath(ObjectType.COMMIT_META, commit), repo.readMetadataBytes(ObjectType.COMMIT_META, commit));
        }
        metadata(ObjectType.DIR_META, c.rootMeta(), wroteDirMeta);
        dirtree("", c.rootTree(), true);
        if (!wroteVarTmp) {
            put(entry("var/tmp", TarConstants.LF_DIR, 0, 0, 01777));
        }
    }

    private void metadata(ObjectType type, Checksum c, Set<Checksum> seen) throws IOException {
        if (seen.add(c)) {
            defaultData(objectPath(type, c), repo.readMetadataBytes(type, c));
        }
    }

    private void dir(String path, DirMeta meta) throws IOException {
        put(entry(
                path,
                TarConstants.LF_DIR,
                Integer.toUnsignedLong(meta.uid()),
                Integer.toUnsignedLong(meta.gid()),
                meta.permissions()));
    }

    private void dirtree(String dirpath, Checksum tree, boolean isRoot) throws IOException {
        metadata(ObjectType.DIR_TREE, tree, wroteDirTree);
        DirTree t = repo.readDirTree(tree);
        if (dirpath.equals("var/tmp")) {
            wroteVarTmp = true;
        }
        for (DirTree.DirEntry d : t.dirs()) {
            metadata(ObjectType.DIR_META, d.meta(), wroteDirMeta);
            if (isRoot && d.name().equals("sysroot")) {
                continue; // the tar's sysroot/ is the repository; a layer cannot hold it twice
            }
            String sub = mapEtc(dirpath.isEmpty() ? d.name() : dirpath + "/" + d.name());
            dir(sub, repo.readDirMeta(d.meta()));
            dirtree(sub, d.tree(), false);
        }
    }

    /** {@code usr/etc} is {@code etc} in a container image. */
    static String mapEtc(String p) {
        if (p.equals("usr/etc") || p.startsWith("usr/etc/")) {
            return p.substring(4);
        }
        return p;
    }

    /** Writes each object of a chunk once, then a hardlink to it at each of its paths. */
    void writeContent(Map<Checksum, Chunking.Paths> content) throws IOException {
        for (Map.Entry<Checksum, Chunking.Paths> e : content.entrySet()) {
            ContentObject obj = repo.readFile(e.getKey());
            String objPath = objectPath(ObjectType.FILE, e.getKey());
            if (wroteContent.add(e.getKey())) {
                writeObject(obj, objPath);
            }
            for (String p : e.getValue().paths()) {
                hardlink(obj, objPath, mapEtc(p.substring(1)));
            }
        }
    }

    private TarArchiveEntry objectEntry(ContentObject obj, String path) {
        FileHeader h = obj.header();
        TarArchiveEntry e = entry(
                path,
                h.isSymlink() ? TarConstants.LF_SYMLINK : TarConstants.LF_NORMAL,
                Integer.toUnsignedLong(h.uid()),
                Integer.toUnsignedLong(h.gid()),
                h.permissions());
        if (h.isSymlink()) {
            e.setLinkName(h.symlinkTarget());
        } else {
            e.setSize(obj.size());
        }
        return e;
    }

    private void writeObject(ContentObject obj, String objPath) throws IOException {
        FileHeader h = obj.header();
        // the xattrs go first, so that an importer has them when the object arrives
        defaultData(objPath + "-xattrs-link", Xattr.toBytes(h.xattrs()));
        TarArchiveEntry e = objectEntry(obj, objPath);
        for (Xattr x : h.xattrs()) {
            // runtimes read xattrs from PAX headers; security.selinux never survives there, and PAX values are text
            String value = utf8(x.value());
            if (!x.name().equals("security.selinux") && value != null) {
                e.addPaxHeader("SCHILY.xattr." + x.name(), value);
            }
        }
        tar.putArchiveEntry(e);
        if (h.isRegular()) {
            long left = obj.size();
            try (InputStream in = repo.openContent(obj.checksum())) {
                int n;
                while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    tar.write(buf, 0, n);
                    left -= n;
                }
            }
            if (left != 0) {
                throw new IOException(repo.path() + ": content object " + obj.checksum() + " is shorter than its "
                        + obj.size() + "-byte header says");
            }
        }
        tar.closeArchiveEntry();
    }

    private static @Nullable String utf8(byte[] v) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(v))
                    .toString();
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A path of the tree: a hardlink to its object, except that empty regular files are written as themselves. */
    private void hardlink(ContentObject obj, String objPath, String dest) throws IOException {
        TarArchiveEntry e = objectEntry(obj, dest);
        if (obj.header().isRegular() && obj.size() == 0) {
            put(e);
            return;
        }
        TarArchiveEntry link = entry(dest, TarConstants.LF_LINK, e.getLongUserId(), e.getLongGroupId(), e.getMode());
        link.setLinkName(objPath);
        put(link);
    }

    @Override
    public void close() throws IOException {
        tar.finish();
        tar.flush();
    }
}
