package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.internal.AtomicFile;
import dev.coreos4j.ostree.internal.FsyncPolicy;
import dev.coreos4j.ostree.repo.FileTrees;
import dev.coreos4j.ostree.repo.Repository;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Encapsulates an OSTree commit as a container image in the ostree-ext format (bootc's {@code crates/ostree-ext},
 * {@code container/encapsulate.rs}), the format rpm-ostree and bootc deploy from and RHEL CoreOS ships in.
 *
 * <p>The image's first layer (the "ostree layer") holds the commit, its detached metadata, every dirtree and
 * dirmeta and the directories of the tree; the component layers that follow hold the content objects (see
 * {@link EncapsulateOptions#maxLayers()}); with one layer, the ostree layer holds everything. Each layer is a tar of
 * a {@code bare-split-xattrs} repository at {@code sysroot/ostree/repo} plus the root filesystem as hardlinks to its
 * objects ({@code /usr/etc} appears as {@code etc}), so the image also runs as an ordinary container.
 *
 * <p>Labels (in the config and as manifest annotations): {@code ostree.commit}, {@code ostree.final-diffid} (the
 * diff_id of the last ostree layer), {@code org.opencontainers.image.version} from the commit's {@code version},
 * {@code ostree.bootable} and {@code containers.bootc=1} when the commit has {@code ostree.bootable},
 * {@code ostree.linux}, then the caller's labels.
 *
 * <p>The output is deterministic: the same commit and options give byte-identical blobs and the same manifest
 * digest (every tar entry has mtime 0 and no owner names; JSON keys are in a fixed order; gzip is compressed in
 * fixed 128 KiB blocks on all cores, pigz-style, so the bytes do not depend on the thread count). Layers are streamed —
 * memory does not grow with the image size. Nothing is changed when it fails: blobs are renamed into place only
 * when complete, {@code index.json} (or the archive file) is replaced last and atomically.
 */
public final class Encapsulation {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Encapsulation() {}

    /**
     * Writes {@code rev} of {@code repo} as an image to {@code destination}: an OCI layout directory
     * ({@code oci:DIR[:TAG]}, created when missing; with a tag other tags are kept) or an OCI archive
     * ({@code oci-archive:FILE}, replaced).
     *
     * @param rev a ref or commit checksum of {@code repo}
     * @throws IllegalArgumentException when {@code rev} does not resolve or the commit is partial
     * @throws ImageException ({@link ImageException.Kind#UNSUPPORTED}) for a registry destination (push with
     *     {@code skopeo copy oci:DIR docker://…})
     * @throws IOException when the repository cannot be read or the destination written
     */
    public static EncapsulateResult encapsulate(
            Repository repo, String rev, ImageReference destination, EncapsulateOptions options) throws IOException {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
        Checksum commit = repo.resolve(rev);
        if (repo.isPartial(commit)) {
            throw new IllegalArgumentException("commit " + commit + " is partial in " + repo.path());
        }
        switch (destination.transport()) {
            case OCI -> {
                OciLayout layout = new OciLayout(destination.path());
                return write(repo, commit, layout, destination.tag().orElse(null), options);
            }
            case OCI_ARCHIVE -> {
                Path file = destination.path().toAbsolutePath();
                Path tmpDir = AtomicFile.tempName(
                        Objects.requireNonNull(file.getParent(), "archive path has a parent"),
                        "." + file.getFileName() + ".layout-");
                try {
                    EncapsulateResult r = write(
                            repo,
                            commit,
                            new OciLayout(tmpDir),
                            destination.tag().orElse(null),
                            options);
                    writeArchive(tmpDir, file);
                    return r;
                } finally {
                    FileTrees.deleteTree(tmpDir);
                }
            }
            default ->
                throw new ImageException(
                        ImageException.Kind.UNSUPPORTED,
                        destination.toString(),
                        "encapsulate writes oci: and oci-archive: destinations; push those with skopeo copy");
        }
    }

    /** The labels ostree-ext derives from a commit ({@code encapsulate.rs}: {@code commit_meta_to_labels}). */
    static SortedMap<String, String> commitLabels(CommitObject c, Checksum commit) {
        TreeMap<String, String> labels = new TreeMap<>();
        Optional<Variant> bootable = c.metadata().get("ostree.bootable");
        if (bootable.isPresent() && bootable.get().type().equals("b")) {
            labels.put(ImageConfig.BOOTABLE, String.valueOf(bootable.get().value()));
            labels.put(ImageConfig.BOOTC, "1");
        }
        Optional<Variant> linux = c.metadata().get("ostree.linux");
        if (linux.isPresent() && linux.get().type().equals("s")) {
            labels.put("ostree.linux", linux.get().asString());
        }
        c.version().ifPresent(v -> labels.put(ImageConfig.VERSION, v));
        labels.put(ImageConfig.OSTREE_COMMIT, commit.hex());
        return labels;
    }

    private record Layer(Descriptor descriptor, String diffId, String description) {}

    private interface TarBody {
        void write(LayerWriter w) throws IOException;
    }

    private static EncapsulateResult write(
            Repository repo, Checksum commit, OciLayout layout, @Nullable String tag, EncapsulateOptions options)
            throws IOException {
        CommitObject c = repo.readCommit(commit);
        SortedMap<String, String> labels = commitLabels(c, commit);
        labels.putAll(options.labels());
        Chunking chunking = Chunking.compute(repo, commit, options.maxLayers());
        String description = c.subject().isEmpty() ? "ostree export of commit " + commit.hex() : c.subject();

        List<Layer> layers = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = threads > 1
                ? Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "coreos4j-gzip");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        try {
            layers.add(writeLayer(repo, layout, options.compression(), pool, threads, Map.of(), description, w -> {
                w.writeCommitStructure(commit);
                w.writeContent(chunking.remainder);
            }));
            for (Chunking.Chunk chunk : chunking.chunks) {
                layers.add(writeLayer(
                        repo,
                        layout,
                        options.compression(),
                        pool,
                        threads,
                        Chunking.annotations(chunk),
                        chunk.name(),
                        w -> {
                            w.writeRepoStructure();
                            w.writeContent(chunk.content());
                        }));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        labels.put(ImageConfig.FINAL_DIFFID, layers.get(layers.size() - 1).diffId());

        String created = options.created() != null ? options.created() : CREATED.format(c.time());
        String arch = options.architecture() != null ? options.architecture() : EncapsulateOptions.hostArchitecture();
        List<String> diffIds = new ArrayList<>();
        List<String> history = new ArrayList<>();
        List<Descriptor> descriptors = new ArrayList<>();
        for (Layer l : layers) {
            diffIds.add(l.diffId());
            history.add(l.description());
            descriptors.add(l.descriptor());
        }
        ImageConfig config = new ImageConfig(created, arch, "linux", labels, diffIds, history);
        byte[] configJson = config.toJson();
        String configDigest = layout.writeBlob(configJson);
        ImageManifest manifest = new ImageManifest(
                ImageManifest.OCI_MEDIA_TYPE,
                new Descriptor(ImageManifest.OCI_CONFIG, configDigest, configJson.length, Map.of()),
                descriptors,
                labels);
        byte[] manifestJson = manifest.toJson();
        String manifestDigest = layout.writeBlob(manifestJson);
        layout.setManifest(
                new Descriptor(ImageManifest.OCI_MEDIA_TYPE, manifestDigest, manifestJson.length, Map.of()),
                tag,
                arch,
                "linux");
        return new EncapsulateResult(commit, manifestDigest, manifest, config);
    }

    private static Layer writeLayer(
            Repository repo,
            OciLayout layout,
            Compression compression,
            @Nullable ExecutorService pool,
            int threads,
            Map<String, String> annotations,
            String description,
            TarBody body)
            throws IOException {
        try (AtomicFile tmp = layout.newBlob()) {
            Digesting.Out compressed;
            Digesting.Out uncompressed;
            try (OutputStream file = new BufferedOutputStream(tmp.outputStream(), 1 << 17)) {
                compressed = new Digesting.Out(file, false);
                OutputStream z = compression.compress(compressed, pool, threads);
                uncompressed = new Digesting.Out(new BufferedOutputStream(z, 1 << 17), false);
                try (LayerWriter w = new LayerWriter(repo, uncompressed)) {
                    body.write(w);
                }
                uncompressed.flush();
                z.close(); // finishes the compressed stream; compressed does not close the file
            }
            String digest = compressed.digest();
            long size = compressed.count();
            String diffId = uncompressed.digest();
            layout.publish(tmp, digest);
            return new Layer(
                    new Descriptor(compression.layerMediaType(), digest, size, annotations), diffId, description);
        }
    }

    /** Tars a layout directory into {@code file} (via a temp file and an atomic rename), entries sorted. */
    private static void writeArchive(Path layoutDir, Path file) throws IOException {
        Path dir = file.getParent();
        try (AtomicFile tmp = AtomicFile.create(dir == null ? Path.of(".") : dir, FsyncPolicy.NONE)) {
            try (OutputStream out = new BufferedOutputStream(tmp.outputStream(), 1 << 17);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                archiveFile(tar, layoutDir.resolve("oci-layout"), "oci-layout");
                archiveFile(tar, layoutDir.resolve("index.json"), "index.json");
                archiveDir(tar, "blobs/");
                archiveDir(tar, "blobs/sha256/");
                List<Path> blobs = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(layoutDir.resolve("blobs/sha256"))) {
                    for (Path p : ds) {
                        if (Descriptor.isDigest("sha256:" + p.getFileName())) {
                            blobs.add(p);
                        }
                    }
                }
                blobs.sort(null);
                for (Path p : blobs) {
                    archiveFile(tar, p, "blobs/sha256/" + p.getFileName());
                }
                tar.finish();
            }
            tmp.commit(file);
        }
    }

    private static TarArchiveEntry archiveEntry(String name, byte flag, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setModTime(FileTime.from(Instant.EPOCH));
        e.setUserName("");
        e.setGroupName("");
        e.setUserId(0);
        e.setGroupId(0);
        e.setMode(mode);
        return e;
    }

    private static void archiveDir(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(archiveEntry(name, TarConstants.LF_DIR, 0755));
        tar.closeArchiveEntry();
    }

    private static void archiveFile(TarArchiveOutputStream tar, Path source, String name) throws IOException {
        TarArchiveEntry e = archiveEntry(name, TarConstants.LF_NORMAL, 0644);
        e.setSize(Files.size(source));
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
