package dev.coreos4j.ostree.repo;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Ref names and refspecs. A ref is {@code (?:F/)*F} with {@code F = [\w\d][-._\w\d]*} (ASCII word characters); a
 * refspec is {@code ref} or {@code remote:ref}.
 */
public final class Refs {

    private static final Pattern REF = Pattern.compile("(?:[\\w\\d][-._\\w\\d]*/)*[\\w\\d][-._\\w\\d]*");
    private static final Pattern REMOTE = Pattern.compile("[\\w\\d][-._\\w\\d]*");
    private static final Pattern COLLECTION_ID =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private Refs() {}

    /** A parsed refspec: an optional remote and a ref name. */
    public record Refspec(@Nullable String remote, String ref) {
        /** @throws IllegalArgumentException on an invalid remote or ref name */
        public Refspec {
            Objects.requireNonNull(ref, "ref");
            requireValidRef(ref);
            if (remote != null && !REMOTE.matcher(remote).matches()) {
                throw new IllegalArgumentException("Invalid remote name '" + remote + "'");
            }
        }

        /** The file under the repository, e.g. {@code refs/heads/os/x86_64} or {@code refs/remotes/origin/os}. */
        public String path() {
            return remote == null ? "refs/heads/" + ref : "refs/remotes/" + remote + "/" + ref;
        }

        @Override
        public String toString() {
            return remote == null ? ref : remote + ":" + ref;
        }
    }

    /**
     * A collection–ref: a ref name qualified by the reverse-DNS collection ID it belongs to, as kept under
     * {@code refs/mirrors/COLLECTION/REF} (or under {@code refs/heads} for the repository's own
     * {@code core.collection-id}).
     *
     * @param collectionId a D-Bus-interface-style name, e.g. {@code org.example.Os}
     * @param ref the ref name
     */
    public record CollectionRef(String collectionId, String ref) {
        /** @throws IllegalArgumentException on an invalid collection ID or ref name */
        public CollectionRef {
            requireValidCollectionId(collectionId);
            requireValidRef(ref);
        }

        /** As {@code ostree refs --collections} prints it: {@code (org.example.Os, os/stable)}. */
        @Override
        public String toString() {
            return "(" + collectionId + ", " + ref + ")";
        }
    }

    /**
     * Whether {@code id} is a valid collection ID: at most 255 characters, at least two dot-separated elements, each
     * {@code [A-Za-z_][A-Za-z0-9_]*} (libostree's rule, borrowed from D-Bus interface names).
     */
    public static boolean isValidCollectionId(String id) {
        return id != null && id.length() <= 255 && COLLECTION_ID.matcher(id).matches();
    }

    /**
     * Returns {@code id} when it is a valid collection ID.
     *
     * @throws IllegalArgumentException when {@code id} is not a valid collection ID
     */
    public static String requireValidCollectionId(String id) {
        if (!isValidCollectionId(id)) {
            throw new IllegalArgumentException("Invalid collection ID " + id);
        }
        return id;
    }

    /** Whether {@code name} is a valid remote name (one ref fragment). */
    public static boolean isValidRemote(String name) {
        return name != null && REMOTE.matcher(name).matches();
    }

    /** Whether {@code ref} is a valid ref name. */
    public static boolean isValidRef(String ref) {
        return ref != null && REF.matcher(ref).matches();
    }

    /**
     * Returns {@code ref} when it is a valid ref name.
     *
     * @throws IllegalArgumentException when {@code ref} is not a valid ref name
     */
    public static String requireValidRef(String ref) {
        if (!isValidRef(ref)) {
            throw new IllegalArgumentException("Invalid ref name '" + ref + "'");
        }
        return ref;
    }

    /**
     * Parses {@code ref} or {@code remote:ref}.
     *
     * @throws IllegalArgumentException when either part is invalid
     */
    public static Refspec parse(String refspec) {
        Objects.requireNonNull(refspec, "refspec");
        int colon = refspec.indexOf(':');
        if (colon < 0) {
            return new Refspec(null, refspec);
        }
        return new Refspec(refspec.substring(0, colon), refspec.substring(colon + 1));
    }
}
