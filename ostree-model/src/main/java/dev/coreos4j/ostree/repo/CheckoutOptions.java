package dev.coreos4j.ostree.repo;

import java.util.Objects;

/**
 * How to check out a commit.
 *
 * @param userMode {@code -U/--user-mode}: do not change ownership, drop setuid/setgid bits and restore no xattrs, so
 *     that no root is needed (as {@code ostree checkout -U}); otherwise owners and {@code user.*} xattrs are set from
 *     the objects (owners need root)
 * @param subpath {@code --subpath}: the path inside the commit to check out, {@code /} for all; a regular file or
 *     symlink is written as {@code TARGET/NAME} (into {@code TARGET} when it is an existing directory such as
 *     {@code .}), as ostree does
 * @param hardlinks {@code -H/--require-hardlinks}: hardlink the repository's objects instead of copying; an archive
 *     repository cannot, and the checkout is refused with ostree's message
 * @param forceCopy {@code -C/--force-copy}: never hardlink (what an archive repository always does)
 */
public record CheckoutOptions(boolean userMode, String subpath, boolean hardlinks, boolean forceCopy) {

    /**
     * Checks the path and the combination.
     *
     * @throws IllegalArgumentException on an invalid subpath, or {@code hardlinks} together with {@code forceCopy}
     *     ("Cannot specify both --require-hardlinks and --force-copy", as ostree)
     */
    public CheckoutOptions {
        Objects.requireNonNull(subpath, "subpath");
        TreeWalker.splitPath(subpath);
        if (hardlinks && forceCopy) {
            throw new IllegalArgumentException("Cannot specify both --require-hardlinks and --force-copy");
        }
    }

    /** {@code userMode} and {@code subpath}, copying the files. */
    public CheckoutOptions(boolean userMode, String subpath) {
        this(userMode, subpath, false, false);
    }

    /** User mode, whole tree. */
    public static CheckoutOptions user() {
        return new CheckoutOptions(true, "/");
    }

    /** A copy with {@code subpath}. */
    public CheckoutOptions withSubpath(String subpath) {
        return new CheckoutOptions(userMode, subpath, hardlinks, forceCopy);
    }
}
