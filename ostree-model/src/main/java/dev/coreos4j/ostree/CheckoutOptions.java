package dev.coreos4j.ostree;

import java.util.Objects;

/**
 * How to check out a commit.
 *
 * @param userMode {@code -U/--user-mode}: do not change ownership and drop setuid/setgid bits, so that no root is
 *     needed (as {@code ostree checkout -U}); otherwise owners are set from the objects (needs root)
 * @param subpath {@code --subpath}: the path inside the commit to check out, {@code /} for all
 */
public record CheckoutOptions(boolean userMode, String subpath) {

    public CheckoutOptions {
        Objects.requireNonNull(subpath, "subpath");
        Repository.splitPath(subpath);
    }

    /** User mode, whole tree. */
    public static CheckoutOptions user() {
        return new CheckoutOptions(true, "/");
    }

    /** A copy with {@code subpath}. */
    public CheckoutOptions withSubpath(String subpath) {
        return new CheckoutOptions(userMode, subpath);
    }
}
