package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import java.util.Objects;

/**
 * What {@link ImageImport#importImage} did.
 *
 * @param commit the imported commit (equal to the image's {@code ostree.commit} label)
 * @param manifestDigest the manifest's {@code sha256:…} digest
 * @param manifest the manifest
 * @param config the image configuration
 * @param layersFetched layers read from the source
 * @param layersSkipped layers not read because the repository already held their objects
 * @param bytesFetched compressed bytes read from the source for layers
 */
public record ImportResult(
        Checksum commit,
        String manifestDigest,
        ImageManifest manifest,
        ImageConfig config,
        int layersFetched,
        int layersSkipped,
        long bytesFetched) {
    /** Checks for nulls; collections are copied unmodifiable. */
    public ImportResult {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(config, "config");
    }
}
