package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Repository#fsck} found. Immutable.
 *
 * @param findings every problem, each naming the object
 * @param commits how many commit objects were checked
 * @param objects how many distinct objects were re-hashed
 * @param partialCommits commits that are (now) marked partial
 * @param refs how many refs were validated (heads, aliases, remotes and collection–refs)
 */
public record FsckReport(List<Finding> findings, int commits, int objects, List<Checksum> partialCommits, int refs) {

    public FsckReport {
        findings = List.copyOf(findings);
        partialCommits = List.copyOf(partialCommits);
    }

    /** How bad a finding is. */
    public enum Severity {
        /** The repository is damaged (a missing or corrupt object); {@code ostree fsck} fails. */
        ERROR,
        /** Worth knowing, not damage (e.g. an object whose header size disagrees with its intact content). */
        WARNING
    }

    /**
     * One problem.
     *
     * @param severity how bad
     * @param path the object's path in the repository ({@code objects/ab/cdef….filez}) or the ref file
     * @param code a stable code: {@code missing-object}, {@code checksum-mismatch}, {@code invalid-object} (also: not
     *     a regular file), {@code partial-commit} (an error when an earlier fsck marked it, a warning for a commit
     *     pulled partially), {@code bad-ref} (unreadable, or naming a missing or corrupt commit)
     * @param message what is wrong, for people
     * @param commits the commits whose trees reach the object (empty when none does or for a ref)
     */
    public record Finding(Severity severity, String path, String code, String message, List<Checksum> commits) {
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            commits = List.copyOf(commits);
        }

        /** A finding no commit is known to reach. */
        public Finding(Severity severity, String path, String code, String message) {
            this(severity, path, code, message, List.of());
        }

        @Override
        public String toString() {
            return severity + " " + path + " [" + code + "] " + message;
        }
    }

    /** Whether no error was found. */
    public boolean ok() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
