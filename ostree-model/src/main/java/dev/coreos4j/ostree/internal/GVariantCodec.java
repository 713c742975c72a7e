package dev.coreos4j.ostree.internal;

import dev.coreos4j.ostree.Variant;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Our own GVariant serializer and parser, normal form only.
 *
 * <p>Java values by type: {@code y} Byte, {@code b} Boolean, {@code n q} Short, {@code i u h} Integer, {@code x t}
 * Long, {@code d} Double, {@code s o g} String, {@code ay} byte[], other arrays {@code List}, {@code m} Optional,
 * tuples and dict entries {@code List} of members, {@code v} {@link Variant}. Integers are written little-endian, as
 * GLib does on the little-endian hosts OSTree runs on; OSTree's own objects byte-swap their integers before, which is
 * the caller's business.
 *
 * <p>{@link #decode} rejects anything that is not in normal form (bad framing, non-zero padding, non-minimal offset
 * sizes, trailing bytes, invalid UTF-8) with a {@link GVariantException}: a value is accepted only if encoding it
 * again yields exactly the input bytes.
 */
public final class GVariantCodec {

    private GVariantCodec() {}

    /** Serializes {@code value} of {@code type} in normal form. */
    public static byte[] encode(GVariantType type, Object value) {
        Buf buf = new Buf();
        write(buf, type, value);
        return buf.toArray();
    }

    /** Serializes {@code value} of the type given as a string. */
    public static byte[] encode(String type, Object value) {
        return encode(GVariantType.parse(type), value);
    }

    /**
     * Parses {@code data} as a normal-form serialization of {@code type}.
     *
     * @throws GVariantException when {@code data} is not a normal-form value of {@code type}
     */
    public static Object decode(GVariantType type, byte[] data) {
        Object value = read(type, data, 0, data.length);
        byte[] again;
        try {
            again = encode(type, value);
        } catch (RuntimeException e) {
            throw new GVariantException("value of type " + type + " cannot be re-serialized: " + e.getMessage());
        }
        if (!Arrays.equals(again, data)) {
            throw new GVariantException("not in normal form (type " + type + ", " + data.length + " bytes)");
        }
        return value;
    }

    /** Parses {@code data} as type given as a string; see {@link #decode(GVariantType, byte[])}. */
    public static Object decode(String type, byte[] data) {
        return decode(GVariantType.parse(type), data);
    }

    // ---------------------------------------------------------------------------------------------------------
    // writing

    /** A growable byte buffer; offsets in it are absolute, and every container starts at an aligned position. */
    static final class Buf {
        byte[] a = new byte[256];
        int n;

        void ensure(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }

        void put(byte b) {
            ensure(1);
            a[n++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, a, n, b.length);
            n += b.length;
        }

        void putLe(long v, int width) {
            ensure(width);
            for (int i = 0; i < width; i++) {
                a[n++] = (byte) (v >>> (8 * i));
            }
        }

        void alignTo(int start, int alignment) {
            int rel = n - start;
            int pad = GVariantType.alignUp(rel, alignment) - rel;
            ensure(pad);
            for (int i = 0; i < pad; i++) {
                a[n++] = 0;
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** GLib's offset size for a container of {@code bodySize} bytes with {@code count} framing offsets. */
    static int offsetWidth(long bodySize, int count) {
        if (count == 0) {
            return 0;
        }
        if (bodySize + count <= 0xFFL) {
            return 1;
        }
        if (bodySize + 2L * count <= 0xFFFFL) {
            return 2;
        }
        if (bodySize + 4L * count <= 0xFFFFFFFFL) {
            return 4;
        }
        return 8;
    }

    /** The offset size a reader infers from a container's total size. */
    static int offsetWidthForTotal(long total) {
        if (total <= 0xFFL) {
            return 1;
        }
        if (total <= 0xFFFFL) {
            return 2;
        }
        if (total <= 0xFFFFFFFFL) {
            return 4;
        }
        return 8;
    }

    private static void write(Buf buf, GVariantType type, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for GVariant type " + type);
        }
        switch (type.kind()) {
            case 'y' -> buf.put(((Number) value).byteValue());
            case 'b' -> buf.put((byte) (((Boolean) value) ? 1 : 0));
            case 'n', 'q' -> buf.putLe(((Number) value).shortValue(), 2);
            case 'i', 'u', 'h' -> buf.putLe(((Number) value).intValue(), 4);
            case 'x', 't' -> buf.putLe(((Number) value).longValue(), 8);
            case 'd' -> buf.putLe(Double.doubleToRawLongBits((Double) value), 8);
            case 's', 'o', 'g' -> writeString(buf, (String) value);
            case 'v' -> writeVariant(buf, (Variant) value);
            case 'a' -> writeArray(buf, type, value);
            case 'm' -> writeMaybe(buf, type, (Optional<?>) value);
            case '(', '{' -> writeTuple(buf, type, (List<?>) value);
            default -> throw new IllegalArgumentException("unsupported GVariant type " + type);
        }
    }

    private static void writeString(Buf buf, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a GVariant string cannot contain NUL: '" + s.replace("\0", "\\0") + "'");
        }
        buf.put(utf8(s));
        buf.put((byte) 0);
    }

    private static byte[] utf8(String s) {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid Unicode (unpaired surrogate): '" + s + "'");
        }
    }

    private static void writeVariant(Buf buf, Variant v) {
        // the child starts at the variant's own (8-aligned) start
        buf.put(v.data());
        buf.put((byte) 0);
        buf.put(v.type().getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeArray(Buf buf, GVariantType type, Object value) {
        GVariantType elem = type.element();
        if (type.isByteArray()) {
            buf.put((byte[]) value);
            return;
        }
        List<?> items = (List<?>) value;
        int start = buf.n;
        if (elem.isFixedSize()) {
            for (Object item : items) {
                buf.alignTo(start, elem.alignment());
                write(buf, elem, item);
            }
            return;
        }
        long[] ends = new long[items.size()];
        int i = 0;
        for (Object item : items) {
            buf.alignTo(start, elem.alignment());
            write(buf, elem, item);
            ends[i++] = (long) buf.n - start;
        }
        int width = offsetWidth(buf.n - start, ends.length);
        for (long end : ends) {
            buf.putLe(end, width);
        }
    }

    private static void writeMaybe(Buf buf, GVariantType type, Optional<?> value) {
        if (value.isEmpty()) {
            return;
        }
        write(buf, type.element(), value.get());
        if (!type.element().isFixedSize()) {
            buf.put((byte) 0);
        }
    }

    private static void writeTuple(Buf buf, GVariantType type, List<?> values) {
        List<GVariantType> members = type.members();
        if (values.size() != members.size()) {
            throw new IllegalArgumentException(
                    "GVariant " + type + " needs " + members.size() + " members, got " + values.size());
        }
        int start = buf.n;
        if (members.isEmpty()) {
            buf.put((byte) 0);
            return;
        }
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            GVariantType m = members.get(i);
            buf.alignTo(start, m.alignment());
            write(buf, m, values.get(i));
            if (!m.isFixedSize() && i < members.size() - 1) {
                offsets.add((long) (buf.n - start));
            }
        }
        if (type.isFixedSize()) {
            buf.alignTo(start, type.alignment());
            return;
        }
        int width = offsetWidth(buf.n - start, offsets.size());
        for (int i = offsets.size() - 1; i >= 0; i--) {
            buf.putLe(offsets.get(i), width);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading (structure only; normal form is checked by re-encoding in decode())

    private static Object read(GVariantType type, byte[] d, int off, int len) {
        int f = type.fixedSize();
        if (f >= 0 && len != f) {
            throw new GVariantException("value of fixed-size type " + type + " has " + len + " bytes, expected " + f);
        }
        switch (type.kind()) {
            case 'y' -> {
                return d[off];
            }
            case 'b' -> {
                if (d[off] != 0 && d[off] != 1) {
                    throw new GVariantException("boolean byte is " + (d[off] & 0xff) + ", expected 0 or 1");
                }
                return d[off] == 1;
            }
            case 'n', 'q' -> {
                return (short) readLe(d, off, 2);
            }
            case 'i', 'u', 'h' -> {
                return (int) readLe(d, off, 4);
            }
            case 'x', 't' -> {
                return readLe(d, off, 8);
            }
            case 'd' -> {
                return Double.longBitsToDouble(readLe(d, off, 8));
            }
            case 's', 'o', 'g' -> {
                return readString(d, off, len);
            }
            case 'v' -> {
                return readVariant(d, off, len);
            }
            case 'a' -> {
                return readArray(type, d, off, len);
            }
            case 'm' -> {
                return readMaybe(type, d, off, len);
            }
            case '(', '{' -> {
                return readTuple(type, d, off, len);
            }
            default -> throw new GVariantException("unsupported GVariant type " + type);
        }
    }

    static long readLe(byte[] d, int off, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= (d[off + i] & 0xFFL) << (8 * i);
        }
        return v;
    }

    private static String readString(byte[] d, int off, int len) {
        if (len == 0 || d[off + len - 1] != 0) {
            throw new GVariantException("string is not NUL-terminated");
        }
        for (int i = off; i < off + len - 1; i++) {
            if (d[i] == 0) {
                throw new GVariantException("string contains an interior NUL byte");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d, off, len - 1))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GVariantException("string is not valid UTF-8");
        }
    }

    private static Variant readVariant(byte[] d, int off, int len) {
        int sep = -1;
        for (int i = off + len - 1; i >= off; i--) {
            if (d[i] == 0) {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            throw new GVariantException("variant has no type string separator");
        }
        String typeText = new String(d, sep + 1, off + len - sep - 1, StandardCharsets.US_ASCII);
        GVariantType child;
        try {
            child = GVariantType.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw new GVariantException("variant has an invalid type string '" + typeText + "'");
        }
        byte[] data = Arrays.copyOfRange(d, off, sep);
        // validate the child eagerly so that a variant is normal only when its content is
        decode(child, data);
        return new Variant(typeText, data);
    }

    private static Object readArray(GVariantType type, byte[] d, int off, int len) {
        GVariantType elem = type.element();
        if (type.isByteArray()) {
            return Arrays.copyOfRange(d, off, off + len);
        }
        List<Object> items = new ArrayList<>();
        if (elem.isFixedSize()) {
            int f = elem.fixedSize();
            if (len % f != 0) {
                throw new GVariantException("array of " + elem + " has " + len + " bytes, not a multiple of " + f);
            }
            for (int p = 0; p < len; p += f) {
                items.add(read(elem, d, off + p, f));
            }
            return items;
        }
        if (len == 0) {
            return items;
        }
        int w = offsetWidthForTotal(len);
        if (len < w) {
            throw new GVariantException("array of " + elem + " is too short for its framing");
        }
        long lastEnd = readLe(d, off + len - w, w);
        if (lastEnd > len || (len - lastEnd) % w != 0) {
            throw new GVariantException("array of " + elem + " has an invalid framing offset " + lastEnd);
        }
        int count = (int) ((len - lastEnd) / w);
        int table = (int) lastEnd;
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int start = GVariantType.alignUp(pos, elem.alignment());
            long end = readLe(d, off + table + i * w, w);
            if (end < start || end > table) {
                throw new GVariantException("array of " + elem + " element " + i + " has an invalid end offset " + end);
            }
            items.add(read(elem, d, off + start, (int) end - start));
            pos = (int) end;
        }
        return items;
    }

    private static Optional<Object> readMaybe(GVariantType type, byte[] d, int off, int len) {
        if (len == 0) {
            return Optional.empty();
        }
        GVariantType elem = type.element();
        if (elem.isFixedSize()) {
            return Optional.of(read(elem, d, off, len));
        }
        if (d[off + len - 1] != 0) {
            throw new GVariantException("maybe of " + elem + " lacks its trailing zero byte");
        }
        return Optional.of(read(elem, d, off, len - 1));
    }

    private static List<Object> readTuple(GVariantType type, byte[] d, int off, int len) {
        List<GVariantType> members = type.members();
        List<Object> out = new ArrayList<>(members.size());
        if (members.isEmpty()) {
            if (len != 1 || d[off] != 0) {
                throw new GVariantException("unit tuple must be one zero byte");
            }
            return out;
        }
        int w = type.isFixedSize() ? 0 : offsetWidthForTotal(len);
        int offsetsUsed = 0;
        int pos = 0;
        for (int i = 0; i < members.size(); i++) {
            GVariantType m = members.get(i);
            int start = GVariantType.alignUp(pos, m.alignment());
            int end;
            if (m.isFixedSize()) {
                end = start + m.fixedSize();
            } else if (i < members.size() - 1) {
                offsetsUsed++;
                int at = len - offsetsUsed * w;
                if (at < 0) {
                    throw new GVariantException("tuple " + type + " is too short for its framing");
                }
                end = (int) Math.min(Integer.MAX_VALUE, readLe(d, off + at, w));
            } else {
                end = len - countVariableNonLast(members) * w;
            }
            if (start > end || end > len) {
                throw new GVariantException("tuple " + type + " member " + i + " (" + m + ") has invalid bounds "
                        + start + ".." + end + " in " + len + " bytes");
            }
            out.add(read(m, d, off + start, end - start));
            pos = end;
        }
        return out;
    }

    private static int countVariableNonLast(List<GVariantType> members) {
        int c = 0;
        for (int i = 0; i < members.size() - 1; i++) {
            if (!members.get(i).isFixedSize()) {
                c++;
            }
        }
        return c;
    }
}
