package dev.coreos4j.ostree.container;

import java.util.Optional;

/**
 * How {@link ImageImport#importImage} stores an image. Immutable.
 *
 * @param ref a ref to point at the imported commit (set in the same transaction), or empty
 */
public record ImportOptions(Optional<String> ref) {

    /** Checks for nulls; collections are copied unmodifiable. */
    public ImportOptions {
        java.util.Objects.requireNonNull(ref, "ref");
    }

    /** Import without setting a ref. */
    public static ImportOptions defaults() {
        return new ImportOptions(Optional.empty());
    }

    /** A copy that sets {@code ref} to the imported commit. */
    public ImportOptions withRef(String ref) {
        return new ImportOptions(Optional.of(ref));
    }
}
