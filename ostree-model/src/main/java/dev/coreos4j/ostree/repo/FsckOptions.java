package dev.coreos4j.ostree.repo;

/**
 * How to check a repository.
 *
 * @param markPartial write {@code state/<commit>.commitpartial} (content {@code f}) for commits with missing or
 *     corrupt objects, as {@code ostree fsck} does
 * @param delete {@code --delete}: remove corrupt objects (they then count as missing); a corrupt commit goes with its
 *     {@code .commitmeta} and leaves no {@code .commitpartial}
 * @param verifyBindings {@code --verify-bindings}: the commit of every ref must list that ref in its
 *     {@code ostree.ref-binding}, and a collection–ref's commit must name that collection in
 *     {@code ostree.collection-binding}
 * @param verifyBackRefs {@code --verify-back-refs} (implies {@code verifyBindings}): every ref a commit's
 *     {@code ostree.ref-binding} lists must exist and name that commit
 */
public record FsckOptions(boolean markPartial, boolean delete, boolean verifyBindings, boolean verifyBackRefs) {

    /** Without the binding checks. */
    public FsckOptions(boolean markPartial, boolean delete) {
        this(markPartial, delete, false, false);
    }

    /** Marks partial commits, deletes nothing: what {@code ostree fsck} does by default. */
    public static FsckOptions defaults() {
        return new FsckOptions(true, false);
    }
}
