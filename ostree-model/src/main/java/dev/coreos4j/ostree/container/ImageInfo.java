package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import java.util.Objects;

/**
 * An image's verified manifest and config, as {@link ImageImport#inspect} reads them.
 *
 * @param reference the image
 * @param manifestDigest the manifest's {@code sha256:…} digest
 * @param manifest the manifest
 * @param config the configuration
 * @param commit the {@code ostree.commit} the image encapsulates
 */
public record ImageInfo(
        ImageReference reference, String manifestDigest, ImageManifest manifest, ImageConfig config, Checksum commit) {
    /** Checks for nulls; collections are copied unmodifiable. */
    public ImageInfo {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(commit, "commit");
    }
}
