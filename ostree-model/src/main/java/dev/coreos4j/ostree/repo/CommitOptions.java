package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to commit a tree, mirroring {@code ostree commit} options. Build with {@link #builder()}. Immutable.
 *
 * @param branch {@code -b/--branch}: the ref to move (compare-and-set); empty for an orphan commit
 * @param subject {@code -s/--subject}
 * @param body {@code -m/--body}
 * @param timestamp {@code --timestamp} in epoch seconds; empty: now
 * @param ownerUid {@code --owner-uid}: override every file's and directory's uid
 * @param ownerGid {@code --owner-gid}: override every gid
 * @param noXattrs {@code --no-xattrs}: store no extended attributes
 * @param metadata commit metadata in order (e.g. from {@code --add-metadata-string}); {@code ostree.ref-binding}
 *     is appended after it unless {@link #bindings()} is false
 * @param parent the parent: the branch head (default), none, or a given commit
 * @param bindings whether to write {@code ostree.ref-binding} ({@code --no-bindings} turns it off)
 */
public record CommitOptions(
        Optional<String> branch,
        String subject,
        String body,
        Optional<Long> timestamp,
        Optional<Integer> ownerUid,
        Optional<Integer> ownerGid,
        boolean noXattrs,
        Metadata metadata,
        Parent parent,
        boolean bindings) {

    public CommitOptions {
        Objects.requireNonNull(branch, "branch");
        branch.ifPresent(Refs::parse);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(ownerUid, "ownerUid");
        Objects.requireNonNull(ownerGid, "ownerGid");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(parent, "parent");
    }

    /**
     * The parent of a new commit.
     *
     * @param kind where it comes from
     * @param checksum the commit for {@link Kind#EXPLICIT}, else null
     */
    public record Parent(Kind kind, @Nullable Checksum checksum) {
        /** Where the parent comes from. */
        public enum Kind {
            /** The branch's current head (none for a new branch). */
            BRANCH_HEAD,
            /** No parent. */
            NONE,
            /** The commit in {@link Parent#checksum()}. */
            EXPLICIT
        }

        public Parent {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.EXPLICIT) != (checksum != null)) {
                throw new IllegalArgumentException("an explicit parent needs a checksum, others none");
            }
        }

        /** The parent is the branch's current head (none for a new branch), as {@code ostree commit} does. */
        public static final Parent BRANCH_HEAD = new Parent(Kind.BRANCH_HEAD, null);
        /** No parent ({@code --parent=none}). */
        public static final Parent NONE = new Parent(Kind.NONE, null);

        /** An explicit parent commit ({@code --parent=CHECKSUM}). */
        public static Parent of(Checksum commit) {
            return new Parent(Kind.EXPLICIT, Objects.requireNonNull(commit, "commit"));
        }
    }

    /** A builder with the defaults named on {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Assembles {@link CommitOptions}; defaults: no branch, empty subject and body, now, real owners. */
    public static final class Builder {
        private @Nullable String branch;
        private String subject = "";
        private String body = "";

        private Builder() {}

        private @Nullable Long timestamp;
        private @Nullable Integer ownerUid;
        private @Nullable Integer ownerGid;
        private boolean noXattrs;
        private final List<Metadata.Entry> metadata = new ArrayList<>();
        private Parent parent = Parent.BRANCH_HEAD;
        private boolean bindings = true;

        /** The branch whose ref the commit moves ({@code -b}); none: the commit is made but no ref moves. */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** The commit subject ({@code -s}). */
        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /** The commit body ({@code -m}). */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** The commit timestamp ({@code --timestamp}), whole seconds since the epoch, UTC. */
        public Builder timestamp(long epochSeconds) {
            this.timestamp = epochSeconds;
            return this;
        }

        /** The commit timestamp ({@code --timestamp}), whole seconds since the epoch, UTC. */
        public Builder timestamp(Instant time) {
            this.timestamp = time.getEpochSecond();
            return this;
        }

        /** Every file and directory gets this uid ({@code --owner-uid}). */
        public Builder ownerUid(int uid) {
            this.ownerUid = uid;
            return this;
        }

        /** Every file and directory gets this gid ({@code --owner-gid}). */
        public Builder ownerGid(int gid) {
            this.ownerGid = gid;
            return this;
        }

        /** Whether extended attributes are left out ({@code --no-xattrs}). */
        public Builder noXattrs(boolean noXattrs) {
            this.noXattrs = noXattrs;
            return this;
        }

        /** Appends a string metadata entry ({@code --add-metadata-string=KEY=VALUE}). */
        public Builder addMetadataString(String key, String value) {
            return addMetadata(key, Variant.ofString(value));
        }

        /** Appends a metadata entry. */
        public Builder addMetadata(String key, Variant value) {
            metadata.add(new Metadata.Entry(key, value));
            return this;
        }

        /** Where the parent comes from (default {@link Parent#BRANCH_HEAD}). */
        public Builder parent(Parent parent) {
            this.parent = Objects.requireNonNull(parent, "parent");
            return this;
        }

        /** {@code false} = {@code --no-bindings}. */
        public Builder bindings(boolean bindings) {
            this.bindings = bindings;
            return this;
        }

        /**
         * The options assembled so far.
         *
         * @throws IllegalArgumentException on an invalid branch name or duplicate metadata keys
         */
        public CommitOptions build() {
            return new CommitOptions(
                    Optional.ofNullable(branch),
                    subject,
                    body,
                    Optional.ofNullable(timestamp),
                    Optional.ofNullable(ownerUid),
                    Optional.ofNullable(ownerGid),
                    noXattrs,
                    new Metadata(metadata),
                    parent,
                    bindings);
        }
    }
}
