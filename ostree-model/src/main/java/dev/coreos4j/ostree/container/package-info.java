/**
 * OS updates as container images in the ostree-ext format (rpm-ostree's and bootc's, the format RHEL CoreOS ships):
 * {@link dev.coreos4j.ostree.container.Encapsulation} writes a commit as an OCI image,
 * {@link dev.coreos4j.ostree.container.ImageImport} verifies and imports one into an archive repository from an OCI
 * layout, an OCI archive or a registry, {@link dev.coreos4j.ostree.container.LayerDiff} compares two images' layers.
 *
 * <p>Image references are {@link dev.coreos4j.ostree.container.ImageReference}s; a refused image is an
 * {@link dev.coreos4j.ostree.container.ImageException} with a stable kind.
 */
package dev.coreos4j.ostree.container;
