package dev.coreos4j.ostree;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Ref names and refspecs. A ref is {@code (?:F/)*F} with {@code F = [\w\d][-._\w\d]*} (ASCII word characters); a
 * refspec is {@code ref} or {@code remote:ref}.
 */
public final class Refs {

    private static final Pattern REF = Pattern.compile("(?:[\\w\\d][-._\\w\\d]*/)*[\\w\\d][-._\\w\\d]*");
    private static final Pattern REMOTE = Pattern.compile("[\\w\\d][-._\\w\\d]*");

    private Refs() {}

    /** A parsed refspec: an optional remote and a ref name. */
    public record Refspec(String remote, String ref) {
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

    /** Whether {@code ref} is a valid ref name. */
    public static boolean isValidRef(String ref) {
        return ref != null && REF.matcher(ref).matches();
    }

    /** @throws IllegalArgumentException when {@code ref} is not a valid ref name */
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
