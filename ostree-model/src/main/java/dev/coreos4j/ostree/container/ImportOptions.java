package dev.coreos4j.ostree.container;

import org.jspecify.annotations.Nullable;

/**
 * How {@link ImageImport#importImage} stores an image. Immutable.
 *
 * @param ref a ref to point at the imported commit (set in the same transaction), or {@code null} for none
 */
public record ImportOptions(@Nullable String ref) {

    /** Import without setting a ref. */
    public static ImportOptions defaults() {
        return new ImportOptions(null);
    }

    /** A copy that sets {@code ref} to the imported commit. */
    public ImportOptions withRef(String ref) {
        return new ImportOptions(java.util.Objects.requireNonNull(ref, "ref"));
    }
}
