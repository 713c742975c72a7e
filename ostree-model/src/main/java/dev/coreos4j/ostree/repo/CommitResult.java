package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Repository#commit}: the commit written, and the branch update if a branch was given. The
 * commit object is durable in the repository even when the branch update is a {@link RefUpdate.Conflict}.
 *
 * @param checksum the new commit's checksum
 * @param commit the commit object
 * @param refUpdate the branch update, null without a branch
 */
public record CommitResult(
        Checksum checksum, CommitObject commit, @Nullable RefUpdate refUpdate) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException when {@code checksum} or {@code commit} is null
     */
    public CommitResult {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(commit, "commit");
    }
}
