package dev.coreos4j.ostree.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.jspecify.annotations.Nullable;

/** An OCI image layout inside a tar file ({@code oci-archive:}), read in place with random access. */
final class OciArchiveSource implements ImageSource {

    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final @Nullable String tag;
    private final String where;

    OciArchiveSource(ImageReference ref) throws IOException {
        Path file = ref.path();
        this.where = ref.toString();
        this.tag = ref.tag().orElse(null);
        try {
            this.tar = new TarFile(file, "UTF-8");
        } catch (NoSuchFileException e) {
            throw new ImageException(ImageException.Kind.NOT_FOUND, where, "no such file " + file);
        } catch (IOException | RuntimeException e) {
            throw new ImageException(ImageException.Kind.MALFORMED, where, "not a tar archive: " + e.getMessage(), e);
        }
        for (TarArchiveEntry e : tar.getEntries()) {
            String name = e.getName();
            while (name.startsWith("./")) {
                name = name.substring(2);
            }
            if (e.isFile()) {
                entries.put(name, e);
            }
        }
    }

    @Override
    public String describe() {
        return where;
    }

    private InputStream open(String name) throws IOException {
        TarArchiveEntry e = entries.get(name);
        if (e == null) {
            throw new ImageException(ImageException.Kind.NOT_FOUND, where, name + " is missing from the archive");
        }
        return new BufferedInputStream(tar.getInputStream(e), 1 << 17);
    }

    @Override
    public Fetched manifest() throws IOException {
        byte[] index;
        try (InputStream in = open("index.json")) {
            index = ImageSource.readBounded(in, MAX_JSON, where + " index.json");
        }
        Descriptor d = ImageSource.pick(Json.parse(index, where + " index.json"), tag, where);
        return resolveManifest(d, where);
    }

    @Override
    public InputStream openBlob(Descriptor blob) throws IOException {
        return open("blobs/sha256/" + blob.hex());
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
