package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Names;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.ostree.internal.DirHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a commit's tree to disk, through directory handles ({@link DirHandle}): every directory is created and then
 * opened relative to its parent's handle without following symlinks, every file is created {@code O_EXCL|O_NOFOLLOW}
 * relative to its directory's handle, and every name comes from a validated dirtree. A directory swapped for a symlink
 * by another process while the checkout runs can therefore not redirect a single write outside the target.
 *
 * <p>A whole-tree checkout is written into a temporary sibling of the target ({@code .NAME.tmp-XXXX}) and renamed
 * into place at the end; a failure removes the sibling, so the target never exists half-written and a rerun works.
 * Directory modes are applied after their contents, and directory mtimes are set to the epoch, as
 * {@code ostree checkout} does.
 */
final class Checkout {

    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final Repository repo;
    private final CheckoutOptions options;

    Checkout(Repository repo, CheckoutOptions options) {
        this.repo = repo;
        this.options = options;
    }

    void run(Checksum commit, Path target) throws IOException {
        if (options.hardlinks()) {
            // an archive repository holds compressed objects: nothing to hardlink (ostree's own refusal text)
            throw new IOException("Bare repository mode cannot hardlink in user checkout mode");
        }
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new FileAlreadyExistsException(abs.toString(), null, "checkout target already exists");
        }
        if (!Files.isDirectory(parent)) {
            throw new NoSuchFileException(parent.toString(), null, "parent of the checkout target is not a directory");
        }
        TreeEntry entry = repo.lookup(commit, options.subpath())
                .orElseThrow(
                        () -> new NoSuchFileException(options.subpath(), null, "no such path in commit " + commit));
        String name = abs.getFileName().toString();
        try (DirHandle dir = DirHandle.open(parent)) {
            if (entry instanceof TreeEntry.File file) {
                checkoutFile(file, dir, name);
                return;
            }
            if (dir.exists(name)) {
                throw new FileAlreadyExistsException(abs.toString(), null, "checkout target already exists");
            }
            TreeEntry.Directory d = (TreeEntry.Directory) entry;
            String tmp = tempName(name);
            try {
                writeDirectory(d.tree(), d.meta(), dir, tmp, d.path(), new ArrayDeque<>());
                if (dir.exists(name)) {
                    throw new FileAlreadyExistsException(abs.toString(), null, "checkout target appeared meanwhile");
                }
                dir.rename(tmp, dir, name);
            } catch (IOException | RuntimeException e) {
                removeQuietly(dir, tmp, e);
                throw e;
            }
        }
    }

    /**
     * A single file ({@code --subpath=/path/to/file}) goes to {@code TARGET/FILE} as ostree does: into {@code TARGET}
     * when it is an existing directory (such as {@code .}), else into a new directory {@code TARGET}.
     */
    private void checkoutFile(TreeEntry.File file, DirHandle parent, String name) throws IOException {
        String fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
        if (parent.exists(name)) {
            try (DirHandle dir = parent.openDir(name)) {
                try {
                    writeFile(file.checksum(), dir, fileName);
                } catch (FileAlreadyExistsException e) {
                    throw new FileAlreadyExistsException(dir.shown(fileName).toString(), null, "File exists");
                } catch (IOException | RuntimeException e) {
                    removeQuietly(dir, fileName, e);
                    throw e;
                }
            }
            return;
        }
        String tmp = tempName(name);
        try {
            try (DirHandle dir = parent.createDir(tmp)) {
                writeFile(file.checksum(), dir, fileName);
            }
            parent.chmod(tmp, 0700);
            parent.rename(tmp, parent, name);
        } catch (IOException | RuntimeException e) {
            removeQuietly(parent, tmp, e);
            throw e;
        }
    }

    private static String tempName(String name) {
        return "." + (name.length() > 200 ? name.substring(0, 200) : name) + ".tmp-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24, 1 << 28));
    }

    private static void removeQuietly(DirHandle dir, String name, Exception cause) {
        try {
            dir.deleteChild(name);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void writeDirectory(
            Checksum treeChecksum,
            Checksum metaChecksum,
            DirHandle parent,
            String name,
            String path,
            Deque<Checksum> ancestors)
            throws IOException {
        DirTree.requireDescent(ancestors, treeChecksum, path);
        DirMeta meta = repo.readDirMeta(metaChecksum);
        DirTree tree = repo.readDirTree(treeChecksum);
        ancestors.push(treeChecksum);
        String prefix = path.equals("/") ? "/" : path + "/";
        try (DirHandle dir = parent.createDir(name)) {
            for (DirTree.FileEntry f : tree.files()) {
                Names.requireValidFilename(f.name());
                writeFile(f.checksum(), dir, f.name());
            }
            for (DirTree.DirEntry d : tree.dirs()) {
                Names.requireValidFilename(d.name());
                writeDirectory(d.tree(), d.meta(), dir, d.name(), prefix + d.name(), ancestors);
            }
        }
        ancestors.pop();
        if (!options.userMode()) {
            parent.chown(name, meta.uid(), meta.gid());
            setXattrs(parent, name, meta.xattrs());
        }
        parent.chmod(name, options.userMode() ? meta.permissions() & ~06000 : meta.permissions());
        parent.setMtime(name, EPOCH);
    }

    private void writeFile(Checksum checksum, DirHandle dir, String name) throws IOException {
        ContentObject obj = repo.readFile(checksum);
        FileHeader h = obj.header();
        if (h.isSymlink()) {
            dir.createSymlink(name, h.symlinkTarget());
            if (!options.userMode()) {
                dir.chown(name, h.uid(), h.gid());
            }
            return;
        }
        long written = 0;
        try (InputStream in = repo.openContent(checksum);
                FileChannel out = dir.createFile(name)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                written += n;
            }
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        }
        if (written != obj.size()) {
            throw new CorruptObjectException(
                    checksum, ObjectType.FILE, "header declares " + obj.size() + " bytes, content has " + written);
        }
        if (!options.userMode()) {
            dir.chown(name, h.uid(), h.gid());
            setXattrs(dir, name, h.xattrs());
        }
        dir.chmod(name, options.userMode() ? h.permissions() & ~06000 : h.permissions());
    }

    /**
     * Restores the {@code user.*} xattrs (the only namespace the JDK can write); as {@code ostree checkout}, only
     * outside user mode.
     */
    private static void setXattrs(DirHandle dir, String name, List<Xattr> xattrs) throws IOException {
        if (xattrs.isEmpty()) {
            return;
        }
        UserDefinedFileAttributeView view = null;
        for (Xattr x : xattrs) {
            if (!x.name().startsWith("user.")) {
                continue;
            }
            if (view == null) {
                view = Files.getFileAttributeView(
                        dir.child(name), UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (view == null) {
                    throw new IOException(dir.shown(name) + ": this file system cannot store user xattrs");
                }
            }
            view.write(x.name().substring("user.".length()), ByteBuffer.wrap(x.value()));
        }
    }
}
