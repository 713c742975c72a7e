package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered {@code a{sv}} dictionary: commit metadata and detached metadata. GVariant does not sort dictionaries, so
 * the order of entries is part of the bytes (and of a commit's checksum); parsing and serializing keep it.
 * Immutable.
 *
 * @param entries the entries in serialization order; keys are non-empty and unique
 */
public record Metadata(List<Entry> entries) {

    /** The GVariant type of a metadata dictionary. */
    public static final String TYPE = "a{sv}";

    /** An empty dictionary. */
    public static final Metadata EMPTY = new Metadata(List.of());

    /** One key and its value. */
    public record Entry(String key, Variant value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("metadata keys must not be empty");
            }
        }
    }

    /** @throws IllegalArgumentException on a duplicate key */
    public Metadata {
        entries = List.copyOf(entries);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Entry e : entries) {
            if (!seen.add(e.key())) {
                throw new IllegalArgumentException("duplicate metadata key '" + e.key() + "'");
            }
        }
    }

    /** The value of {@code key}, if present. */
    public Optional<Variant> get(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** A copy with {@code key} set: replaced in place if present, else appended. */
    public Metadata with(String key, Variant value) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).key().equals(key)) {
                out.set(i, new Entry(key, value));
                return new Metadata(out);
            }
        }
        out.add(new Entry(key, value));
        return new Metadata(out);
    }

    /** A copy without {@code key}. */
    public Metadata without(String key) {
        List<Entry> out = new ArrayList<>(entries);
        out.removeIf(e -> e.key().equals(key));
        return new Metadata(out);
    }

    /** The keys in order. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The normal-form {@code a{sv}} bytes. */
    public byte[] toBytes() {
        return GVariantCodec.encode(TYPE, toGVariant());
    }

    List<Object> toGVariant() {
        List<Object> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(List.of(e.key(), e.value()));
        }
        return out;
    }

    /**
     * Parses normal-form {@code a{sv}} bytes.
     *
     * @throws ObjectFormatException when the bytes are not a normal-form dictionary with unique non-empty keys
     */
    public static Metadata parse(byte[] bytes) {
        try {
            return fromGVariant(GVariantCodec.decode(TYPE, bytes));
        } catch (GVariantException | IllegalArgumentException e) {
            throw new ObjectFormatException("metadata a{sv}: " + e.getMessage());
        }
    }

    static Metadata fromGVariant(Object value) {
        List<Entry> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            List<?> kv = (List<?>) item;
            out.add(new Entry((String) kv.get(0), (Variant) kv.get(1)));
        }
        return new Metadata(out);
    }
}
