package dev.coreos4j.ostree.container;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** An OCI image layout directory. */
final class OciDirSource implements ImageSource {

    private final Path dir;
    private final @Nullable String tag;
    private final String where;

    OciDirSource(ImageReference ref) {
        this.dir = ref.path();
        this.tag = ref.tag().orElse(null);
        this.where = ref.toString();
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public Fetched manifest() throws IOException {
        Path index = dir.resolve("index.json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(index);
        } catch (NoSuchFileException e) {
            throw new ImageException(ImageException.Kind.NOT_FOUND, where, "no OCI layout (" + index + " is missing)");
        }
        Descriptor d = ImageSource.pick(Json.parse(bytes, index.toString()), tag, where);
        return resolveManifest(d, where);
    }

    @Override
    public InputStream openBlob(Descriptor blob) throws IOException {
        Path p = dir.resolve("blobs/sha256").resolve(blob.hex());
        try {
            return new BufferedInputStream(Files.newInputStream(p), 1 << 17);
        } catch (NoSuchFileException e) {
            throw new ImageException(
                    ImageException.Kind.NOT_FOUND, where + " " + blob.digest(), "blob " + p + " is missing");
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
