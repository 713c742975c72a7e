package dev.coreos4j.ostree;

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

/**
 * Repository verification as {@code ostree fsck}: every ref must name a loadable commit; for every commit that is not
 * partial, every object of its closure is re-hashed (content objects are inflated and hashed with their header)
 * and parsed; a missing or corrupt object marks its commits partial. Unlike {@code ostree fsck} it also re-hashes
 * loose objects that no commit reaches, so any damaged object is named.
 */
final class Fsck {

    private final Repository repo;
    private final FsckOptions options;
    private final List<FsckReport.Finding> findings = Collections.synchronizedList(new ArrayList<>());
    /** Object key ({@code rel path}) to whether it is good. */
    private final Map<String, Boolean> checked = new ConcurrentHashMap<>();

    Fsck(Repository repo, FsckOptions options) {
        this.repo = repo;
        this.options = options;
    }

    FsckReport run() throws IOException {
        Map<String, Checksum> refs;
        try {
            refs = repo.refs();
        } catch (IOException e) {
            findings.add(error("refs", "bad-ref", e.getMessage()));
            refs = Map.of();
        }
        for (var ref : refs.entrySet()) {
            if (!repo.has(ObjectType.COMMIT, ref.getValue())) {
                findings.add(error(Refs.parse(ref.getKey()).path(), "bad-ref", "ref " + ref.getKey()
                        + " names missing commit " + ref.getValue()));
            }
        }
        List<Checksum> commits = repo.listObjects(ObjectType.COMMIT);
        Set<Checksum> partial = new LinkedHashSet<>();
        for (Checksum c : commits) {
            if (repo.isPartial(c)) {
                partial.add(c);
                findings.add(new FsckReport.Finding(FsckReport.Severity.ERROR, "state/" + c + ".commitpartial",
                        "partial-commit", "commit " + c + " is marked partial"));
                checkMetadata(ObjectType.COMMIT, c);
                continue;
            }
            if (!checkCommitClosure(c)) {
                partial.add(c);
                if (options.markPartial()) {
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
                findings.add(error(rel(ObjectType.COMMIT_META, c), "invalid-object",
                        naming(ObjectType.COMMIT_META, c, e.getMessage())));
            }
        }
        List<FsckReport.Finding> sorted = new ArrayList<>(findings);
        Map<String, FsckReport.Finding> unique = new TreeMap<>();
        for (FsckReport.Finding f : sorted) {
            unique.putIfAbsent(f.path() + "\0" + f.code(), f);
        }
        return new FsckReport(new ArrayList<>(unique.values()), commits.size(), checked.size(),
                new ArrayList<>(partial));
    }

    /** Checks a commit and its closure; false when something is missing or corrupt. */
    private boolean checkCommitClosure(Checksum commit) throws IOException {
        if (!checkMetadata(ObjectType.COMMIT, commit)) {
            return false;
        }
        CommitObject c = repo.readCommit(commit);
        boolean ok = checkMetadata(ObjectType.DIR_META, c.rootMeta());
        return checkTree(c.rootTree(), new HashSet<>()) && ok;
    }

    private boolean checkTree(Checksum tree, Set<Checksum> visiting) throws IOException {
        if (!checkMetadata(ObjectType.DIR_TREE, tree)) {
            return false;
        }
        if (!visiting.add(tree)) {
            return true;
        }
        DirTree t = repo.readDirTree(tree);
        boolean ok = true;
        for (DirTree.FileEntry f : t.files()) {
            ok &= checkFile(f.checksum());
        }
        for (DirTree.DirEntry d : t.dirs()) {
            ok &= checkMetadata(ObjectType.DIR_META, d.meta());
            ok &= checkTree(d.tree(), visiting);
        }
        return ok;
    }

    private static String rel(ObjectType type, Checksum c) {
        return "objects/" + Repository.relativeObjectPath(type, c);
    }

    private static FsckReport.Finding error(String path, String code, String message) {
        return new FsckReport.Finding(FsckReport.Severity.ERROR, path, code, message);
    }

    /** Makes sure a message names the object, whatever layer produced it. */
    private static String naming(ObjectType type, Checksum c, String message) {
        return message.contains(c.hex()) ? message : type.extension() + " object " + c + ": " + message;
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
            Files.deleteIfExists(repo.path().resolve(rel));
        }
        return ok;
    }

    private boolean verifyMetadata(ObjectType type, Checksum c, String rel) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(repo.path().resolve(rel));
        } catch (NoSuchFileException e) {
            findings.add(error(rel, "missing-object", "No such metadata object " + c + "." + type.extension()));
            return false;
        }
        Checksum actual = Checksum.sha256(bytes);
        if (!actual.equals(c)) {
            findings.add(error(rel, "checksum-mismatch", "corrupted object " + c + "." + type.extension()
                    + "; actual checksum " + actual));
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
            findings.add(error(rel, "invalid-object", naming(type, c, e.getMessage())));
            return false;
        }
        return true;
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
            Files.deleteIfExists(repo.path().resolve(rel));
        }
        return ok;
    }

    private boolean verifyFile(Checksum c, String rel) throws IOException {
        Path p = repo.path().resolve(rel);
        if (!Files.exists(p)) {
            findings.add(error(rel, "missing-object", "No such content object " + c + ".filez"));
            return false;
        }
        ContentObject obj;
        try {
            obj = repo.readFile(c);
        } catch (CorruptObjectException e) {
            findings.add(error(rel, "invalid-object", naming(ObjectType.FILE, c, e.getMessage())));
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
            findings.add(error(rel, "invalid-object", naming(ObjectType.FILE, c, e.getMessage())));
            return false;
        }
        Checksum actual = Checksum.fromBytes(md.digest());
        if (!actual.equals(c)) {
            findings.add(error(rel, "checksum-mismatch", "corrupted object " + c + ".file; actual checksum "
                    + actual));
            return false;
        }
        if (total != obj.size()) {
            findings.add(new FsckReport.Finding(FsckReport.Severity.WARNING, rel, "size-mismatch",
                    "header declares " + obj.size() + " bytes, content has " + total));
        }
        return true;
    }
}
