/**
 * OS updates as container images in the ostree-ext format (rpm-ostree's and bootc's, the format RHEL CoreOS ships):
 * {@link dev.coreos4j.ostree.container.Encapsulation} writes a commit as an OCI image,
 * {@link dev.coreos4j.ostree.container.ImageImport} verifies and imports one into an archive repository from an OCI
 * layout, an OCI archive or a registry, {@link dev.coreos4j.ostree.container.LayerDiff} compares two images' layers.
 *
 * <p>Image references are {@link dev.coreos4j.ostree.container.ImageReference}s; a refused image is an
 * {@link dev.coreos4j.ostree.container.ImageException} with a stable kind.
 *
 * <p>Contract: options, manifests, configs and results are immutable values. An image that fails verification (a
 * digest mismatch, a malformed manifest, an unsupported media type) is refused with an
 * {@link dev.coreos4j.ostree.container.ImageException} before anything becomes visible in the repository; I/O faults
 * are {@link java.io.IOException}s. Null is never a valid argument or result unless marked
 * {@link org.jspecify.annotations.Nullable}; {@link java.util.Optional} appears only as a return type.
 */
@NullMarked
package dev.coreos4j.ostree.container;

import org.jspecify.annotations.NullMarked;
