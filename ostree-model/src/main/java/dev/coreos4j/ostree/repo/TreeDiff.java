package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirTree;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The difference between two commits as {@code ostree diff} reports it: modified paths (files whose content object
 * differs, directories whose metadata differs), removed paths (a removed directory is listed once, not its
 * contents) and added paths (an added directory is listed with everything below it). Each list is in traversal
 * order: files before subdirectories, both in {@code strcmp} order. A path that changes between file and directory
 * is modified (not listed below), as {@code ostree diff} reports it. Immutable.
 *
 * @param modified modified paths
 * @param removed removed paths
 * @param added added paths
 */
public record TreeDiff(List<String> modified, List<String> removed, List<String> added) {

    public TreeDiff {
        modified = List.copyOf(modified);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /** Whether the trees are identical. */
    public boolean isEmpty() {
        return modified.isEmpty() && removed.isEmpty() && added.isEmpty();
    }

    /** The lines {@code ostree diff} prints: {@code M    /a}, then {@code D    …}, then {@code A    …}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        modified.forEach(p -> out.add("M    " + p));
        removed.forEach(p -> out.add("D    " + p));
        added.forEach(p -> out.add("A    " + p));
        return out;
    }

    static TreeDiff compute(Repository repo, Checksum from, Checksum to) throws IOException {
        CommitObject a = repo.readCommit(from);
        CommitObject b = repo.readCommit(to);
        List<String> modified = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        if (!a.rootMeta().equals(b.rootMeta())) {
            modified.add("/");
        }
        try {
            diffDirs(
                    repo,
                    "",
                    a.rootTree(),
                    b.rootTree(),
                    modified,
                    removed,
                    added,
                    new ArrayDeque<>(),
                    new ArrayDeque<>());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new TreeDiff(modified, removed, added);
    }

    private static void diffDirs(
            Repository repo,
            String prefix,
            Checksum treeA,
            Checksum treeB,
            List<String> modified,
            List<String> removed,
            List<String> added,
            Deque<Checksum> ancA,
            Deque<Checksum> ancB)
            throws IOException {
        if (treeA.equals(treeB)) {
            return;
        }
        DirTree.requireDescent(ancA, treeA, prefix.isEmpty() ? "/" : prefix);
        DirTree.requireDescent(ancB, treeB, prefix.isEmpty() ? "/" : prefix);
        ancA.push(treeA);
        ancB.push(treeB);
        DirTree a = repo.readDirTree(treeA);
        DirTree b = repo.readDirTree(treeB);
        for (DirTree.FileEntry f : a.files()) {
            String p = prefix + "/" + f.name();
            Optional<DirTree.FileEntry> other = b.file(f.name());
            if (other.isPresent()) {
                if (!other.get().checksum().equals(f.checksum())) {
                    modified.add(p);
                }
            } else if (b.dir(f.name()).isPresent()) {
                modified.add(p); // a file that became a directory, as ostree reports it
            } else {
                removed.add(p);
            }
        }
        for (DirTree.DirEntry d : a.dirs()) {
            String p = prefix + "/" + d.name();
            Optional<DirTree.DirEntry> other = b.dir(d.name());
            if (other.isPresent()) {
                if (!other.get().meta().equals(d.meta())) {
                    modified.add(p);
                }
                diffDirs(repo, p, d.tree(), other.get().tree(), modified, removed, added, ancA, ancB);
            } else if (b.file(d.name()).isPresent()) {
                modified.add(p); // a directory that became a file
            } else {
                removed.add(p);
            }
        }
        for (DirTree.FileEntry f : b.files()) {
            if (a.file(f.name()).isEmpty() && a.dir(f.name()).isEmpty()) {
                added.add(prefix + "/" + f.name());
            }
        }
        for (DirTree.DirEntry d : b.dirs()) {
            if (a.dir(d.name()).isEmpty() && a.file(d.name()).isEmpty()) {
                addRecursive(repo, prefix + "/" + d.name(), d, added, ancB);
            }
        }
        ancA.pop();
        ancB.pop();
    }

    private static void addRecursive(
            Repository repo, String path, DirTree.DirEntry dir, List<String> added, Deque<Checksum> ancestors) {
        added.add(path);
        DirTree tree;
        try {
            DirTree.requireDescent(ancestors, dir.tree(), path);
            tree = repo.readDirTree(dir.tree());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ancestors.push(dir.tree());
        for (DirTree.FileEntry f : tree.files()) {
            added.add(path + "/" + f.name());
        }
        for (DirTree.DirEntry d : tree.dirs()) {
            addRecursive(repo, path + "/" + d.name(), d, added, ancestors);
        }
        ancestors.pop();
    }
}
