package dev.coreos4j.ostree;

/**
 * How to check a repository.
 *
 * @param markPartial write {@code state/<commit>.commitpartial} (content {@code f}) for commits with missing or
 *     corrupt objects, as {@code ostree fsck} does
 * @param delete {@code --delete}: remove corrupt objects (they then count as missing)
 */
public record FsckOptions(boolean markPartial, boolean delete) {

    /** Marks partial commits, deletes nothing: what {@code ostree fsck} does by default. */
    public static FsckOptions defaults() {
        return new FsckOptions(true, false);
    }
}
