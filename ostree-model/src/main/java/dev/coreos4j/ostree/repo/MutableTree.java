package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Names;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory directory tree to commit without a directory on disk ({@link Repository#commit(MutableTree,
 * CommitOptions)}). Paths are relative, {@code /}-separated; missing parent directories are created with the
 * default metadata (root-owned, 0755). Content is held in memory, so this suits small trees (configs, test fixtures)
 * and trees assembled from existing objects ({@link #putObject}). Not thread-safe.
 */
public final class MutableTree {

    /** The metadata new directories get: uid 0, gid 0, 0755, no xattrs. */
    public static final DirMeta DEFAULT_DIR_META = DirMeta.of(0, 0, 0755, List.of());

    /** A file leaf: a header with content, or an existing content object. */
    // package-private, built only here; content is never handed out to users
    @SuppressWarnings("ArrayRecordComponent")
    record FileNode(@Nullable FileHeader header, byte @Nullable [] content, Optional<Checksum> existing) {}

    private DirMeta meta = DEFAULT_DIR_META;
    private final Map<String, Object> children = new TreeMap<>(Names.UTF8_ORDER);

    /** An empty root directory with {@link #DEFAULT_DIR_META}. */
    public MutableTree() {}

    /**
     * The tree of an existing commit, to modify and commit again: directories are loaded (metadata objects only),
     * files refer to their existing content objects, so nothing is copied.
     *
     * @throws CorruptObjectException when a dirtree or dirmeta of the commit is missing or malformed
     */
    public static MutableTree fromCommit(Repository repo, Checksum commit) throws java.io.IOException {
        CommitObject c = repo.readCommit(commit);
        return fromTree(repo, c.rootTree(), c.rootMeta());
    }

    private static MutableTree fromTree(Repository repo, Checksum tree, Checksum meta) throws java.io.IOException {
        MutableTree t = new MutableTree().meta(repo.readDirMeta(meta));
        DirTree d = repo.readDirTree(tree);
        for (DirTree.FileEntry f : d.files()) {
            t.children.put(f.name(), new FileNode(null, null, Optional.of(f.checksum())));
        }
        for (DirTree.DirEntry sub : d.dirs()) {
            t.children.put(sub.name(), fromTree(repo, sub.tree(), sub.meta()));
        }
        return t;
    }

    /** This directory's metadata. */
    public DirMeta meta() {
        return meta;
    }

    /** Sets this directory's metadata. */
    public MutableTree meta(DirMeta meta) {
        this.meta = Objects.requireNonNull(meta, "meta");
        return this;
    }

    Map<String, Object> children() {
        return Collections.unmodifiableMap(children);
    }

    /** The subdirectory at {@code path}, created (with parents) when missing. */
    public MutableTree directory(String path) {
        MutableTree current = this;
        for (String part : TreeWalker.splitPath(path)) {
            Object child = current.children.get(part);
            if (child == null) {
                MutableTree sub = new MutableTree();
                current.children.put(part, sub);
                current = sub;
            } else if (child instanceof MutableTree mutableTree) {
                current = mutableTree;
            } else {
                throw new IllegalArgumentException("'" + path + "': '" + part + "' is a file, not a directory");
            }
        }
        return current;
    }

    /** Puts a file (regular or symlink) at {@code path}, replacing a file there. */
    public MutableTree putFile(String path, FileHeader header, byte[] content) {
        Objects.requireNonNull(header, "header");
        if (header.isSymlink() && content.length != 0) {
            throw new IllegalArgumentException("a symlink has no content");
        }
        put(path, new FileNode(header, content.clone(), Optional.empty()));
        return this;
    }

    /** Puts a root-owned regular file with permissions {@code perms}. */
    public MutableTree putFile(String path, int perms, byte[] content) {
        return putFile(path, FileHeader.regular(0, 0, perms, List.of()), content);
    }

    /** Puts a root-owned symlink. */
    public MutableTree putSymlink(String path, String target) {
        return putFile(path, FileHeader.symlink(0, 0, target, List.of()), new byte[0]);
    }

    /** Puts an existing content object (it must be in the repository the tree is committed to). */
    public MutableTree putObject(String path, Checksum contentObject) {
        put(path, new FileNode(null, null, Optional.of(contentObject)));
        return this;
    }

    /** Removes the file or directory at {@code path}; returns whether something was there. */
    public boolean remove(String path) {
        List<String> parts = TreeWalker.splitPath(path);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the root");
        }
        MutableTree parent = this;
        for (String part : parts.subList(0, parts.size() - 1)) {
            Object child = parent.children.get(part);
            if (!(child instanceof MutableTree mutableTree)) {
                return false;
            }
            parent = mutableTree;
        }
        return parent.children.remove(parts.get(parts.size() - 1)) != null;
    }

    private void put(String path, FileNode node) {
        List<String> parts = TreeWalker.splitPath(path);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a file needs a name: '" + path + "'");
        }
        MutableTree parent = directory(String.join("/", parts.subList(0, parts.size() - 1)));
        String name = parts.get(parts.size() - 1);
        if (parent.children.get(name) instanceof MutableTree) {
            throw new IllegalArgumentException("'" + path + "' is a directory");
        }
        parent.children.put(name, node);
    }
}
