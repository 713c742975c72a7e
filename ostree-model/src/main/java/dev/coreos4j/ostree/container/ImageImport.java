package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.Transaction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports an ostree-ext container image into an archive {@link Repository} (ostree-ext's
 * {@code container/store.rs} and {@code tar/import.rs}; {@code ostree container unencapsulate}).
 *
 * <p>Everything is verified while it streams: the manifest against the digest that named it, the config against
 * the manifest, each layer blob's size and SHA-256 against its descriptor and its uncompressed SHA-256 against
 * {@code rootfs.diff_ids}; every object against its name; the commit must hash to the image's {@code ostree.commit}
 * label, and the layers must hold (with what the repository already has) every object the commit reaches. Layers
 * are never held in memory.
 *
 * <p>All objects are staged in one repository {@link Transaction}; it is committed only after every check passed,
 * so a refused image — a non-ostree image, a digest mismatch, a corrupt object, a hostile tar entry — leaves the
 * repository exactly as it was, and so does a crash at any point (objects are published before any ref).
 *
 * <p>Layers whose objects the repository already holds (recorded under {@code extensions/coreos4j/container/layers/}
 * by earlier imports, keyed by diff_id and re-checked object by object) are not read at all; for a registry that
 * means they are not downloaded.
 */
public final class ImageImport {

    static final String LAYER_RECORDS = "extensions/coreos4j/container/layers";

    private ImageImport() {}

    /**
     * Imports the image {@code reference} names.
     *
     * @throws ImageException when the image is refused (see {@link ImageException.Kind}); the repository is unchanged
     * @throws IOException on I/O errors reading the source or writing the repository
     */
    public static ImportResult importImage(Repository repo, ImageReference reference, ImportOptions options)
            throws IOException {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(options, "options");
        try (ImageSource source = open(reference)) {
            return importFrom(repo, source, options);
        }
    }

    static ImageSource open(ImageReference ref) throws IOException {
        return switch (ref.transport()) {
            case OCI -> new OciDirSource(ref);
            case OCI_ARCHIVE -> new OciArchiveSource(ref);
            default -> new RegistrySource(ref);
        };
    }

    /** The manifest and config of an image, verified. */
    record Inspected(ImageSource.Fetched manifest, ImageConfig config, Checksum commit) {}

    static Inspected inspect(ImageSource source) throws IOException {
        ImageSource.Fetched m = source.manifest();
        String where = source.describe();
        byte[] configBytes = source.readBlob(m.manifest().config());
        ImageConfig config = ImageConfig.parse(
                configBytes, where + " config " + m.manifest().config().digest());
        String label = config.labels().get(ImageConfig.OSTREE_COMMIT);
        if (label == null) {
            label = m.manifest().annotations().get(ImageConfig.OSTREE_COMMIT);
        }
        if (label == null) {
            throw new ImageException(
                    ImageException.Kind.NOT_OSTREE_IMAGE,
                    where,
                    "not an ostree-ext image: no " + ImageConfig.OSTREE_COMMIT + " label");
        }
        if (!Checksum.isValid(label)) {
            throw new ImageException(
                    ImageException.Kind.NOT_OSTREE_IMAGE,
                    where,
                    "the " + ImageConfig.OSTREE_COMMIT + " label '" + label + "' is not a commit checksum");
        }
        if (config.diffIds().size() != m.manifest().layers().size()) {
            throw new ImageException(
                    ImageException.Kind.MALFORMED,
                    where,
                    "the config names " + config.diffIds().size() + " diff_ids for "
                            + m.manifest().layers().size() + " layers");
        }
        String finalDiffId = config.labels().get(ImageConfig.FINAL_DIFFID);
        if (finalDiffId != null) {
            int last = config.diffIds().lastIndexOf(finalDiffId);
            if (last < 0) {
                throw new ImageException(
                        ImageException.Kind.MALFORMED,
                        where,
                        ImageConfig.FINAL_DIFFID + " " + finalDiffId + " is not among the image's diff_ids");
            }
            if (last != config.diffIds().size() - 1) {
                throw new ImageException(
                        ImageException.Kind.UNSUPPORTED,
                        where,
                        "derived image: " + (config.diffIds().size() - 1 - last) + " layer(s) after the ostree layers");
            }
        }
        return new Inspected(m, config, Checksum.of(label));
    }

    static ImportResult importFrom(Repository repo, ImageSource source, ImportOptions options) throws IOException {
        Inspected img = inspect(source);
        ImageManifest manifest = img.manifest().manifest();
        String where = source.describe();
        long[] counts = new long[3]; // layers fetched, layers skipped, bytes fetched
        if (isComplete(repo, img.commit())) {
            String ref = options.ref();
            if (ref != null) {
                repo.forceRef(ref, img.commit());
            }
            return new ImportResult(
                    img.commit(),
                    img.manifest().digest(),
                    manifest,
                    img.config(),
                    0,
                    manifest.layers().size(),
                    0);
        }
        List<LayerRecord> records = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = threads > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "coreos4j-import");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        try (Transaction tx = repo.begin()) {
            LayerImporter importer = new LayerImporter(repo, tx, img.commit(), where, pool);
            try {
                importLayers(source, manifest, img, importer, records, counts);
                importer.requireComplete();
            } finally {
                importer.abandonWrites();
            }
            if (options.ref() != null) {
                tx.setRef(options.ref(), img.commit());
            }
            tx.commit();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        for (LayerRecord r : records) {
            writeRecord(repo, r);
        }
        return new ImportResult(
                img.commit(),
                img.manifest().digest(),
                manifest,
                img.config(),
                (int) counts[0],
                (int) counts[1],
                counts[2]);
    }

    private static void importLayers(
            ImageSource source,
            ImageManifest manifest,
            Inspected img,
            LayerImporter importer,
            List<LayerRecord> records,
            long[] counts)
            throws IOException {
        String where = source.describe();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            String diffId = img.config().diffIds().get(i);
            if (i > 0 && haveLayer(importer.repository(), diffId, importer)) {
                counts[1]++;
                continue;
            }
            readLayer(source, layer, diffId, importer, where + " layer " + i + " (" + layer.digest() + ")");
            counts[0]++;
            counts[2] += layer.size();
            if (i > 0) {
                records.add(new LayerRecord(diffId, new TreeSet<>(importer.layerFiles)));
            }
        }
    }

    private static void readLayer(
            ImageSource source, Descriptor layer, String diffId, LayerImporter importer, String where)
            throws IOException {
        Compression compression = Compression.ofMediaType(layer.mediaType(), where);
        if (!Descriptor.isDigest(diffId)) {
            throw new ImageException(
                    ImageException.Kind.MALFORMED, where, "diff_id '" + diffId + "' is not a sha256 digest");
        }
        try (InputStream blob = source.openBlob(layer)) {
            Digesting.In raw = new Digesting.In(blob, layer.size(), where);
            try {
                Digesting.In plain = new Digesting.In(
                        compression.decompress(new BufferedInputStream(raw, 1 << 17)), Long.MAX_VALUE, where);
                importer.importTar(plain, "layer " + layer.digest());
                plain.drain();
                raw.drain();
                verifyBlob(raw, layer, where);
                if (!plain.digest().equals(diffId)) {
                    throw new ImageException(
                            ImageException.Kind.DIFF_ID_MISMATCH,
                            where,
                            "uncompressed layer hashes to " + plain.digest() + ", the config says " + diffId);
                }
            } catch (IOException | RuntimeException e) {
                // a damaged blob shows up as whatever broke first; name the root cause when it is the digest
                if (!(e instanceof ImageException ie
                        && (ie.kind() == ImageException.Kind.DIGEST_MISMATCH
                                || ie.kind() == ImageException.Kind.SIZE_MISMATCH
                                || ie.kind() == ImageException.Kind.DIFF_ID_MISMATCH))) {
                    try {
                        raw.drain();
                        verifyBlob(raw, layer, where);
                    } catch (ImageException digest) {
                        digest.addSuppressed(e);
                        throw digest;
                    } catch (IOException ignored) {
                        // the original failure is the better report
                    }
                    if (e instanceof ImageException) {
                        throw e;
                    }
                    throw new ImageException(
                            ImageException.Kind.MALFORMED, where, "unreadable layer: " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    private static void verifyBlob(Digesting.In raw, Descriptor layer, String where) throws ImageException {
        if (raw.count() != layer.size()) {
            throw new ImageException(
                    ImageException.Kind.SIZE_MISMATCH,
                    where,
                    "blob has " + raw.count() + " bytes, its descriptor says " + layer.size());
        }
        String actual = raw.digest();
        if (!actual.equals(layer.digest())) {
            throw new ImageException(ImageException.Kind.DIGEST_MISMATCH, where, "blob hashes to " + actual);
        }
    }

    /** Whether the repository holds the commit with every object it reaches. */
    static boolean isComplete(Repository repo, Checksum commit) throws IOException {
        if (!repo.has(ObjectType.COMMIT, commit) || repo.isPartial(commit)) {
            return false;
        }
        CommitObject c = repo.readCommit(commit);
        return treeComplete(repo, c.rootTree(), c.rootMeta());
    }

    private static boolean treeComplete(Repository repo, Checksum tree, Checksum meta) throws IOException {
        if (!repo.has(ObjectType.DIR_META, meta) || !repo.has(ObjectType.DIR_TREE, tree)) {
            return false;
        }
        DirTree t = repo.readDirTree(tree);
        for (DirTree.FileEntry f : t.files()) {
            if (!repo.has(ObjectType.FILE, f.checksum())) {
                return false;
            }
        }
        for (DirTree.DirEntry d : t.dirs()) {
            if (!treeComplete(repo, d.tree(), d.meta())) {
                return false;
            }
        }
        return true;
    }

    /** The content objects one component layer holds, recorded after a successful import. */
    record LayerRecord(String diffId, Set<Checksum> files) {}

    private static Path recordPath(Repository repo, String diffId) {
        return repo.path().resolve(LAYER_RECORDS).resolve(diffId.substring("sha256:".length()));
    }

    /** Whether an earlier import recorded this layer and every object of it is still in the repository. */
    private static boolean haveLayer(Repository repo, String diffId, LayerImporter importer) throws IOException {
        if (!Descriptor.isDigest(diffId)) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(recordPath(repo, diffId), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return false;
        }
        List<Checksum> objects = new ArrayList<>();
        for (String l : lines) {
            if (!Checksum.isValid(l)) {
                return false;
            }
            Checksum c = Checksum.of(l);
            if (!repo.has(ObjectType.FILE, c)) {
                return false;
            }
            objects.add(c);
        }
        importer.files.addAll(objects);
        return true;
    }

    private static void writeRecord(Repository repo, LayerRecord r) throws IOException {
        Path file = recordPath(repo, r.diffId());
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        r.files().forEach(c -> sb.append(c.hex()).append('\n'));
        try {
            OciLayout.writeAtomically(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads an image's manifest and config, verified, without importing anything.
     *
     * @throws ImageException when the image cannot be read or is not an ostree-ext image
     */
    public static ImageInfo inspect(ImageReference reference) throws IOException {
        try (ImageSource source = open(reference)) {
            Inspected i = inspect(source);
            return new ImageInfo(reference, i.manifest().digest(), i.manifest().manifest(), i.config(), i.commit());
        }
    }
}
