package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the trees of a {@link Repository}'s commits: path lookup ({@code ostree ls PATH}), recursive visits in
 * {@code strcmp} order ({@code ostree ls -R}), and the path splitting every tree operation shares. Each descent is
 * checked by {@link DirTree#requireDescent}, so a corrupt tree cannot loop. Stateless.
 */
final class TreeWalker {

    private TreeWalker() {}

    /** {@link Repository#lookup}. */
    static Optional<TreeEntry> lookup(Repository repo, Checksum commit, String path) throws IOException {
        CommitObject c = repo.readCommit(commit);
        TreeEntry current = new TreeEntry.Directory("/", c.rootTree(), c.rootMeta());
        for (String part : splitPath(path)) {
            if (!(current instanceof TreeEntry.Directory)) {
                return Optional.empty();
            }
            TreeEntry.Directory d = (TreeEntry.Directory) current;
            DirTree tree = repo.readDirTree(d.tree());
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
        for (String p : path.split("/", -1)) { // empty parts, trailing ones too, are skipped below
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

    static void walk(
            Repository repo,
            TreeEntry entry,
            boolean recursive,
            Repository.TreeVisitor visitor,
            java.util.Deque<Checksum> ancestors)
            throws IOException {
        visitor.visit(entry);
        if (entry instanceof TreeEntry.Directory d) {

            DirTree.requireDescent(ancestors, d.tree(), d.path());
            DirTree tree = repo.readDirTree(d.tree());
            String prefix = d.path().equals("/") ? "/" : d.path() + "/";
            for (DirTree.FileEntry f : tree.files()) {
                visitor.visit(new TreeEntry.File(prefix + f.name(), f.checksum()));
            }
            for (DirTree.DirEntry sub : tree.dirs()) {
                TreeEntry.Directory child = new TreeEntry.Directory(prefix + sub.name(), sub.tree(), sub.meta());
                if (recursive) {
                    ancestors.push(d.tree());
                    walk(repo, child, true, visitor, ancestors);
                    ancestors.pop();
                } else {
                    visitor.visit(child);
                }
            }
        }
    }
}
