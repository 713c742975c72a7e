package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import java.util.Objects;

/**
 * What {@link Encapsulation#encapsulate} wrote.
 *
 * @param commit the encapsulated commit
 * @param manifestDigest {@code sha256:…} of the manifest (what registries and {@code skopeo inspect} call the digest)
 * @param manifest the manifest
 * @param config the image configuration
 */
public record EncapsulateResult(Checksum commit, String manifestDigest, ImageManifest manifest, ImageConfig config) {
    /** Checks for nulls; collections are copied unmodifiable. */
    public EncapsulateResult {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(config, "config");
    }
}
