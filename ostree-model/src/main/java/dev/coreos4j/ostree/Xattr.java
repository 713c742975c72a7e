package dev.coreos4j.ostree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One extended attribute. Inside OSTree objects the name is stored with a trailing NUL, and lists of xattrs are
 * sorted by name with {@code strcmp}. Immutable.
 *
 * @param name the attribute name without trailing NUL, e.g. {@code user.foo}; non-empty, no NUL
 * @param value the raw value bytes
 */
// value() returns a copy and equals/hashCode compare the bytes, so the array component never leaks or compares by
// identity
@SuppressWarnings("ArrayRecordComponent")
public record Xattr(String name, byte[] value) {

    /** Orders by the UTF-8 bytes of the name, unsigned, as {@code strcmp} does. */
    public static final Comparator<Xattr> BY_NAME = (a, b) -> Names.compareUtf8(a.name, b.name);

    public Xattr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("xattr name must be non-empty without NUL: '" + name + "'");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Sorts {@code xattrs} canonically and rejects duplicate names; returns an immutable list. */
    public static List<Xattr> canonical(List<Xattr> xattrs) {
        List<Xattr> sorted = new ArrayList<>(xattrs);
        sorted.sort(BY_NAME);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name.equals(sorted.get(i - 1).name)) {
                throw new IllegalArgumentException("duplicate xattr '" + sorted.get(i).name + "'");
            }
        }
        return List.copyOf(sorted);
    }

    /** The {@code a(ayay)} Java form: names with trailing NUL. */
    static List<Object> toGVariant(List<Xattr> xattrs) {
        List<Object> out = new ArrayList<>(xattrs.size());
        for (Xattr x : xattrs) {
            byte[] n = x.name.getBytes(StandardCharsets.UTF_8);
            out.add(List.of(Arrays.copyOf(n, n.length + 1), x.value));
        }
        return out;
    }

    /**
     * The normal-form {@code a(ayay)} bytes of {@code xattrs} in canonical order (what ostree-ext stores in a
     * {@code .file-xattrs} object and bare-split-xattrs repositories keep beside each content object).
     *
     * @throws IllegalArgumentException on duplicate names
     */
    public static byte[] toBytes(List<Xattr> xattrs) {
        return dev.coreos4j.ostree.internal.GVariantCodec.encode("a(ayay)", toGVariant(canonical(xattrs)));
    }

    /**
     * Parses normal-form {@code a(ayay)} bytes.
     *
     * @throws ObjectFormatException when the bytes are not a normal-form list of well-formed attributes
     */
    public static List<Xattr> parse(byte[] bytes) {
        Object v;
        try {
            v = dev.coreos4j.ostree.internal.GVariantCodec.decode("a(ayay)", bytes);
        } catch (RuntimeException e) {
            throw new ObjectFormatException("xattrs a(ayay): " + e.getMessage());
        }
        return fromGVariant(v, "xattrs a(ayay)");
    }

    static List<Xattr> fromGVariant(Object value, String where) {
        List<Xattr> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            List<?> pair = (List<?>) item;
            byte[] n = (byte[]) pair.get(0);
            if (n.length < 2 || n[n.length - 1] != 0) {
                throw new ObjectFormatException(where + ": xattr name is empty or lacks its trailing NUL");
            }
            String name = new String(n, 0, n.length - 1, StandardCharsets.UTF_8);
            try {
                out.add(new Xattr(name, (byte[]) pair.get(1)));
            } catch (IllegalArgumentException e) {
                throw new ObjectFormatException(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xattr other && other.name.equals(name) && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=" + HexFormat.of().formatHex(value);
    }
}
