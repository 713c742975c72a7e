package dev.coreos4j.ostree.deploy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a deployment came from: the {@code [origin]} group of its {@code .origin} keyfile. Exactly one of
 * {@code refspec} ({@code remote:ref}, a local ref or a bare checksum) and {@code containerImageReference}
 * (an ostree-ext image reference such as {@code ostree-unverified-registry:quay.io/fedora/fedora-coreos:stable}) is set.
 *
 * @param refspec the {@code refspec=} value, or {@code null}
 * @param containerImageReference the {@code container-image-reference=} value, or {@code null}
 */
public record Origin(@Nullable String refspec, @Nullable String containerImageReference) {

    /**
     * @throws IllegalArgumentException unless exactly one of the two is a non-blank single line
     */
    public Origin {
        if ((refspec == null) == (containerImageReference == null)) {
            throw new IllegalArgumentException("an origin has exactly one of refspec and container-image-reference");
        }
        String value = refspec != null ? refspec : Objects.requireNonNull(containerImageReference);
        if (value.isBlank() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("origin value must be one non-blank line: '" + value + "'");
        }
    }

    /** An origin that follows {@code refspec} ({@code remote:ref}, {@code ref} or a commit checksum). */
    public static Origin ofRefspec(String refspec) {
        return new Origin(Objects.requireNonNull(refspec, "refspec"), null);
    }

    /** An origin that follows a container image. */
    public static Origin ofContainerImage(String reference) {
        return new Origin(null, Objects.requireNonNull(reference, "reference"));
    }

    /** The value rpm-ostree shows on the first line of a status block. */
    public String describe() {
        return refspec != null ? refspec : Objects.requireNonNull(containerImageReference);
    }
}
