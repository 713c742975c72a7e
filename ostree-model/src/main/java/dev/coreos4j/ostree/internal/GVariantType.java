package dev.coreos4j.ostree.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed GVariant type string with the layout facts the serializer needs: alignment and fixed size.
 *
 * <p>Supports the definite types: basic types {@code ybnqiuxthdsog}, {@code v}, {@code aT}, {@code mT}, tuples and
 * dict entries.
 */
public final class GVariantType {

    /** The kind of a type: a basic type code, or one of {@code a}, {@code m}, {@code (}, <code>{</code>, {@code v}. */
    private final char kind;

    private final List<GVariantType> members;
    private final String text;
    private final int alignment;
    /** The fixed size in bytes, or -1 when the type is variable-size. */
    private final int fixedSize;

    private GVariantType(char kind, List<GVariantType> members, String text) {
        this.kind = kind;
        this.members = List.copyOf(members);
        this.text = text;
        switch (kind) {
            case 'y', 'b' -> {
                alignment = 1;
                fixedSize = 1;
            }
            case 'n', 'q' -> {
                alignment = 2;
                fixedSize = 2;
            }
            case 'i', 'u', 'h' -> {
                alignment = 4;
                fixedSize = 4;
            }
            case 'x', 't', 'd' -> {
                alignment = 8;
                fixedSize = 8;
            }
            case 's', 'o', 'g' -> {
                alignment = 1;
                fixedSize = -1;
            }
            case 'v' -> {
                alignment = 8;
                fixedSize = -1;
            }
            case 'a', 'm' -> {
                alignment = members.get(0).alignment;
                fixedSize = -1;
            }
            case '(', '{' -> {
                int align = 1;
                boolean fixed = true;
                int size = 0;
                for (GVariantType m : members) {
                    align = Math.max(align, m.alignment);
                    if (m.fixedSize < 0) {
                        fixed = false;
                    } else {
                        size = alignUp(size, m.alignment) + m.fixedSize;
                    }
                }
                alignment = align;
                if (!fixed) {
                    fixedSize = -1;
                } else if (members.isEmpty()) {
                    fixedSize = 1;
                } else {
                    fixedSize = alignUp(size, align);
                }
            }
            default -> throw new IllegalArgumentException("unsupported GVariant type code '" + kind + "'");
        }
    }

    /**
     * Parses a single complete type string such as {@code (a{sv}aya(say)sstayay)}.
     *
     * @throws IllegalArgumentException when {@code text} is not exactly one supported definite type
     */
    public static GVariantType parse(String text) {
        Objects.requireNonNull(text, "text");
        int[] pos = {0};
        GVariantType t = parseOne(text, pos);
        if (pos[0] != text.length()) {
            throw new IllegalArgumentException("trailing characters in GVariant type string '" + text + "'");
        }
        return t;
    }

    private static GVariantType parseOne(String s, int[] pos) {
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("truncated GVariant type string '" + s + "'");
        }
        int start = pos[0];
        char c = s.charAt(pos[0]++);
        switch (c) {
            case 'y', 'b', 'n', 'q', 'i', 'u', 'h', 'x', 't', 'd', 's', 'o', 'g', 'v' -> {
                return new GVariantType(c, List.of(), String.valueOf(c));
            }
            case 'a', 'm' -> {
                GVariantType elem = parseOne(s, pos);
                return new GVariantType(c, List.of(elem), s.substring(start, pos[0]));
            }
            case '(' -> {
                List<GVariantType> ms = new ArrayList<>();
                while (true) {
                    if (pos[0] >= s.length()) {
                        throw new IllegalArgumentException("unterminated tuple in GVariant type string '" + s + "'");
                    }
                    if (s.charAt(pos[0]) == ')') {
                        pos[0]++;
                        break;
                    }
                    ms.add(parseOne(s, pos));
                }
                return new GVariantType('(', ms, s.substring(start, pos[0]));
            }
            case '{' -> {
                GVariantType key = parseOne(s, pos);
                if (key.fixedSize < 0 && key.kind != 's' && key.kind != 'o' && key.kind != 'g') {
                    throw new IllegalArgumentException("dict entry key must be a basic type in '" + s + "'");
                }
                GVariantType value = parseOne(s, pos);
                if (pos[0] >= s.length() || s.charAt(pos[0]) != '}') {
                    throw new IllegalArgumentException("unterminated dict entry in GVariant type string '" + s + "'");
                }
                pos[0]++;
                return new GVariantType('{', List.of(key, value), s.substring(start, pos[0]));
            }
            default -> throw new IllegalArgumentException("unsupported GVariant type code '" + c + "' in '" + s + "'");
        }
    }

    static int alignUp(int n, int alignment) {
        return (n + alignment - 1) & -alignment;
    }

    /** The type code: a basic code, or {@code a}, {@code m}, {@code (}, <code>{</code>, {@code v}. */
    public char kind() {
        return kind;
    }

    /** Element type of an array or maybe; members of a tuple or dict entry; empty otherwise. */
    public List<GVariantType> members() {
        return members;
    }

    /** The element type of an array or maybe. */
    public GVariantType element() {
        return members.get(0);
    }

    public int alignment() {
        return alignment;
    }

    /** The fixed serialized size, or -1 for variable-size types. */
    public int fixedSize() {
        return fixedSize;
    }

    public boolean isFixedSize() {
        return fixedSize >= 0;
    }

    /** Whether this is {@code ay}. */
    public boolean isByteArray() {
        return kind == 'a' && members.get(0).kind == 'y';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GVariantType other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
