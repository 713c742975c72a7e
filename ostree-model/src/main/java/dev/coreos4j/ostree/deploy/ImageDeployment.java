package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.container.ImageImport;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.ImportOptions;
import dev.coreos4j.ostree.container.ImportResult;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Deploying from a container image, as rpm-ostree does for an {@code ostree-unverified-*} origin: the image is
 * imported (verified, layer by layer, skipping layers already held) into the sysroot's image store — an archive
 * repository at {@code ostree/repo/extensions/coreos4j/image-store} — its commit pulled into the system repository
 * under the ref {@code ostree/container/image/<escaped reference>} (ostree-ext's naming), and deployed with the origin
 * {@code container-image-reference=<reference>}. The manifest digest is recorded per commit for {@code status}.
 *
 * <p>Every step is crash-safe on its own: the import is one transaction, the pull writes objects before the commit
 * and the commit before the ref, the digest record is written atomically, and the deployment itself is the
 * sysroot's usual transition.
 */
final class ImageDeployment {

    static final String STORE = "extensions/coreos4j/image-store";
    static final String DIGESTS = "extensions/coreos4j/image-digests";
    static final String REF_PREFIX = "ostree/container/image/";

    private ImageDeployment() {}

    /** ostree-ext's {@code refescape}: keeps {@code [A-Za-z0-9.-]}, {@code _} becomes {@code __}, others {@code _XX_}. */
    static String escapeRef(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                sb.append(c);
            } else if (c == '_') {
                sb.append("__");
            } else {
                sb.append('_').append(String.format("%02X", b & 0xff)).append('_');
            }
        }
        return sb.toString();
    }

    /** The imported commit, after pulling it into the system repository. */
    record Pulled(Checksum commit, String manifestDigest) {}

    static Pulled pull(Sysroot sysroot, ImageReference image) throws IOException {
        SystemRepository sys = sysroot.repository();
        Repository store = Repository.init(sys.path().resolve(STORE));
        String ref = REF_PREFIX + escapeRef(image.toString());
        ImportResult r =
                ImageImport.importImage(store, image, ImportOptions.defaults().withRef(ref));
        sys.pullLocal(store, r.commit().hex());
        sys.setRef(ref, r.commit());
        Path record = sys.path().resolve(DIGESTS).resolve(r.commit().hex());
        Files.createDirectories(record.getParent());
        Fs.writeAtomically(record, r.manifestDigest() + "\n" + image + "\n");
        return new Pulled(r.commit(), r.manifestDigest());
    }

    /** The manifest digest recorded when {@code commit} was deployed from an image, if any. */
    static Optional<String> manifestDigest(SystemRepository sys, Checksum commit) throws IOException {
        try {
            List<String> lines =
                    Files.readAllLines(sys.path().resolve(DIGESTS).resolve(commit.hex()), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
