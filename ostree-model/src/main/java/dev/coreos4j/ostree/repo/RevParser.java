package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.ObjectType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves revisions of one {@link Repository} as {@code ostree rev-parse} does (libostree's
 * {@code ostree_repo_resolve_rev}): full checksums, unique commit prefixes, refs and {@code remote:ref}, the
 * {@code ^} parent suffix, and the {@code core.parent} chain of repositories. Stateless apart from its repository.
 */
final class RevParser {

    private final Repository repo;

    RevParser(Repository repo) {
        this.repo = repo;
    }

    Checksum resolve(String rev, int depth) throws IOException {
        if (Checksum.isValid(rev)) {
            return Checksum.of(rev);
        }
        Optional<Checksum> partial = resolvePartial(rev);
        if (partial.isPresent()) {
            return partial.get();
        }
        if (rev.endsWith("^")) {
            Checksum base = resolve(rev.substring(0, rev.length() - 1), depth);
            CommitObject commit = readCommitWithParents(base);
            return commit.parent().orElseThrow(() -> new IllegalArgumentException("Commit " + base + " has no parent"));
        }
        Refs.Refspec spec;
        try {
            spec = Refs.parse(rev);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Optional<Checksum> found = RefStore.read(repo.path().resolve(spec.path()), spec.toString());
        if (found.isEmpty() && spec.remote() == null) {
            found = RefStore.read(repo.path().resolve("refs/remotes").resolve(spec.ref()), spec.toString());
            if (found.isEmpty()) {
                Path remotes = repo.path().resolve("refs/remotes");
                if (Files.isDirectory(remotes)) {
                    List<Path> dirs = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(remotes)) {
                        ds.forEach(dirs::add);
                    }
                    dirs.sort(null);
                    for (Path remote : dirs) {
                        if (Files.isDirectory(remote, LinkOption.NOFOLLOW_LINKS)) {
                            found = RefStore.read(remote.resolve(spec.ref()), spec.toString());
                            if (found.isPresent()) {
                                break;
                            }
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            Optional<Repository> parentRepo = parentRepository(depth);
            if (parentRepo.isPresent()) {
                return new RevParser(parentRepo.get()).resolve(rev, depth + 1);
            }
        }
        return found.orElseThrow(() -> new IllegalArgumentException("Refspec '" + rev + "' not found"));
    }

    /** A unique commit whose checksum starts with {@code prefix} (lower-case hex, at most 64 digits). */
    private Optional<Checksum> resolvePartial(String prefix) throws IOException {
        if (prefix.isEmpty()
                || prefix.length() > 64
                || !prefix.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
            return Optional.empty();
        }
        List<Checksum> matches = new ArrayList<>();
        Path objects = repo.path().resolve("objects");
        if (prefix.length() >= 2) {
            collectCommitsStartingWith(objects.resolve(prefix.substring(0, 2)), prefix, matches);
        } else {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(objects, prefix + "?")) {
                for (Path dir : ds) {
                    collectCommitsStartingWith(dir, prefix, matches);
                }
            }
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("Refspec " + prefix + " not unique");
        }
        return matches.stream().findFirst();
    }

    private static void collectCommitsStartingWith(Path dir, String prefix, List<Checksum> out) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String xx = dir.getFileName().toString();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.commit")) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                String hex = xx + name.substring(0, name.length() - ".commit".length());
                if (Checksum.isValid(hex) && hex.startsWith(prefix)) {
                    out.add(Checksum.of(hex));
                }
            }
        }
    }

    /** The repository {@code core.parent} names, if any (a chain of at most 16, so a loop cannot recurse forever). */
    Optional<Repository> parentRepository(int depth) throws IOException {
        Optional<String> parent = repo.config().get("core", "parent").filter(p -> !p.isEmpty());
        if (parent.isEmpty() || depth >= 16) {
            return Optional.empty();
        }
        return Optional.of(Repository.open(repo.path().resolve(parent.get())));
    }

    /** Reads a commit here or, when it is not here, in the {@code core.parent} chain. */
    private CommitObject readCommitWithParents(Checksum c) throws IOException {
        Repository r = repo;
        for (int depth = 0; ; depth++) {
            if (r.has(ObjectType.COMMIT, c)) {
                return r.readCommit(c);
            }
            Optional<Repository> next = new RevParser(r).parentRepository(depth);
            if (next.isEmpty()) {
                return repo.readCommit(c);
            }
            r = next.get();
        }
    }
}
