package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reachability-based garbage collection under the exclusive repository lock, as {@code ostree prune}. The roots are
 * every ref of every kind (heads, aliases, remotes, collection–refs in {@code refs/mirrors}, deployment refs), plus
 * every commit unless {@code refsOnly}. Deleting a commit deletes its {@code .commitmeta} and partial marker and,
 * with {@code core.tombstone-commits=true}, leaves a {@code .tombstone-commit}.
 */
final class Prune {

    private static final List<ObjectType> LISTED =
            List.of(ObjectType.COMMIT, ObjectType.DIR_TREE, ObjectType.DIR_META, ObjectType.FILE);

    private final Repository repo;
    private final PruneOptions options;
    private final Set<String> reachable = new HashSet<>();

    Prune(Repository repo, PruneOptions options) {
        this.repo = repo;
        this.options = options;
    }

    @SuppressWarnings("try") // the lock is held for the block
    PruneResult run() throws IOException {
        try (RepoLock.Held held = repo.repoLock().exclusive(repo.config().lockTimeoutSeconds())) {
            Map<String, Checksum> refs = new LinkedHashMap<>(repo.refs());
            for (Checksum root : options.extraRoots()) {
                markCommit(root, options.depth());
            }
            if (options.perBranch()) {
                markPerBranch(refs);
            } else if (options.refsOnly()) {
                for (Checksum c : refs.values()) {
                    markCommit(c, options.depth());
                }
            }
            // collection–refs keep their objects whatever the options (ostree's per-branch path forgets them)
            for (Checksum c : repo.collectionRefs().values()) {
                markCommit(c, options.depth());
            }
            if (!options.refsOnly() && !options.perBranch()) {
                for (Checksum c : repo.listObjects(ObjectType.COMMIT)) {
                    markCommit(c, options.depth());
                }
            }
            return sweep();
        }
    }

    private void markPerBranch(Map<String, Checksum> refs) throws IOException {
        Map<String, Integer> depths = new LinkedHashMap<>(options.retainBranchDepth());
        if (!options.onlyBranches().isEmpty()) {
            for (String b : options.onlyBranches()) {
                repo.resolve(b); // must exist: "Refspec 'b' not found"
            }
            for (String ref : refs.keySet()) {
                if (!options.onlyBranches().contains(ref)) {
                    depths.putIfAbsent(ref, -1);
                }
            }
        }
        for (Map.Entry<String, Checksum> e : refs.entrySet()) {
            Integer d = depths.get(e.getKey());
            if (d != null) {
                markCommit(e.getValue(), d);
            } else if (options.keepYoungerThan().isPresent()) {
                markYoungerThan(e.getValue(), options.keepYoungerThan().get().getEpochSecond());
            } else {
                markCommit(e.getValue(), options.depth());
            }
        }
    }

    /** The ref's head, then its parents while they are at least {@code since} new. */
    private void markYoungerThan(Checksum head, long since) throws IOException {
        markCommit(head, 0);
        Checksum next = head;
        while (next != null && repo.has(ObjectType.COMMIT, next)) {
            CommitObject c = repo.readCommit(next);
            if (Long.compareUnsigned(c.timestamp(), since) < 0) {
                break;
            }
            markCommit(next, 0);
            next = c.parent().orElse(null);
        }
    }

    private PruneResult sweep() throws IOException {
        int total = 0;
        int pruned = 0;
        long freed = 0;
        List<String> names = new ArrayList<>();
        boolean tombstones = repo.config()
                .get("core", "tombstone-commits")
                .map("true"::equalsIgnoreCase)
                .orElse(false);
        for (ObjectType t : LISTED) {
            if (options.commitOnly() && t != ObjectType.COMMIT) {
                continue;
            }
            for (Checksum c : repo.listObjects(t)) {
                total++;
                if (reachable.contains(key(t, c))) {
                    continue;
                }
                Path p = repo.objectPath(t, c);
                long size = Files.size(p);
                if (!options.dryRun()) {
                    if (t == ObjectType.COMMIT) {
                        Files.deleteIfExists(repo.path().resolve("state").resolve(c.hex() + ".commitpartial"));
                        Files.deleteIfExists(repo.objectPath(ObjectType.COMMIT_META, c));
                    }
                    Files.deleteIfExists(p);
                    if (t == ObjectType.COMMIT && tombstones) {
                        writeTombstone(repo, c);
                    }
                }
                pruned++;
                freed += size;
                names.add(c.hex() + "." + (t == ObjectType.FILE ? "file" : t.extension()));
            }
        }
        return new PruneResult(total, pruned, freed, names);
    }

    /** {@link Repository#deleteCommit}: under the exclusive lock, refusing a commit a ref still names. */
    @SuppressWarnings("try") // the lock is held for the block
    static void deleteCommit(Repository repo, Checksum commit) throws IOException {
        Objects.requireNonNull(commit, "commit");
        try (RepoLock.Held held = repo.repoLock().exclusive(repo.config().lockTimeoutSeconds())) {
            for (Map.Entry<String, Checksum> e : repo.refs().entrySet()) {
                if (e.getValue().equals(commit)) {
                    throw new IllegalArgumentException("Commit '" + commit + "' is referenced by '" + e.getKey() + "'");
                }
            }
            for (Map.Entry<Refs.CollectionRef, Checksum> e : RefStore.collectionRefs(
                            repo.path(), repo.config(), true, false)
                    .entrySet()) {
                if (e.getValue().equals(commit)) {
                    throw new IllegalArgumentException("Commit '" + commit + "' is referenced by " + e.getKey());
                }
            }
            Path object = repo.objectPath(ObjectType.COMMIT, commit);
            if (!Files.exists(object)) {
                throw new IllegalArgumentException("Deleting object " + commit + ".commit: No such file or directory");
            }
            if (!repo.config()
                    .get("core", "tombstone-commits")
                    .map("true"::equalsIgnoreCase)
                    .orElse(false)) {
                repo.setConfigValue("core", "tombstone-commits", "true");
            }
            Files.deleteIfExists(repo.objectPath(ObjectType.COMMIT_META, commit));
            Files.delete(object);
            Files.deleteIfExists(repo.path().resolve("state").resolve(commit.hex() + ".commitpartial"));
            Prune.writeTombstone(repo, commit);
        }
    }

    /** Writes {@code {'commit': <b'HEX'>}} as {@code objects/XX/REST.tombstone-commit}, as libostree does. */
    static void writeTombstone(Repository repo, Checksum commit) throws IOException {
        byte[] hex = (commit.hex() + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = Metadata.EMPTY.with("commit", new Variant("ay", hex)).toBytes();
        Path target = repo.objectPath(ObjectType.TOMBSTONE_COMMIT, commit);
        Files.createDirectories(target.getParent());
        AtomicFile.write(
                target,
                repo.path().resolve("tmp"),
                bytes,
                repo.fsyncPolicy(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static String key(ObjectType t, Checksum c) {
        return t.extension() + c.hex();
    }

    private void markCommit(Checksum commit, int depth) throws IOException {
        Checksum current = commit;
        int remaining = depth;
        while (current != null) {
            if (reachable.contains(key(ObjectType.COMMIT, current)) || !repo.has(ObjectType.COMMIT, current)) {
                return;
            }
            reachable.add(key(ObjectType.COMMIT, current));
            CommitObject c = repo.readCommit(current);
            if (!options.commitOnly()) {
                reachable.add(key(ObjectType.DIR_META, c.rootMeta()));
                markTree(c.rootTree());
            }
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
