package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantException;
import dev.coreos4j.ostree.internal.GVariantType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GVariant value of any type, held as its type string and its normal-form serialized bytes, as found in commit
 * metadata ({@code a{sv}}) values. Immutable; {@link #data()} returns a copy.
 *
 * @param type the GVariant type string, e.g. {@code s}, {@code as}, {@code aay}
 * @param data the serialized value in normal form
 */
// data() returns a copy and equals/hashCode compare the bytes, so the array component never leaks or compares by
// identity
@SuppressWarnings("ArrayRecordComponent")
public record Variant(String type, byte[] data) {

    /**
     * @throws IllegalArgumentException when {@code type} is not a supported GVariant type or {@code data} is not a
     *     normal-form value of it
     */
    public Variant {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        GVariantType parsed = GVariantType.parse(type);
        data = data.clone();
        try {
            GVariantCodec.decode(parsed, data);
        } catch (GVariantException e) {
            throw new IllegalArgumentException("variant of type " + type + ": " + e.getMessage(), e);
        }
    }

    /** A value of {@code type} built from its Java form (see the package's GVariant mapping). */
    public static Variant of(String type, Object javaValue) {
        return new Variant(type, GVariantCodec.encode(type, javaValue));
    }

    /** An {@code s} value. */
    public static Variant ofString(String s) {
        return of("s", s);
    }

    /** An {@code as} value. */
    public static Variant ofStrings(List<String> strings) {
        return of("as", List.copyOf(strings));
    }

    /** A {@code b} value. */
    public static Variant ofBoolean(boolean b) {
        return of("b", b);
    }

    /** An {@code aay} value. */
    public static Variant ofByteArrays(List<byte[]> arrays) {
        return of("aay", new ArrayList<>(arrays));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The value in its Java form: String, Boolean, List, byte[], … (see the package's GVariant mapping). */
    public Object value() {
        return GVariantCodec.decode(type, data);
    }

    /** The value of an {@code s} variant. */
    public String asString() {
        requireType("s");
        return (String) value();
    }

    /** The value of an {@code as} variant. */
    @SuppressWarnings("unchecked")
    public List<String> asStrings() {
        requireType("as");
        return List.copyOf((List<String>) value());
    }

    /** The value of an {@code aay} variant. */
    @SuppressWarnings("unchecked")
    public List<byte[]> asByteArrays() {
        requireType("aay");
        return List.copyOf((List<byte[]>) value());
    }

    private void requireType(String expected) {
        if (!type.equals(expected)) {
            throw new IllegalStateException("variant has type " + type + ", not " + expected);
        }
    }

    /**
     * The GVariant text format of this value as a variant, {@code g_variant_print} of it boxed: {@code <'text'>},
     * {@code <uint64 253>}, {@code <@as []>} (see {@link GVariantText}).
     */
    @Override
    public String toString() {
        return "<" + GVariantText.print(this, true) + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variant other && other.type.equals(type) && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
