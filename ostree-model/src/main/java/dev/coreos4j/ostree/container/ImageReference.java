package dev.coreos4j.ostree.container;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An ostree-ext image reference, as rpm-ostree and bootc spell them in origins and on the command line:
 * {@code ostree-unverified-image:oci:DIR[:TAG]}, {@code ostree-unverified-image:oci-archive:FILE[:TAG]},
 * {@code ostree-unverified-registry:HOST/NAME[:TAG|@sha256:…]} (the same as
 * {@code ostree-unverified-image:registry:…} and {@code …:docker://…}). "Unverified" means no signature policy is
 * applied; every digest is still verified. Immutable.
 *
 * @param transport where the image lives
 * @param name the transport-specific part: {@code DIR[:TAG]}, {@code FILE[:TAG]} or {@code HOST/NAME[:TAG|@DIGEST]}
 */
public record ImageReference(Transport transport, String name) {

    /** Where an image lives. */
    public enum Transport {
        /** An OCI image layout directory ({@code oci:}). */
        OCI,
        /** An OCI image layout in a tar file ({@code oci-archive:}). */
        OCI_ARCHIVE,
        /** A registry speaking the OCI distribution API ({@code registry:} / {@code docker://}). */
        REGISTRY
    }

    private static final String UNVERIFIED_IMAGE = "ostree-unverified-image:";
    private static final String UNVERIFIED_REGISTRY = "ostree-unverified-registry:";

    /** @throws IllegalArgumentException on an empty name */
    public ImageReference {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("empty or multi-line image name");
        }
    }

    /** An OCI layout directory, optionally with a tag. */
    public static ImageReference ociDir(Path dir, String tag) {
        return new ImageReference(Transport.OCI, dir + (tag == null ? "" : ":" + tag));
    }

    /** An OCI archive file. */
    public static ImageReference ociArchive(Path file) {
        return new ImageReference(Transport.OCI_ARCHIVE, file.toString());
    }

    /**
     * Parses an ostree image reference ({@code ostree-unverified-image:…}, {@code ostree-unverified-registry:…}) or a
     * bare containers-image reference ({@code oci:DIR[:TAG]}, {@code oci-archive:FILE}, {@code registry:…},
     * {@code docker://…}).
     *
     * @throws ImageException ({@link ImageException.Kind#MALFORMED}) on an unknown spelling, or
     *     ({@link ImageException.Kind#UNSUPPORTED}) for signed references, which need a signature policy
     */
    public static ImageReference parse(String text) throws ImageException {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(UNVERIFIED_REGISTRY)) {
            return registry(text.substring(UNVERIFIED_REGISTRY.length()), text);
        }
        if (text.startsWith(UNVERIFIED_IMAGE)) {
            return bare(text.substring(UNVERIFIED_IMAGE.length()), text);
        }
        if (text.startsWith("ostree-remote-image:")
                || text.startsWith("ostree-image-signed:")
                || text.startsWith("ostree-remote-registry:")) {
            throw new ImageException(
                    ImageException.Kind.UNSUPPORTED,
                    text,
                    "signed image references are not supported (use ostree-unverified-image: or "
                            + "ostree-unverified-registry:)");
        }
        return bare(text, text);
    }

    private static ImageReference bare(String s, String whole) throws ImageException {
        if (s.startsWith("oci:")) {
            return nonEmpty(Transport.OCI, s.substring(4), whole);
        }
        if (s.startsWith("oci-archive:")) {
            return nonEmpty(Transport.OCI_ARCHIVE, s.substring(12), whole);
        }
        if (s.startsWith("registry:")) {
            return registry(s.substring(9), whole);
        }
        if (s.startsWith("docker://")) {
            return registry(s.substring(9), whole);
        }
        throw new ImageException(
                ImageException.Kind.MALFORMED,
                whole,
                "unknown image reference (expected ostree-unverified-image:oci:DIR[:TAG], "
                        + "ostree-unverified-image:oci-archive:FILE or ostree-unverified-registry:HOST/NAME:TAG)");
    }

    private static ImageReference nonEmpty(Transport t, String name, String whole) throws ImageException {
        if (name.isEmpty() || name.startsWith(":")) {
            throw new ImageException(ImageException.Kind.MALFORMED, whole, "missing path");
        }
        return new ImageReference(t, name);
    }

    private static ImageReference registry(String name, String whole) throws ImageException {
        ImageReference r = nonEmpty(Transport.REGISTRY, name, whole);
        r.registryParts(whole);
        return r;
    }

    /** The file or directory of an OCI layout or archive. @throws IllegalStateException for a registry */
    public Path path() {
        return Path.of(splitTag()[0]);
    }

    /** The tag of an OCI layout or archive reference, if any. @throws IllegalStateException for a registry */
    public Optional<String> tag() {
        return Optional.ofNullable(splitTag()[1]);
    }

    private String[] splitTag() {
        if (transport == Transport.REGISTRY) {
            throw new IllegalStateException("a registry reference has no path");
        }
        int colon = name.indexOf(':');
        return colon < 0
                ? new String[] {name, null}
                : new String[] {name.substring(0, colon), name.substring(colon + 1)};
    }

    /**
     * The registry parts of a {@link Transport#REGISTRY} reference.
     *
     * @param host registry host and optional port ({@code docker.io} when the name has none)
     * @param repository the repository path, e.g. {@code fedora/fedora-coreos}
     * @param reference the tag or {@code sha256:…} digest ({@code latest} by default)
     */
    public record RegistryName(String host, String repository, String reference) {}

    /** The registry parts. @throws IllegalStateException for an OCI reference */
    public RegistryName registryName() {
        try {
            return registryParts(name);
        } catch (ImageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private RegistryName registryParts(String whole) throws ImageException {
        if (transport != Transport.REGISTRY) {
            throw new IllegalStateException("not a registry reference");
        }
        String rest = name;
        String reference = "latest";
        int at = rest.indexOf('@');
        if (at >= 0) {
            reference = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!Descriptor.isDigest(reference)) {
                throw new ImageException(ImageException.Kind.MALFORMED, whole, "not a sha256 digest: " + reference);
            }
        } else {
            int slash = rest.lastIndexOf('/');
            int colon = rest.lastIndexOf(':');
            if (colon > slash) {
                reference = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
        }
        String host = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                host = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (host.equals("docker.io") && rest.indexOf('/') < 0) {
            rest = "library/" + rest;
        }
        if (rest.isEmpty()
                || !rest.matches("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*")) {
            throw new ImageException(ImageException.Kind.MALFORMED, whole, "invalid repository name '" + rest + "'");
        }
        if (!reference.startsWith("sha256:") && !reference.matches("[\\w][\\w.-]{0,127}")) {
            throw new ImageException(ImageException.Kind.MALFORMED, whole, "invalid tag '" + reference + "'");
        }
        return new RegistryName(host, rest, reference);
    }

    /** The containers-image form without the ostree prefix: {@code oci:…}, {@code oci-archive:…}, {@code docker://…}. */
    public String containersImage() {
        return switch (transport) {
            case OCI -> "oci:" + name;
            case OCI_ARCHIVE -> "oci-archive:" + name;
            default -> "docker://" + name;
        };
    }

    /**
     * The ostree image reference as rpm-ostree writes it in an origin: {@code ostree-unverified-registry:NAME} for a
     * registry, else {@code ostree-unverified-image:oci:…} / {@code ostree-unverified-image:oci-archive:…}.
     */
    @Override
    public String toString() {
        return switch (transport) {
            case OCI -> UNVERIFIED_IMAGE + "oci:" + name;
            case OCI_ARCHIVE -> UNVERIFIED_IMAGE + "oci-archive:" + name;
            default -> UNVERIFIED_REGISTRY + name;
        };
    }
}
