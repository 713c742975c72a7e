package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.CorruptObjectException;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectFormatException;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.internal.Filez;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the loose objects of one {@link Repository} ({@code objects/XX/REST.TYPE}): metadata bytes, detached
 * metadata, content headers and inflated content, and object listings. Every object must be a regular file; a
 * missing or malformed one is a {@link CorruptObjectException} naming it. Stateless apart from its repository.
 */
final class ObjectReader {

    private final Repository repo;

    ObjectReader(Repository repo) {
        this.repo = repo;
    }

    byte[] metadataBytes(ObjectType type, Checksum checksum) throws IOException {
        if (!type.isMeta()) {
            throw new IllegalArgumentException("not a metadata type: " + type);
        }
        Path p = repo.objectPath(type, checksum);
        requireRegularIfPresent(p, type, checksum);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, type, "No such metadata object");
        }
    }

    Optional<Metadata> detachedMetadata(Checksum commit) throws IOException {
        Path p = repo.objectPath(ObjectType.COMMIT_META, commit);
        requireRegularIfPresent(p, ObjectType.COMMIT_META, commit);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Metadata.parse(bytes));
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(commit, ObjectType.COMMIT_META, e.getMessage());
        }
    }

    ContentObject file(Checksum checksum) throws IOException {
        Path p = repo.objectPath(ObjectType.FILE, checksum);
        requireRegularIfPresent(p, ObjectType.FILE, checksum);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 8192)) {
            FileHeader.Archived a = Filez.readHeader(in, Files.size(p));
            return new ContentObject(checksum, a.header(), a.size());
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, "No such content object");
        } catch (ObjectFormatException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        }
    }

    InputStream openContent(Checksum checksum) throws IOException {
        Path p = repo.objectPath(ObjectType.FILE, checksum);
        requireRegularIfPresent(p, ObjectType.FILE, checksum);
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(p), 65536);
        } catch (NoSuchFileException e) {
            throw new CorruptObjectException(checksum, ObjectType.FILE, "No such content object");
        }
        try {
            FileHeader.Archived a = Filez.readHeader(in, Files.size(p));
            if (a.header().isSymlink()) {
                in.close();
                return InputStream.nullInputStream();
            }
            return Filez.inflate(in);
        } catch (ObjectFormatException e) {
            in.close();
            throw new CorruptObjectException(checksum, ObjectType.FILE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    List<Checksum> listObjects(ObjectType type) throws IOException {
        List<Checksum> out = new ArrayList<>();
        Path objects = repo.path().resolve("objects");
        String suffix = "." + type.extension();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(objects)) {
            for (Path dir : prefixes) {
                String xx = dir.getFileName().toString();
                if (xx.length() != 2 || !Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        String hex = xx + name.substring(0, name.length() - suffix.length());
                        if (Checksum.isValid(hex)) {
                            out.add(Checksum.of(hex));
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Refuses to open an object that is not a regular file (a FIFO would block the reader, a directory would fail with
     * an anonymous I/O error); a missing object is left to the caller's open.
     */
    private static void requireRegularIfPresent(Path p, ObjectType type, Checksum checksum) throws IOException {
        String what = Fsck.notRegular(p);
        if (what != null && !what.isEmpty()) {
            throw new CorruptObjectException(checksum, type, what);
        }
    }
}
