package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit object {@code (a{sv}aya(say)sstayay)}. Immutable. Serializing a parsed commit gives back exactly the
 * parsed bytes (metadata order is kept), so its checksum is stable.
 *
 * @param metadata the commit metadata, in serialization order
 * @param parent the parent commit, if any (it need not exist locally)
 * @param related the historical "related objects" list, normally empty
 * @param subject the subject line
 * @param body the body, possibly empty
 * @param timestamp seconds since the epoch (UTC)
 * @param rootTree the root dirtree checksum
 * @param rootMeta the root dirmeta checksum
 */
public record CommitObject(
        Metadata metadata,
        Optional<Checksum> parent,
        List<Related> related,
        String subject,
        String body,
        long timestamp,
        Checksum rootTree,
        Checksum rootMeta) {

    static final String TYPE = "(a{sv}aya(say)sstayay)";

    /** The metadata key the {@code ostree commit} CLI writes with the branch name(s) ({@code as}). */
    public static final String REF_BINDING = "ostree.ref-binding";
    /** The metadata key of a commit's version string ({@code s}). */
    public static final String VERSION = "version";

    /** A related object: a name and a commit checksum. */
    public record Related(String name, Checksum commit) {
        public Related {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(commit, "commit");
        }
    }

    public CommitObject {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(parent, "parent");
        related = List.copyOf(related);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(rootTree, "rootTree");
        Objects.requireNonNull(rootMeta, "rootMeta");
    }

    /** The commit time as an instant. */
    public Instant time() {
        return Instant.ofEpochSecond(timestamp);
    }

    /** The {@code version} metadata string, if present and a string. */
    public Optional<String> version() {
        return metadata.get(VERSION).filter(v -> v.type().equals("s")).map(Variant::asString);
    }

    /** The object bytes. */
    public byte[] toBytes() {
        List<Object> rel = new ArrayList<>();
        for (Related r : related) {
            rel.add(List.of(r.name(), r.commit().toBytes()));
        }
        return GVariantCodec.encode(
                TYPE,
                List.of(
                        metadata.toGVariant(),
                        parent.map(Checksum::toBytes).orElse(new byte[0]),
                        rel,
                        subject,
                        body,
                        Long.reverseBytes(timestamp),
                        rootTree.toBytes(),
                        rootMeta.toBytes()));
    }

    /** The commit checksum (SHA-256 of {@link #toBytes()}). */
    public Checksum checksum() {
        return Checksum.sha256(toBytes());
    }

    /**
     * The ContentChecksum that {@code ostree show/log} print: SHA-256 of the raw root dirtree checksum followed by the
     * raw root dirmeta checksum. Identical trees share it whatever the metadata and time.
     */
    public Checksum contentChecksum() {
        var md = Checksum.newDigest();
        md.update(rootTree.toBytes());
        md.update(rootMeta.toBytes());
        return Checksum.fromBytes(md.digest());
    }

    /**
     * Parses a commit object.
     *
     * @throws ObjectFormatException when the bytes are not a normal-form commit with well-formed checksums
     */
    public static CommitObject parse(byte[] bytes) {
        List<?> m;
        try {
            m = (List<?>) GVariantCodec.decode(TYPE, bytes);
        } catch (GVariantException e) {
            throw new ObjectFormatException("commit: " + e.getMessage());
        }
        try {
            Metadata metadata = Metadata.fromGVariant(m.get(0));
            byte[] parentRaw = (byte[]) m.get(1);
            Optional<Checksum> parent =
                    parentRaw.length == 0 ? Optional.empty() : Optional.of(DirTree.checksumOf(parentRaw, "parent"));
            List<Related> related = new ArrayList<>();
            for (Object o : (List<?>) m.get(2)) {
                List<?> r = (List<?>) o;
                related.add(new Related((String) r.get(0), DirTree.checksumOf((byte[]) r.get(1), "related")));
            }
            return new CommitObject(
                    metadata,
                    parent,
                    related,
                    (String) m.get(3),
                    (String) m.get(4),
                    Long.reverseBytes((Long) m.get(5)),
                    DirTree.checksumOf((byte[]) m.get(6), "root dirtree"),
                    DirTree.checksumOf((byte[]) m.get(7), "root dirmeta"));
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("commit: " + e.getMessage());
        }
    }
}
