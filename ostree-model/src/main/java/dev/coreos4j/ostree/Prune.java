package dev.coreos4j.ostree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reachability-based garbage collection under the exclusive repository lock, as {@code ostree prune}. */
final class Prune {

    private final Repository repo;
    private final PruneOptions options;
    private final Set<String> reachable = new HashSet<>();

    Prune(Repository repo, PruneOptions options) {
        this.repo = repo;
        this.options = options;
    }

    PruneResult run() throws IOException {
        try (RepoLock.Held held = repo.repoLock().exclusive(repo.config().lockTimeoutSeconds())) {
            List<Checksum> roots = new ArrayList<>(options.extraRoots());
            roots.addAll(repo.refs().values());
            if (!options.refsOnly()) {
                roots.addAll(repo.listObjects(ObjectType.COMMIT));
            }
            for (Checksum root : roots) {
                markCommit(root, options.depth());
            }
            int total = 0;
            int pruned = 0;
            long freed = 0;
            for (ObjectType t : List.of(ObjectType.COMMIT, ObjectType.COMMIT_META, ObjectType.DIR_TREE,
                    ObjectType.DIR_META, ObjectType.FILE)) {
                for (Checksum c : repo.listObjects(t)) {
                    total++;
                    String key = key(t == ObjectType.COMMIT_META ? ObjectType.COMMIT : t, c);
                    if (reachable.contains(key)) {
                        continue;
                    }
                    Path p = repo.objectPath(t, c);
                    long size = Files.size(p);
                    if (!options.dryRun()) {
                        Files.deleteIfExists(p);
                        if (t == ObjectType.COMMIT) {
                            Files.deleteIfExists(repo.path().resolve("state").resolve(c.hex() + ".commitpartial"));
                        }
                    }
                    pruned++;
                    freed += size;
                }
            }
            return new PruneResult(total, pruned, freed);
        }
    }

    private static String key(ObjectType t, Checksum c) {
        return t.extension() + c.hex();
    }

    private void markCommit(Checksum commit, int depth) throws IOException {
        Checksum current = commit;
        int remaining = depth;
        while (current != null) {
            if (!repo.has(ObjectType.COMMIT, current) || !reachable.add(key(ObjectType.COMMIT, current))) {
                return;
            }
            CommitObject c = repo.readCommit(current);
            reachable.add(key(ObjectType.DIR_META, c.rootMeta()));
            markTree(c.rootTree());
            if (remaining == 0) {
                return;
            }
            if (remaining > 0) {
                remaining--;
            }
            current = c.parent().orElse(null);
        }
    }

    private void markTree(Checksum tree) throws IOException {
        if (!reachable.add(key(ObjectType.DIR_TREE, tree)) || !repo.has(ObjectType.DIR_TREE, tree)) {
            return;
        }
        DirTree t = repo.readDirTree(tree);
        for (DirTree.FileEntry f : t.files()) {
            reachable.add(key(ObjectType.FILE, f.checksum()));
        }
        for (DirTree.DirEntry d : t.dirs()) {
            reachable.add(key(ObjectType.DIR_META, d.meta()));
            markTree(d.tree());
        }
    }
}
