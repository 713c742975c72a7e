package dev.coreos4j.ostree.container;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Test-only edits of an OCI layout written by us: damaged or hostile images with consistent digests. */
final class ImageSurgery {

    /** Copies (or changes) the entries of a layer tar. */
    interface TarEdit {
        void edit(TarArchiveInputStream in, TarArchiveOutputStream out) throws IOException;
    }

    private ImageSurgery() {}

    static String sha256(byte[] b) throws IOException {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(byte[] b) throws IOException {
        return (Map<String, Object>) Json.parse(b, "test").value();
    }

    static Path blob(Path oci, String digest) {
        return oci.resolve("blobs/sha256").resolve(digest.substring(7));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(Path oci) throws IOException {
        Map<String, Object> index = json(Files.readAllBytes(oci.resolve("index.json")));
        Map<String, Object> d = (Map<String, Object>) ((List<Object>) index.get("manifests")).get(0);
        return json(Files.readAllBytes(blob(oci, (String) d.get("digest"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> config(Path oci) throws IOException {
        Map<String, Object> cfg = (Map<String, Object>) manifest(oci).get("config");
        return json(Files.readAllBytes(blob(oci, (String) cfg.get("digest"))));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> layers(Path oci) throws IOException {
        return (List<Map<String, Object>>) manifest(oci).get("layers");
    }

    static String write(Path oci, byte[] b) throws IOException {
        String d = sha256(b);
        Files.write(blob(oci, d), b);
        return d;
    }

    /** Writes a new config and manifest (and a one-manifest index) around edited JSON. */
    @SuppressWarnings("unchecked")
    static void commit(Path oci, Map<String, Object> manifest, Map<String, Object> config) throws IOException {
        byte[] c = Json.write(config);
        Map<String, Object> cd = (Map<String, Object>) manifest.get("config");
        cd.put("digest", write(oci, c));
        cd.put("size", (long) c.length);
        byte[] m = Json.write(manifest);
        String md = write(oci, m);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", ImageManifest.OCI_MEDIA_TYPE);
        d.put("digest", md);
        d.put("size", (long) m.length);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2L);
        index.put("manifests", new ArrayList<>(List.of(d)));
        Files.write(oci.resolve("index.json"), Json.write(index));
    }

    @SuppressWarnings("unchecked")
    static void editLabels(Path oci, Consumer<Map<String, Object>> edit) throws IOException {
        Map<String, Object> m = manifest(oci);
        Map<String, Object> c = config(oci);
        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) c.get("config")).get("Labels");
        edit.accept(labels);
        m.put("annotations", new TreeMap<>(labels));
        commit(oci, m, c);
    }

    /** Rewrites layer {@code index} (gzip) through {@code edit}, fixing digest, size, diff_id and final-diffid. */
    @SuppressWarnings("unchecked")
    static void editLayer(Path oci, int index, TarEdit edit) throws IOException {
        Map<String, Object> m = manifest(oci);
        Map<String, Object> c = config(oci);
        Map<String, Object> layer = ((List<Map<String, Object>>) m.get("layers")).get(index);
        byte[] compressed = Files.readAllBytes(blob(oci, (String) layer.get("digest")));
        Compression comp = Compression.ofMediaType((String) layer.get("mediaType"), "test");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream in = comp.decompress(new ByteArrayInputStream(compressed));
                TarArchiveInputStream tin = new TarArchiveInputStream(in, "UTF-8");
                TarArchiveOutputStream tout = new TarArchiveOutputStream(plain, 512, "UTF-8")) {
            tout.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            edit.edit(tin, tout);
            tout.finish();
        }
        byte[] tar = plain.toByteArray();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream out = comp.compress(z)) {
            out.write(tar);
        }
        byte[] blob = z.toByteArray();
        layer.put("digest", write(oci, blob));
        layer.put("size", (long) blob.length);
        Map<String, Object> rootfs = (Map<String, Object>) c.get("rootfs");
        List<Object> diffIds = (List<Object>) rootfs.get("diff_ids");
        String old = (String) diffIds.get(index);
        diffIds.set(index, sha256(tar));
        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) c.get("config")).get("Labels");
        if (old.equals(labels.get("ostree.final-diffid"))) {
            labels.put("ostree.final-diffid", sha256(tar));
        }
        m.put("annotations", new TreeMap<>(labels));
        commit(oci, m, c);
    }

    /** Copies every entry, calling {@code before} first to add entries at the start. */
    static TarEdit prepend(TarEdit before) {
        return (in, out) -> {
            before.edit(in, out);
            copyAll(in, out);
        };
    }

    static void copyAll(TarArchiveInputStream in, TarArchiveOutputStream out) throws IOException {
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            out.putArchiveEntry(e);
            in.transferTo(out);
            out.closeArchiveEntry();
        }
    }

    static void add(TarArchiveOutputStream out, TarArchiveEntry e, byte[] data) throws IOException {
        e.setSize(data.length);
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
    }

    /** Every file under a repository (not {@code .lock}) with its content hash: "unchanged" means equal snapshots. */
    static Map<String, String> snapshot(Path repo) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(repo)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = repo.relativize(p).toString();
                if (rel.equals(".lock") || rel.equals(".lock-refs")) {
                    continue;
                }
                out.put(rel, Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "dir");
            }
        }
        return out;
    }
}
