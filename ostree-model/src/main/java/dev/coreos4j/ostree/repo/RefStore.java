package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The refs of a repository on disk, enumerated as libostree enumerates them: {@code refs/heads} (local branches and
 * their aliases, which are symlinks), {@code refs/remotes/REMOTE} and {@code refs/mirrors/COLLECTION}. Names that are
 * not valid ref fragments (e.g. {@code .rsync_info} files) are ignored; anything that is neither a directory, a
 * regular file nor a symlink is skipped. A ref file is only ever opened after its type was checked, so a FIFO or a
 * device where a ref should be never blocks a reader.
 */
final class RefStore {

    /** A ref file holds 64 hex digits and a newline; anything much longer is not a ref. */
    private static final int MAX_REF_BYTES = 4096;

    private RefStore() {}

    /**
     * The checksum in a ref file, empty when the file (or the directory it would be in) does not exist, when it is a
     * directory, or when it is a symlink whose target does not exist (as libostree's resolver treats them).
     *
     * @throws IOException naming the ref when it is a symlink loop, not a regular file, or does not hold a checksum
     */
    static Optional<Checksum> read(Path file, String name) throws IOException {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            if (isNotADirectory(e)) {
                return Optional.empty();
            }
            throw e;
        }
        if (own.isDirectory()) {
            return Optional.empty();
        }
        if (own.isSymbolicLink()) {
            BasicFileAttributes target;
            try {
                target = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (FileSystemException e) {
                throw new IOException("ref " + name + " (" + file + "): " + reason(e), e);
            }
            if (target.isDirectory()) {
                return Optional.empty();
            }
            if (!target.isRegularFile()) {
                throw new IOException(
                        "ref " + name + " (" + file + "): symlink to something that is not a regular file");
            }
        } else if (!own.isRegularFile()) {
            throw new IOException("ref " + name + " (" + file + "): not a regular file");
        }
        return Optional.of(parse(file, name));
    }

    private static Checksum parse(Path file, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_REF_BYTES + 1);
        } catch (FileSystemException e) {
            throw new IOException("ref " + name + " (" + file + "): " + reason(e), e);
        }
        String hex = new String(bytes, StandardCharsets.UTF_8).strip();
        if (bytes.length > MAX_REF_BYTES || !Checksum.isValid(hex)) {
            throw new IOException("ref " + name + " (" + file + ") does not hold a checksum");
        }
        return Checksum.of(hex);
    }

    static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static boolean isNotADirectory(FileSystemException e) {
        return e.getReason() != null && e.getReason().contains("Not a directory");
    }

    /**
     * Every ref below {@code dir}, keyed {@code keyPrefix + relative name}. With {@code aliasesOnly} only symlinks
     * are listed and the value is the alias target (leading {@code ../} removed) instead of a checksum.
     *
     * @throws IOException naming the ref when a ref cannot be read: a symlink loop, a dangling alias, a file that
     *     holds no checksum
     */
    private static void enumerate(Path dir, String base, String keyPrefix, boolean aliasesOnly, Map<String, Object> out)
            throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                children.add(p);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path child : children) {
            String fragment = child.getFileName().toString();
            if (!Refs.isValidRemote(fragment)) {
                continue;
            }
            String rel = base + fragment;
            BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                enumerate(child, rel + "/", keyPrefix, aliasesOnly, out);
            } else if (a.isSymbolicLink() && aliasesOnly) {
                String target = Files.readSymbolicLink(child).toString();
                while (target.startsWith("../")) {
                    target = target.substring(3);
                }
                out.put(keyPrefix + rel, target);
            } else if (a.isSymbolicLink() || (a.isRegularFile() && !aliasesOnly)) {
                String name = keyPrefix + rel;
                Optional<Checksum> c = read(child, name);
                if (c.isEmpty()) {
                    throw new IOException("Listing refs: ref " + name + " (" + child + "): "
                            + (a.isSymbolicLink() ? "alias target does not exist" : "not a ref file"));
                }
                out.put(name, c.get());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> typed(Map<String, Object> m) {
        return (Map<String, V>) (Map<String, ?>) m;
    }

    /** Local heads (aliases included, resolved) and, with {@code remotes}, {@code remote:ref} refs; sorted. */
    static Map<String, Checksum> refs(Path repo, boolean remotes) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        requireDirectory(repo, "refs/heads");
        enumerate(repo.resolve("refs/heads"), "", "", false, out);
        if (remotes) {
            requireDirectory(repo, "refs/remotes");
            for (Path remote : subdirectories(repo.resolve("refs/remotes"))) {
                enumerate(remote, "", remote.getFileName() + ":", false, out);
            }
        }
        return typed(out);
    }

    /** Alias name to the ref it points at, for {@code refs/heads} and the remotes ({@code remote:alias}). */
    static Map<String, String> aliases(Path repo) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        enumerate(repo.resolve("refs/heads"), "", "", true, out);
        for (Path remote : subdirectories(repo.resolve("refs/remotes"))) {
            enumerate(remote, "", remote.getFileName() + ":", true, out);
        }
        return typed(out);
    }

    /**
     * The refs {@code ostree refs [--list] PREFIX} lists: {@code PREFIX} is a ref, a directory of refs under
     * {@code refs/heads}, {@code REMOTE:PREFIX}, or {@code REMOTE:} / {@code REMOTE:.} for all of a remote's refs.
     * With {@code cutPrefix} the names of refs below a prefix directory are relative to it.
     */
    static Map<String, Checksum> list(Path repo, String prefix, boolean cutPrefix) throws IOException {
        String remote = null;
        String refPrefix = null;
        if (prefix.endsWith(":") || prefix.endsWith(":.")) {
            String r = prefix.substring(0, prefix.lastIndexOf(':'));
            if (Refs.isValidRemote(r)) {
                remote = r;
                refPrefix = ".";
            }
        }
        if (refPrefix == null) {
            Refs.Refspec spec = Refs.parse(prefix);
            remote = spec.remote();
            refPrefix = spec.ref();
        }
        Path prefixDir = remote != null ? repo.resolve("refs/remotes").resolve(remote) : repo.resolve("refs/heads");
        Path path = refPrefix.equals(".") ? prefixDir : prefixDir.resolve(refPrefix);
        String keyPrefix = remote != null ? remote + ":" : "";
        Map<String, Object> out = new TreeMap<>();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return typed(out);
        }
        if (a.isDirectory()) {
            String base = cutPrefix || refPrefix.equals(".") ? "" : refPrefix + "/";
            enumerate(path, base, keyPrefix, false, out);
        } else {
            String name = keyPrefix + refPrefix;
            read(path, name).ifPresent(c -> out.put(name, c));
        }
        return typed(out);
    }

    /**
     * Collection–refs: {@code refs/heads} under the repository's own {@code core.collection-id} (if set), with
     * {@code mirrors} every {@code refs/mirrors/COLLECTION/REF}, and with {@code remotes} the refs of every remote
     * whose config names a valid {@code collection-id}.
     */
    static Map<Refs.CollectionRef, Checksum> collectionRefs(
            Path repo, RepoConfig config, boolean mirrors, boolean remotes) throws IOException {
        Map<Refs.CollectionRef, Checksum> out =
                new TreeMap<>(java.util.Comparator.comparing(Refs.CollectionRef::collectionId)
                        .thenComparing(Refs.CollectionRef::ref));
        Optional<String> main = config.get("core", "collection-id").filter(Refs::isValidCollectionId);
        if (main.isPresent()) {
            Map<String, Object> heads = new TreeMap<>();
            enumerate(repo.resolve("refs/heads"), "", "", false, heads);
            heads.forEach((k, v) -> out.put(new Refs.CollectionRef(main.get(), k), (Checksum) v));
        }
        if (mirrors) {
            for (Path collection : subdirectories(repo.resolve("refs/mirrors"))) {
                String id = collection.getFileName().toString();
                if (!Refs.isValidCollectionId(id)) {
                    continue;
                }
                Map<String, Object> refs = new TreeMap<>();
                enumerate(collection, "", "", false, refs);
                refs.forEach((k, v) -> out.put(new Refs.CollectionRef(id, k), (Checksum) v));
            }
        }
        if (remotes) {
            for (Path remote : subdirectories(repo.resolve("refs/remotes"))) {
                Optional<String> id = config.get("remote \"" + remote.getFileName() + "\"", "collection-id")
                        .filter(Refs::isValidCollectionId);
                if (id.isEmpty()) {
                    continue;
                }
                Map<String, Object> refs = new TreeMap<>();
                enumerate(remote, "", "", false, refs);
                refs.forEach((k, v) -> out.put(new Refs.CollectionRef(id.get(), k), (Checksum) v));
            }
        }
        return out;
    }

    /** The file that holds a collection–ref. */
    static Path collectionRefPath(Path repo, RepoConfig config, Refs.CollectionRef ref) {
        Optional<String> main = config.get("core", "collection-id");
        if (main.isPresent() && main.get().equals(ref.collectionId())) {
            return repo.resolve("refs/heads").resolve(ref.ref());
        }
        return repo.resolve("refs/mirrors").resolve(ref.collectionId()).resolve(ref.ref());
    }

    /** As libostree's {@code opendir}: listing refs needs {@code refs/heads} and {@code refs/remotes}. */
    private static void requireDirectory(Path repo, String rel) throws IOException {
        if (!Files.isDirectory(repo.resolve(rel))) {
            throw new NoSuchFileException(
                    repo.resolve(rel).toString(),
                    null,
                    "Listing refs: opendir(" + rel + "): No such file or directory");
        }
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
