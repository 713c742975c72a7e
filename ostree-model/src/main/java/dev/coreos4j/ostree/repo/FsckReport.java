package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link Repository#fsck} found. Immutable.
 *
 * @param findings every problem, each from an {@link FsckRule}, its location's source the object's path in the
 *     repository ({@code objects/ab/cdef….filez}) or the ref file, and its object the object it is about (when it is
 *     about one); sorted by path, then code
 * @param reachedBy for a bad object's path, the commits whose trees reach it (paths no commit reaches are absent)
 * @param commits how many commit objects were checked
 * @param objects how many distinct objects were re-hashed
 * @param partialCommits commits that are (now) marked partial
 * @param refs how many refs were validated (heads, aliases, remotes and collection–refs)
 */
public record FsckReport(
        List<Problem> findings,
        Map<String, List<Checksum>> reachedBy,
        int commits,
        int objects,
        List<Checksum> partialCommits,
        int refs) {

    /** Copies the lists and the map (sorted by path). */
    public FsckReport {
        findings = List.copyOf(findings);
        TreeMap<String, List<Checksum>> by = new TreeMap<>();
        reachedBy.forEach((k, v) -> by.put(k, List.copyOf(v)));
        reachedBy = java.util.Collections.unmodifiableMap(by);
        partialCommits = List.copyOf(partialCommits);
    }

    /** The commits whose trees reach the object {@code finding} is about; empty when none does or for a ref. */
    public List<Checksum> reachingCommits(Problem finding) {
        String source = finding.location().source();
        return source == null ? List.of() : reachedBy.getOrDefault(source, List.of());
    }

    /** Whether no error was found. */
    public boolean ok() {
        return findings.stream().noneMatch(Problem::isError);
    }
}
