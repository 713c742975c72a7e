package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Repository verification as {@code ostree fsck}: every ref must name a loadable commit; for every commit that is not
 * partial, every object of its closure is re-hashed (content objects are inflated and hashed with their header)
 * and parsed; a missing or corrupt object marks its commits partial. Unlike {@code ostree fsck} it also re-hashes
 * loose objects that no commit reaches, so any damaged object is named.
 */
final class Fsck {

    private final Repository repo;
    private final FsckOptions options;
    private final List<Problem> findings = Collections.synchronizedList(new ArrayList<>());
    /** Object key ({@code rel path}) to whether it is good. */
    private final Map<String, Boolean> checked = new ConcurrentHashMap<>();
    /** Objects ({@code rel path}) that are missing or that this run deleted. */
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** Bad object ({@code rel path}) to the commits that reach it. */
    private final Map<String, Set<Checksum>> owners = new java.util.HashMap<>();

    Fsck(Repository repo, FsckOptions options) {
        this.repo = repo;
        this.options = options;
    }

    FsckReport run() throws IOException {
        int refCount = validateRefs();
        List<Checksum> commits = repo.listObjects(ObjectType.COMMIT);
        verifyContentInParallel(commits);
        Set<Checksum> partial = new LinkedHashSet<>();
        int verified = 0;
        for (Checksum c : commits) {
            if (options.verifyBackRefs() && checkMetadata(ObjectType.COMMIT, c)) {
                verifyBackRefs(c);
            }
            if (repo.isPartial(c)) {
                partial.add(c);
                boolean fsckDetected = fsckPartial(c);
                findings.add((fsckDetected ? FsckRule.PARTIAL_COMMIT_CORRUPT : FsckRule.PARTIAL_COMMIT)
                        .at(
                                "state/" + c + ".commitpartial",
                                fsckDetected
                                        ? "commit " + c
                                                + " is marked partial by an earlier fsck (objects missing or corrupt)"
                                        : "commit " + c + " is partial (not verified)"));
                checkMetadata(ObjectType.COMMIT, c);
                continue;
            }
            verified++;
            if (!checkCommitClosure(c)) {
                partial.add(c);
                // as ostree: only a missing (or just deleted) object makes a commit partial; a corrupt one that is
                // still there does not
                boolean lacks = owners.entrySet().stream()
                        .anyMatch(e -> e.getValue().contains(c) && missing.contains(e.getKey()));
                if (options.markPartial() && lacks && repo.has(ObjectType.COMMIT, c)) {
                    Path marker = repo.path().resolve("state").resolve(c.hex() + ".commitpartial");
                    Files.createDirectories(marker.getParent());
                    Files.writeString(marker, "f", StandardCharsets.US_ASCII);
                }
            }
        }
        for (ObjectType t : List.of(ObjectType.FILE, ObjectType.DIR_TREE, ObjectType.DIR_META)) {
            for (Checksum c : repo.listObjects(t)) {
                if (t == ObjectType.FILE) {
                    checkFile(c);
                } else {
                    checkMetadata(t, c);
                }
            }
        }
        for (Checksum c : repo.listObjects(ObjectType.COMMIT_META)) {
            try {
                repo.readDetachedMetadata(c);
            } catch (CorruptObjectException e) {
                findings.add(FsckRule.INVALID_OBJECT.at(
                        rel(ObjectType.COMMIT_META, c), naming(ObjectType.COMMIT_META, c, e.getMessage())));
            }
        }
        List<Problem> sorted = new ArrayList<>(findings);
        Map<String, Problem> unique = new TreeMap<>();
        Map<String, List<Checksum>> reachedBy = new TreeMap<>();
        for (Problem f : sorted) {
            String path = FsckRule.pathOf(f);
            Set<Checksum> by = owners.get(path);
            if (by != null) {
                reachedBy.put(path, new ArrayList<>(by));
            }
            unique.putIfAbsent(path + "\0" + f.code(), f);
        }
        return new FsckReport(
                new ArrayList<>(unique.values()),
                reachedBy,
                verified,
                checked.size(),
                new ArrayList<>(partial),
                refCount);
    }

    /** Whether the partial marker was written by fsck ({@code f}), not by an interrupted or metadata-only pull. */
    private boolean fsckPartial(Checksum c) {
        Path marker = repo.path().resolve("state").resolve(c.hex() + ".commitpartial");
        try {
            if (!Files.isRegularFile(marker, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(marker) > 16) {
                return false;
            }
            return Files.readString(marker, StandardCharsets.US_ASCII).startsWith("f");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * "Validating refs…" and "Validating refs in collections…": every ref of every kind (heads and their aliases,
     * remotes, collection–refs under {@code refs/mirrors}, deployment refs) must be readable and name a commit that
     * is present and intact. A ref that cannot be read (a symlink loop, a dangling alias, a FIFO, junk) is an error
     * naming the ref file.
     */
    private int validateRefs() throws IOException {
        Map<String, Checksum> refs = new TreeMap<>();
        try {
            refs.putAll(repo.refs());
        } catch (IOException e) {
            findings.add(FsckRule.BAD_REF.at("refs", e.getMessage()));
            refs.putAll(readableRefs());
        }
        Map<String, Checksum> all = new java.util.LinkedHashMap<>();
        refs.forEach((k, v) -> all.put(k, v));
        try {
            repo.collectionRefs().forEach((k, v) -> all.put(k.toString(), v));
        } catch (IOException e) {
            findings.add(FsckRule.BAD_REF.at("refs/mirrors", e.getMessage()));
        }
        Map<String, Refs.CollectionRef> collectionOf = new java.util.HashMap<>();
        try {
            repo.collectionRefs().keySet().forEach(k -> collectionOf.put(k.toString(), k));
        } catch (IOException e) {
            // reported above
        }
        for (var ref : all.entrySet()) {
            Checksum c = ref.getValue();
            if ((options.verifyBindings() || options.verifyBackRefs())
                    && repo.has(ObjectType.COMMIT, c)
                    && checkMetadata(ObjectType.COMMIT, c)) {
                Refs.CollectionRef cref = collectionOf.get(ref.getKey());
                String why = bindingProblem(
                        cref != null ? cref.collectionId() : null,
                        cref != null ? cref.ref() : Refs.parse(ref.getKey()).ref(),
                        repo.readCommit(c).metadata());
                if (why != null) {
                    findings.add(FsckRule.BAD_BINDING.at(refPath(ref.getKey()), "Commit " + c + ": " + why));
                }
            }
            if (!repo.has(ObjectType.COMMIT, c)) {
                findings.add(FsckRule.BAD_REF.at(
                        refPath(ref.getKey()),
                        "Loading commit for ref " + ref.getKey() + ": No such metadata object " + c + ".commit"));
            } else if (!checkMetadata(ObjectType.COMMIT, c)) {
                findings.add(FsckRule.BAD_REF.at(
                        refPath(ref.getKey()),
                        "Loading commit for ref " + ref.getKey() + ": commit " + c + " is corrupt"));
            }
        }
        return all.size();
    }

    /** libostree's binding check of one ref against its commit's metadata; null when it holds. */
    static @Nullable String bindingProblem(@Nullable String collectionId, String refName, Metadata metadata) {
        java.util.Optional<Variant> refs =
                metadata.get(CommitObject.REF_BINDING).filter(v -> v.type().equals("as"));
        if (refs.isEmpty()) {
            return collectionId == null ? null : "Expected commit metadata to have ref binding information, found none";
        }
        List<String> bound = refs.get().asStrings();
        if (refName != null && !bound.contains(refName)) {
            String list = bound.isEmpty()
                    ? "no refs"
                    : String.join(
                            ", ",
                            bound.stream().map(b -> "\u2018" + b + "\u2019").toList());
            return "Commit has no requested ref \u2018" + refName + "\u2019 in ref binding metadata (" + list + ")";
        }
        if (collectionId != null) {
            java.util.Optional<Variant> cb = metadata.get("ostree.collection-binding")
                    .filter(v -> v.type().equals("s"));
            if (cb.isEmpty()) {
                return "Expected commit metadata to have collection ID binding information, found none";
            }
            if (!cb.get().asString().equals(collectionId)) {
                return "Commit has collection ID \u2018" + cb.get().asString() + "\u2019 in collection binding "
                        + "metadata, while the remote it came from has collection ID \u2018" + collectionId + "\u2019";
            }
        }
        return null;
    }

    /** {@code --verify-back-refs}: every ref a commit binds must exist and name it. */
    private void verifyBackRefs(Checksum commit) throws IOException {
        Metadata m = repo.readCommit(commit).metadata();
        java.util.Optional<Variant> refs =
                m.get(CommitObject.REF_BINDING).filter(v -> v.type().equals("as"));
        if (refs.isEmpty()) {
            return;
        }
        String collection = m.get("ostree.collection-binding")
                .filter(v -> v.type().equals("s"))
                .map(Variant::asString)
                .orElse(null);
        Map<Refs.CollectionRef, Checksum> collectionRefs = collection == null ? Map.of() : repo.collectionRefs();
        for (String ref : refs.get().asStrings()) {
            java.util.Optional<Checksum> target;
            String name;
            if (collection != null) {
                name = "Collection\u2013ref (" + collection + ", " + ref + ")";
                target = java.util.Optional.ofNullable(collectionRefs.get(new Refs.CollectionRef(collection, ref)));
            } else {
                name = "Ref \u2018" + ref + "\u2019";
                java.util.Optional<Checksum> t;
                try {
                    t = java.util.Optional.of(repo.resolve(ref));
                } catch (IllegalArgumentException e) {
                    t = java.util.Optional.empty();
                }
                target = t;
            }
            if (target.isEmpty()) {
                findings.add(FsckRule.BAD_BINDING.at(
                        rel(ObjectType.COMMIT, commit),
                        name + " in bindings for commit " + commit + " does not exist"));
            } else if (!target.get().equals(commit)) {
                findings.add(FsckRule.BAD_BINDING.at(
                        rel(ObjectType.COMMIT, commit),
                        name + " in bindings for commit " + commit + " does not resolve to that commit"));
            }
        }
    }

    private static String refPath(String name) {
        if (name.startsWith("(")) {
            String[] parts = name.substring(1, name.length() - 1).split(", ", 2);
            return "refs/mirrors/" + parts[0] + "/" + parts[1];
        }
        return Refs.parse(name).path();
    }

    /** The refs that can be read, one by one, reporting each one that cannot. */
    private Map<String, Checksum> readableRefs() throws IOException {
        Map<String, Checksum> out = new TreeMap<>();
        Path refsDir = repo.path().resolve("refs");
        for (String top : List.of("heads", "remotes")) {
            Path base = refsDir.resolve(top);
            if (!Files.isDirectory(base, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(base)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    String rel = base.relativize(p).toString();
                    String name = top.equals("heads") ? rel : rel.replaceFirst("/", ":");
                    if (!Refs.isValidRef(rel)
                            || !Refs.isValidRemote(p.getFileName().toString())) {
                        continue;
                    }
                    try {
                        java.util.Optional<Checksum> c = RefStore.read(p, name);
                        if (c.isPresent()) {
                            out.put(name, c.get());
                        } else {
                            findings.add(FsckRule.BAD_REF.at(
                                    "refs/" + top + "/" + rel, "ref " + name + ": alias target does not exist"));
                        }
                    } catch (IOException e) {
                        findings.add(FsckRule.BAD_REF.at("refs/" + top + "/" + rel, e.getMessage()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Re-hashing content dominates fsck: first collect every content object (reachable ones through the verified
     * metadata, plus the loose ones), then inflate and hash them on all cores. The sequential walk afterwards
     * finds their results cached.
     */
    private void verifyContentInParallel(List<Checksum> commits) throws IOException {
        Set<Checksum> files = new LinkedHashSet<>();
        for (Checksum c : commits) {
            if (repo.isPartial(c) || !checkMetadata(ObjectType.COMMIT, c)) {
                continue;
            }
            collectFiles(repo.readCommit(c).rootTree(), files, new HashSet<>());
        }
        files.addAll(repo.listObjects(ObjectType.FILE));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "coreos4j-fsck");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (Checksum f : files) {
                results.add(pool.submit(() -> checkFile(f)));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                try {
                    r.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException iOException) {
                        throw iOException;
                    }
                    throw new IOException("fsck: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("fsck interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void collectFiles(Checksum tree, Set<Checksum> files, Set<Checksum> seen) throws IOException {
        if (!seen.add(tree) || !checkMetadata(ObjectType.DIR_TREE, tree)) {
            return;
        }
        DirTree t = repo.readDirTree(tree);
        for (DirTree.FileEntry f : t.files()) {
            files.add(f.checksum());
        }
        for (DirTree.DirEntry d : t.dirs()) {
            collectFiles(d.tree(), files, seen);
        }
    }

    /** Checks a commit and its closure; false when something is missing or corrupt. */
    private boolean checkCommitClosure(Checksum commit) throws IOException {
        if (!checkMetadata(ObjectType.COMMIT, commit)) {
            return false;
        }
        CommitObject c = repo.readCommit(commit);
        boolean ok = own(ObjectType.DIR_META, c.rootMeta(), commit, checkMetadata(ObjectType.DIR_META, c.rootMeta()));
        return checkTree(c.rootTree(), new HashSet<>(), commit) && ok;
    }

    /** Records that {@code commit} reaches the object when it is bad ("In commits A, B: …"); returns {@code good}. */
    private boolean own(ObjectType type, Checksum c, Checksum commit, boolean good) {
        if (!good) {
            owners.computeIfAbsent(rel(type, c), k -> new java.util.LinkedHashSet<>())
                    .add(commit);
        }
        return good;
    }

    private boolean checkTree(Checksum tree, Set<Checksum> visiting, Checksum commit) throws IOException {
        if (!own(ObjectType.DIR_TREE, tree, commit, checkMetadata(ObjectType.DIR_TREE, tree))) {
            return false;
        }
        if (!visiting.add(tree)) {
            return true;
        }
        DirTree t = repo.readDirTree(tree);
        boolean ok = true;
        for (DirTree.FileEntry f : t.files()) {
            ok &= own(ObjectType.FILE, f.checksum(), commit, checkFile(f.checksum()));
        }
        for (DirTree.DirEntry d : t.dirs()) {
            ok &= own(ObjectType.DIR_META, d.meta(), commit, checkMetadata(ObjectType.DIR_META, d.meta()));
            ok &= checkTree(d.tree(), visiting, commit);
        }
        return ok;
    }

    /** Removes a corrupt object; an empty directory in its place goes too, a non-empty one is left (and reported). */
    private static void deleteObject(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // a directory full of something else: leave it, it stays reported
        }
    }

    private static String rel(ObjectType type, Checksum c) {
        return "objects/" + Repository.relativeObjectPath(type, c);
    }

    /** Makes sure a message names the object, whatever layer produced it. */
    private static String naming(ObjectType type, Checksum c, @Nullable String message) {
        String m = String.valueOf(message);
        return m.contains(c.hex()) ? m : type.extension() + " object " + c + ": " + m;
    }

    private boolean checkMetadata(ObjectType type, Checksum c) throws IOException {
        String rel = rel(type, c);
        Boolean known = checked.get(rel);
        if (known != null) {
            return known;
        }
        boolean ok = verifyMetadata(type, c, rel);
        checked.put(rel, ok);
        if (!ok && options.delete()) {
            deleteObject(repo.path().resolve(rel));
            missing.add(rel);
            if (type == ObjectType.COMMIT) {
                Files.deleteIfExists(repo.objectPath(ObjectType.COMMIT_META, c));
                Files.deleteIfExists(repo.path().resolve("state").resolve(c.hex() + ".commitpartial"));
            }
        }
        return ok;
    }

    private boolean verifyMetadata(ObjectType type, Checksum c, String rel) throws IOException {
        String notRegular = notRegular(repo.path().resolve(rel));
        if (notRegular != null) {
            if (notRegular.isEmpty()) {
                missing.add(rel);
                findings.add(FsckRule.MISSING_OBJECT.at(rel, "No such metadata object " + c + "." + type.extension()));
            } else {
                findings.add(FsckRule.INVALID_OBJECT.at(rel, type.extension() + " object " + c + ": " + notRegular));
            }
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(repo.path().resolve(rel));
        } catch (NoSuchFileException e) {
            findings.add(FsckRule.MISSING_OBJECT.at(rel, "No such metadata object " + c + "." + type.extension()));
            return false;
        }
        Checksum actual = Checksum.sha256(bytes);
        if (!actual.equals(c)) {
            findings.add(FsckRule.CHECKSUM_MISMATCH.at(
                    rel, "corrupted object " + c + "." + type.extension() + "; actual checksum " + actual));
            return false;
        }
        try {
            switch (type) {
                case COMMIT -> CommitObject.parse(bytes);
                case DIR_TREE -> DirTree.parse(bytes);
                case DIR_META -> DirMeta.parse(bytes);
                default -> Metadata.parse(bytes);
            }
        } catch (ObjectFormatException e) {
            findings.add(FsckRule.INVALID_OBJECT.at(rel, naming(type, c, e.getMessage())));
            return false;
        }
        return true;
    }

    /**
     * Null when {@code p} is a regular file; "" when it does not exist; otherwise what it is instead. Checked with
     * {@code lstat} before any open, so a FIFO never blocks fsck and a directory is named, not an I/O error.
     */
    static @Nullable String notRegular(Path p) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(
                    p, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "";
        }
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return "not a regular file (a directory)";
        }
        if (a.isSymbolicLink()) {
            return "not a regular file (a symlink)";
        }
        return "not a regular file (a FIFO, socket or device)";
    }

    private boolean checkFile(Checksum c) throws IOException {
        String rel = rel(ObjectType.FILE, c);
        Boolean known = checked.get(rel);
        if (known != null) {
            return known;
        }
        boolean ok = verifyFile(c, rel);
        checked.put(rel, ok);
        if (!ok && options.delete()) {
            deleteObject(repo.path().resolve(rel));
            missing.add(rel);
        }
        return ok;
    }

    private boolean verifyFile(Checksum c, String rel) throws IOException {
        Path p = repo.path().resolve(rel);
        String notRegular = notRegular(p);
        if (notRegular != null) {
            if (notRegular.isEmpty()) {
                missing.add(rel);
                findings.add(FsckRule.MISSING_OBJECT.at(rel, "No such content object " + c + ".filez"));
            } else {
                findings.add(FsckRule.INVALID_OBJECT.at(rel, "content object " + c + ": " + notRegular));
            }
            return false;
        }
        ContentObject obj;
        try {
            obj = repo.readFile(c);
        } catch (CorruptObjectException e) {
            findings.add(FsckRule.INVALID_OBJECT.at(rel, naming(ObjectType.FILE, c, e.getMessage())));
            return false;
        }
        MessageDigest md = Checksum.newDigest();
        md.update(obj.header().checksumHeader());
        long total = 0;
        try (InputStream in = repo.openContent(c)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                total += n;
            }
        } catch (ObjectFormatException | CorruptObjectException e) {
            findings.add(FsckRule.INVALID_OBJECT.at(rel, naming(ObjectType.FILE, c, e.getMessage())));
            return false;
        }
        Checksum actual = Checksum.fromBytes(md.digest());
        if (!actual.equals(c)) {
            findings.add(
                    FsckRule.CHECKSUM_MISMATCH.at(rel, "corrupted object " + c + ".file; actual checksum " + actual));
            return false;
        }
        if (total != obj.size()) {
            findings.add(
                    FsckRule.SIZE_MISMATCH.at(rel, "header declares " + obj.size() + " bytes, content has " + total));
        }
        return true;
    }
}
