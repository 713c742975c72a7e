package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The parsing half of {@link GVariantText}: {@code g_variant_parse} as a recursive-descent parser into untyped nodes,
 * whose type is inferred (or checked against the one given) before they are encoded. Errors are
 * {@link IllegalArgumentException}s with GLib's "POS:message" text. One instance per parse.
 */
final class GVariantParser {

    private GVariantParser() {}

    /** {@code g_variant_parse(TYPE, text)}, the type inferred when {@code type} is null. */
    static Variant parse(String text, @Nullable String type) {
        Parser p = new Parser(text);
        Node n = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new IllegalArgumentException(p.pos + ":expected end of input");
        }
        GVariantType t = type != null ? GVariantType.parse(type) : n.infer();
        if (t == null) {
            throw new IllegalArgumentException(n.start + "-" + n.end + ":unable to infer type");
        }
        return new Variant(t.toString(), GVariantCodec.encode(t, n.build(t)));
    }

    /** A parsed value before its type is fixed. */
    private abstract static class Node {
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

    private static final class NumberNode extends Node {
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

    private static final class LeafNode extends Node {
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

    private static final class TypedNode extends Node {
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

    private static final class ArrayNode extends Node {
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
    private static @Nullable GVariantType unify(List<Node> items) {
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

    private static final class DictNode extends Node {
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

    private static final class TupleNode extends Node {
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

    private static final class VariantNode extends Node {
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

    private static final class MaybeNode extends Node {
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

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(pos + ":" + message);
        }

        boolean peek(char c) {
            skipSpace();
            return pos < s.length() && s.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        Node value() {
            skipSpace();
            int start = pos;
            Node n = value0();
            n.start = start;
            n.end = pos;
            return n;
        }

        private Node value0() {
            if (pos >= s.length()) {
                throw error("expected value");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '@': {
                    pos++;
                    int start = pos;
                    while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
                        pos++;
                    }
                    GVariantType t;
                    try {
                        t = GVariantType.parse(s.substring(start, pos));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                start + "-" + pos + ":invalid type '" + s.substring(start, pos) + "'");
                    }
                    return new TypedNode(t, value());
                }
                case '[': {
                    pos++;
                    List<Node> items = new ArrayList<>();
                    if (!peek(']')) {
                        do {
                            items.add(value());
                        } while (consume(','));
                    }
                    expect(']');
                    return new ArrayNode(items);
                }
                case '(': {
                    pos++;
                    List<Node> items = new ArrayList<>();
                    if (!peek(')')) {
                        items.add(value());
                        while (consume(',')) {
                            if (peek(')')) {
                                break;
                            }
                            items.add(value());
                        }
                    }
                    expect(')');
                    return new TupleNode(items, false);
                }
                case '{': {
                    pos++;
                    if (peek('}')) {
                        pos++;
                        return new DictNode(List.of());
                    }
                    Node k = value();
                    if (consume(',')) {
                        Node v = value();
                        expect('}');
                        return new TupleNode(List.of(k, v), true);
                    }
                    expect(':');
                    List<Node[]> entries = new ArrayList<>();
                    entries.add(new Node[] {k, value()});
                    while (consume(',')) {
                        Node kk = value();
                        expect(':');
                        entries.add(new Node[] {kk, value()});
                    }
                    expect('}');
                    return new DictNode(entries);
                }
                case '<': {
                    pos++;
                    Node inner = value();
                    expect('>');
                    return new VariantNode(inner);
                }
                case '\'', '"':
                    return new LeafNode("s", string());
                default:
                    break;
            }
            if (c == 'b' && pos + 1 < s.length() && (s.charAt(pos + 1) == '\'' || s.charAt(pos + 1) == '"')) {
                pos++;
                byte[] utf8 = string().getBytes(StandardCharsets.UTF_8);
                byte[] withNul = java.util.Arrays.copyOf(utf8, utf8.length + 1);
                return new LeafNode("ay", withNul);
            }
            if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
                int start = pos;
                pos++;
                while (pos < s.length()
                        && (Character.isLetterOrDigit(s.charAt(pos))
                                || s.charAt(pos) == '.'
                                || ((s.charAt(pos) == '-' || s.charAt(pos) == '+')
                                        && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
                    pos++;
                }
                return new NumberNode(s.substring(start, pos));
            }
            String w = word();
            switch (w) {
                case "true":
                    return new LeafNode("b", Boolean.TRUE);
                case "false":
                    return new LeafNode("b", Boolean.FALSE);
                case "nothing":
                    return new MaybeNode(null);
                case "just":
                    return new MaybeNode(value());
                case "inf", "nan":
                    return new NumberNode(w);
                default:
                    break;
            }
            String code = switch (w) {
                case "byte" -> "y";
                case "int16" -> "n";
                case "uint16" -> "q";
                case "int32" -> "i";
                case "uint32" -> "u";
                case "int64" -> "x";
                case "uint64" -> "t";
                case "handle" -> "h";
                case "double" -> "d";
                case "boolean" -> "b";
                case "string" -> "s";
                case "objectpath" -> "o";
                case "signature" -> "g";
                default -> null;
            };
            if (code == null) {
                throw new IllegalArgumentException(
                        (pos - w.length()) + "-" + pos + ":unknown keyword" + (w.isEmpty() ? "" : " '" + w + "'"));
            }
            return new TypedNode(GVariantType.parse(code), value());
        }

        boolean consume(char c) {
            if (peek(c)) {
                pos++;
                return true;
            }
            return false;
        }

        String string() {
            char quote = s.charAt(pos);
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new IllegalArgumentException(start + "-" + pos + ":unterminated string constant");
                }
                char c = s.charAt(pos++);
                if (c == quote) {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw new IllegalArgumentException(start + "-" + pos + ":unterminated string constant");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000b');
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        if (pos + len > s.length()) {
                            throw error("invalid " + len + "-character unicode escape");
                        }
                        try {
                            sb.appendCodePoint(Integer.parseInt(s.substring(pos, pos + len), 16));
                        } catch (IllegalArgumentException ex) {
                            throw error("invalid " + len + "-character unicode escape");
                        }
                        pos += len;
                    }
                    default -> sb.append(e);
                }
            }
        }
    }
}
