package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.internal.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes refs of one {@link Repository}, as libostree's {@code ostree-repo-refs.c} does: each ref file replaced
 * through the atomic writer under the exclusive refs lock, compare-and-set changes checked against the value read
 * under that lock, and after a transaction's update the values re-read under the repository lock so a concurrent
 * {@code ostree commit -b} that overwrote ours is reported as a conflict. Stateless apart from its repository.
 */
final class RefWriter {

    private final Repository repo;

    RefWriter(Repository repo) {
        this.repo = repo;
    }

    /**
     * Sets (or with an empty {@code value}, deletes) a collection–ref, as {@code ostree refs --collections
     * --create=COLLECTION:REF REV} does: under {@code refs/heads} when the collection is the repository's own
     * {@code core.collection-id}, else under {@code refs/mirrors/COLLECTION}.
     *
     * @throws IllegalArgumentException when {@code value} names a commit this repository does not have
     */
    @SuppressWarnings("try") // the refs lock is held for the block
    void setCollectionRef(Refs.CollectionRef ref, Optional<Checksum> value) throws IOException {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(value, "value");
        if (value.isPresent()) {
            requireCommitFor(ref.toString(), value.get());
        }
        Path file = RefStore.collectionRefPath(repo.path(), repo.config(), ref);
        try (RepoLock.Held held = repo.refsLock().exclusive()) {
            if (value.isPresent()) {
                writeRefFile(file, value.get(), ref.toString());
            } else if (Files.deleteIfExists(file)) {
                repo.fsyncDirectory(parentOf(file));
            }
        }
    }

    /**
     * Makes {@code alias} a symlink to the local ref {@code target} ({@code ostree refs --alias --create=ALIAS
     * TARGET}); an existing alias of that name is replaced.
     *
     * @throws IllegalArgumentException when {@code target} is not an existing local ref, when {@code alias} names a
     *     remote ref, or when a regular ref of that name exists
     */
    @SuppressWarnings("try") // the refs lock is held for the block
    void createAlias(String alias, String target) throws IOException {
        Refs.Refspec spec = Refs.parse(alias);
        if (spec.remote() != null) {
            throw new IllegalArgumentException("Cannot create alias to remote ref: " + spec.remote());
        }
        if (target.contains(":") || !repo.refs().containsKey(target)) {
            throw new IllegalArgumentException("Cannot create alias to non-existent ref: " + target);
        }
        Path file = repo.path().resolve(spec.path());
        try (RepoLock.Held held = repo.refsLock().exclusive()) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException("--create specified but ref " + alias + " already exists");
            }
            Files.createDirectories(file.getParent());
            StringBuilder rel = new StringBuilder();
            for (int i = 0; i < spec.ref().length(); i++) {
                if (spec.ref().charAt(i) == '/') {
                    rel.append("../");
                }
            }
            rel.append(target);
            AtomicFile.symlink(file, rel.toString(), repo.path().resolve("tmp"), repo.fsyncPolicy());
        }
    }

    void requireCommitFor(String ref, Checksum v) {
        if (!repo.has(ObjectType.COMMIT, v)) {
            throw new IllegalArgumentException(
                    "cannot point ref " + ref + " at " + v + ": no such commit in " + repo.path());
        }
        if (repo.isPartial(v)) {
            throw new IllegalArgumentException("cannot point ref " + ref + " at partial commit " + v);
        }
    }

    @SuppressWarnings("try") // the refs lock is held for the block
    List<RefUpdate> setRefs(List<Transaction.RefChange> changes) throws IOException {
        for (Transaction.RefChange c : changes) {
            if (c.value().isPresent()) {
                requireCommitFor(c.spec().toString(), c.value().get());
            }
        }
        List<RefUpdate> out = new ArrayList<>();
        try (RepoLock.Held held = repo.refsLock().exclusive()) {
            Map<String, String> aliases = null;
            for (Transaction.RefChange c : changes) {
                Path file = repo.path().resolve(c.spec().path());
                Optional<Checksum> actual = RefStore.read(file, c.spec().toString());
                if (c.checkExpected() && !actual.equals(c.expected())) {
                    out.add(new RefUpdate.Conflict(
                            c.spec().toString(),
                            c.expected().orElse(null),
                            actual.orElse(null),
                            c.value().orElse(null)));
                    continue;
                }
                if (c.value().isPresent()) {
                    writeRefFile(file, c.value().get(), c.spec().toString());
                } else if (actual.isPresent()) {
                    if (!Files.isSymbolicLink(file)) {
                        if (aliases == null) {
                            aliases = repo.aliases();
                        }
                        for (Map.Entry<String, String> a : aliases.entrySet()) {
                            String owner = a.getKey().contains(":")
                                    ? a.getKey().substring(0, a.getKey().indexOf(':'))
                                    : null;
                            if (a.getValue().equals(c.spec().ref())
                                    && java.util.Objects.equals(owner, c.spec().remote())) {
                                throw new IllegalArgumentException(
                                        "Ref '" + c.spec().ref() + "' has an active alias: '" + a.getKey() + "'");
                            }
                        }
                    }
                    Files.deleteIfExists(file);
                    repo.fsyncDirectory(parentOf(file));
                }
                out.add(new RefUpdate.Updated(
                        c.spec().toString(), actual.orElse(null), c.value().orElse(null)));
            }
        }
        return out;
    }

    /**
     * libostree's writers ({@code ostree commit -b}) set a ref without compare-and-set, at the end of a transaction that
     * holds the shared repository lock ({@code .lock}). After our rename, this takes that lock exclusively, as
     * libostree's prune does, which waits until every such transaction in progress has finished, and re-reads each ref
     * we set: one whose value no longer has ours in its history was overwritten by a concurrent writer and is reported
     * as {@link RefUpdate.Conflict} (our commit object exists but is not in the branch history), never as updated.
     *
     * <p>When this JVM has another transaction open on the repository (holding the lock shared), the re-read happens
     * without the exclusive lock, which would wait for ourselves.
     *
     * @throws IOException when the lock cannot be taken within {@code core.lock-timeout-secs}: the update is then not
     *     verified, and the message says so
     */
    List<RefUpdate> verifyRefs(List<RefUpdate> results) throws IOException {
        if (results.stream().noneMatch(r -> r instanceof RefUpdate.Updated)) {
            return results;
        }
        List<RefUpdate> out = new ArrayList<>();
        RepoLock.Held held;
        try {
            // another transaction of this JVM still open: re-read without waiting for ourselves
            held = repo.repoLock()
                    .exclusiveUnlessSharedHere(repo.config().lockTimeoutSeconds())
                    .orElse(() -> {});
        } catch (IOException e) {
            throw new IOException(
                    "refs were written but could not be verified against concurrent writers (" + e.getMessage() + "): "
                            + results,
                    e);
        }
        try (held) {
            for (RefUpdate r : results) {
                if (r instanceof RefUpdate.Updated u) {

                    Refs.Refspec spec = Refs.parse(u.refspec());
                    Optional<Checksum> now = RefStore.read(repo.path().resolve(spec.path()), u.refspec());
                    Checksum ours = u.current();
                    if (!now.equals(Optional.ofNullable(ours))
                            && !(ours != null
                                    && now.isPresent()
                                    && descendsFrom(now.get(), ours, Optional.ofNullable(u.previous())))) {
                        out.add(new RefUpdate.Conflict(u.refspec(), u.previous(), now.orElse(null), ours));
                        continue;
                    }
                }
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Whether {@code ours} is in the history of {@code head}: a later writer that built on our commit (a
     * compare-and-set writer, or {@code ostree commit -b} that read our head) keeps our update. The walk stops at the
     * value we replaced, at a missing parent, or after 100,000 commits.
     */
    private boolean descendsFrom(Checksum head, Checksum ours, Optional<Checksum> replaced) throws IOException {
        Optional<Checksum> c = Optional.of(head);
        for (int i = 0; i < 100_000 && c.isPresent(); i++) {
            if (c.get().equals(ours)) {
                return true;
            }
            if ((replaced.isPresent() && c.get().equals(replaced.get())) || !repo.has(ObjectType.COMMIT, c.get())) {
                return false;
            }
            c = repo.readCommit(c.get()).parent();
        }
        return false;
    }

    /**
     * Writes a ref file by rename. As libostree: a name that looks like a checksum is refused, and a directory in the
     * way is replaced only when no ref lives below it ("Conflict: A exists under B when attempting write").
     */
    private void writeRefFile(Path file, Checksum value, String name) throws IOException {
        if (Checksum.isValid(name.substring(name.lastIndexOf(':') + 1))) {
            throw new IllegalArgumentException("Rev name '" + name + "' looks like a checksum");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            Map<String, Object> below = new TreeMap<>();
            try (java.util.stream.Stream<Path> walk = Files.walk(file)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (!p.equals(file)
                            && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && Refs.isValidRemote(p.getFileName().toString())) {
                        below.put(parentOf(file).relativize(p).toString(), p);
                    }
                }
            }
            if (!below.isEmpty()) {
                throw new IllegalArgumentException("Conflict: "
                        + below.keySet().iterator().next() + " exists under " + name + " when attempting write");
            }
            FileTrees.deleteTree(file); // holds no refs
        }
        Files.createDirectories(file.getParent());
        // the temp file lives in tmp/, not among the refs, so a crash never leaves a stray name under refs/
        AtomicFile.write(
                file,
                repo.path().resolve("tmp"),
                (value.hex() + "\n").getBytes(StandardCharsets.US_ASCII),
                repo.fsyncPolicy(),
                PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** The directory of a ref file (every ref file is below {@code refs/}). */
    private static Path parentOf(Path file) {
        return java.util.Objects.requireNonNull(file.getParent(), "ref file has no directory");
    }
}
