package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The untyped values {@link GVariantParser} builds: each node infers its type when the text gives none
 * ({@code null} when it cannot, such as an empty array) and builds the Java value of a given type, failing with
 * GLib's "START-END:message" text. Immutable once parsed.
 */
final class GVariantNodes {

    private GVariantNodes() {}

    /** A parsed value before its type is fixed. */
    abstract static class Node {
        int start;
        int end;

        /** The type this node has on its own, or null when it needs context (empty array, nothing, …). */
        abstract @Nullable GVariantType infer();

        /** The Java value of this node as {@code t}. */
        abstract Object build(GVariantType t);

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(start + "-" + end + ":" + message);
        }
    }

    static final class NumberNode extends Node {
        final String text;
        final boolean floating;

        NumberNode(String text) {
            this.text = text;
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            this.floating = !lower.startsWith("0x")
                    && !lower.startsWith("-0x")
                    && (lower.contains(".") || lower.contains("e") || lower.equals("inf") || lower.equals("nan"));
        }

        @Override
        @Nullable
        GVariantType infer() {
            return GVariantType.parse(floating ? "d" : "i");
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() == 'd') {
                return Double.parseDouble(text);
            }
            if (floating) {
                throw error("floating point value cannot be of type '" + t + "'");
            }
            BigInteger v = parseInteger(text);
            long[] range = switch (t.kind()) {
                case 'y' -> new long[] {0, 255};
                case 'n' -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case 'q' -> new long[] {0, 65535};
                case 'i', 'h' -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
                case 'u' -> new long[] {0, 0xffffffffL};
                case 'x' -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
                case 't' -> null;
                default -> throw error("number cannot be of type '" + t + "'");
            };
            if (range == null) {
                if (v.signum() < 0 || v.bitLength() > 64) {
                    throw error("number out of range for type 't'");
                }
                return v.longValue();
            }
            if (v.compareTo(BigInteger.valueOf(range[0])) < 0 || v.compareTo(BigInteger.valueOf(range[1])) > 0) {
                throw error("number out of range for type '" + t + "'");
            }
            long l = v.longValue();
            return switch (t.kind()) {
                case 'y' -> (byte) l;
                case 'n', 'q' -> (short) l;
                case 'i', 'h', 'u' -> (int) l;
                default -> l;
            };
        }

        private BigInteger parseInteger(String s) {
            boolean neg = s.startsWith("-");
            String body = neg || s.startsWith("+") ? s.substring(1) : s;
            BigInteger v;
            try {
                if (body.startsWith("0x") || body.startsWith("0X")) {
                    v = new BigInteger(body.substring(2), 16);
                } else if (body.length() > 1 && body.startsWith("0")) {
                    v = new BigInteger(body.substring(1), 8);
                } else {
                    v = new BigInteger(body);
                }
            } catch (NumberFormatException e) {
                throw error("invalid number '" + s + "'");
            }
            return neg ? v.negate() : v;
        }
    }

    static final class LeafNode extends Node {
        final String type;
        final Object value;

        LeafNode(String type, Object value) {
            this.type = type;
            this.value = value;
        }

        @Override
        @Nullable
        GVariantType infer() {
            return GVariantType.parse(type);
        }

        @Override
        Object build(GVariantType t) {
            if (t.toString().equals(type)) {
                return value;
            }
            if (value instanceof String s && (t.kind() == 'o' || t.kind() == 'g') && type.equals("s")) {
                return s;
            }
            throw error("can not parse as value of type '" + t + "'");
        }
    }

    static final class TypedNode extends Node {
        final GVariantType type;
        final Node inner;

        TypedNode(GVariantType type, Node inner) {
            this.type = type;
            this.inner = inner;
        }

        @Override
        @Nullable
        GVariantType infer() {
            return type;
        }

        @Override
        Object build(GVariantType t) {
            if (!t.equals(type)) {
                throw error("type '" + type + "' does not match the expected type '" + t + "'");
            }
            return inner.build(type);
        }
    }

    static final class ArrayNode extends Node {
        final List<Node> items;

        ArrayNode(List<Node> items) {
            this.items = items;
        }

        @Override
        @Nullable
        GVariantType infer() {
            GVariantType elem = unify(items);
            return elem == null ? null : GVariantType.parse("a" + elem);
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() != 'a') {
                throw error("array cannot be of type '" + t + "'");
            }
            if (t.isByteArray()) {
                byte[] out = new byte[items.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (Byte) items.get(i).build(t.element());
                }
                return out;
            }
            List<Object> out = new ArrayList<>();
            for (Node n : items) {
                out.add(n.build(t.element()));
            }
            return out;
        }
    }

    /** The common element type: the first one known; all-number lists with a float become doubles. */
    static @Nullable GVariantType unify(List<Node> items) {
        GVariantType found = null;
        boolean anyFloat = false;
        boolean allBareNumbers = !items.isEmpty();
        for (Node n : items) {
            if (n instanceof NumberNode num) {
                anyFloat |= num.floating;
            } else {
                allBareNumbers = false;
            }
            if (found == null && !(n instanceof NumberNode)) {
                found = n.infer();
            }
        }
        if (allBareNumbers) {
            return GVariantType.parse(anyFloat ? "d" : "i");
        }
        if (found == null) {
            for (Node n : items) {
                if (n.infer() != null) {
                    return n.infer();
                }
            }
        }
        return found;
    }

    static final class DictNode extends Node {
        final List<Node[]> entries;

        DictNode(List<Node[]> entries) {
            this.entries = entries;
        }

        @Override
        @Nullable
        GVariantType infer() {
            List<Node> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (Node[] e : entries) {
                keys.add(e[0]);
                values.add(e[1]);
            }
            GVariantType k = unify(keys);
            GVariantType v = unify(values);
            return k == null || v == null ? null : GVariantType.parse("a{" + k + v + "}");
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() != 'a' || t.element().kind() != '{') {
                throw error("dictionary cannot be of type '" + t + "'");
            }
            List<Object> out = new ArrayList<>();
            for (Node[] e : entries) {
                out.add(List.of(
                        e[0].build(t.element().members().get(0)),
                        e[1].build(t.element().members().get(1))));
            }
            return out;
        }
    }

    static final class TupleNode extends Node {
        final List<Node> items;
        final boolean entry;

        TupleNode(List<Node> items, boolean entry) {
            this.items = items;
            this.entry = entry;
        }

        @Override
        @Nullable
        GVariantType infer() {
            StringBuilder sb = new StringBuilder(entry ? "{" : "(");
            for (Node n : items) {
                GVariantType t = n.infer();
                if (t == null) {
                    return null;
                }
                sb.append(t);
            }
            return GVariantType.parse(sb.append(entry ? "}" : ")").toString());
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() != (entry ? '{' : '(') || t.members().size() != items.size()) {
                throw error((entry ? "dictionary entry" : "tuple") + " cannot be of type '" + t + "'");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(items.get(i).build(t.members().get(i)));
            }
            return out;
        }
    }

    static final class VariantNode extends Node {
        final Node inner;

        VariantNode(Node inner) {
            this.inner = inner;
        }

        @Override
        @Nullable
        GVariantType infer() {
            return GVariantType.parse("v");
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() != 'v') {
                throw error("variant cannot be of type '" + t + "'");
            }
            GVariantType it = inner.infer();
            if (it == null) {
                throw inner.error("unable to infer type");
            }
            return new Variant(it.toString(), GVariantCodec.encode(it, inner.build(it)));
        }
    }

    static final class MaybeNode extends Node {
        final @Nullable Node inner;

        MaybeNode(@Nullable Node inner) {
            this.inner = inner;
        }

        @Override
        @Nullable
        GVariantType infer() {
            if (inner == null) {
                return null;
            }
            GVariantType t = inner.infer();
            return t == null ? null : GVariantType.parse("m" + t);
        }

        @Override
        Object build(GVariantType t) {
            if (t.kind() == 'm') {
                return inner == null ? Optional.empty() : Optional.of(inner.build(t.element()));
            }
            if (inner != null) {
                return inner.build(t); // "just" may be omitted and is tolerated where no maybe is expected
            }
            throw error("nothing cannot be of type '" + t + "'");
        }
    }
}
