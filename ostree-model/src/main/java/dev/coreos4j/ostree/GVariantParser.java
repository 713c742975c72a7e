package dev.coreos4j.ostree;

import dev.coreos4j.ostree.GVariantNodes.ArrayNode;
import dev.coreos4j.ostree.GVariantNodes.DictNode;
import dev.coreos4j.ostree.GVariantNodes.LeafNode;
import dev.coreos4j.ostree.GVariantNodes.MaybeNode;
import dev.coreos4j.ostree.GVariantNodes.Node;
import dev.coreos4j.ostree.GVariantNodes.NumberNode;
import dev.coreos4j.ostree.GVariantNodes.TupleNode;
import dev.coreos4j.ostree.GVariantNodes.TypedNode;
import dev.coreos4j.ostree.GVariantNodes.VariantNode;
import dev.coreos4j.ostree.internal.GVariantCodec;
import dev.coreos4j.ostree.internal.GVariantType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
                case '@' -> {
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
                case '[' -> {
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
                case '(' -> {
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
                case '{' -> {
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
                case '<' -> {
                    pos++;
                    Node inner = value();
                    expect('>');
                    return new VariantNode(inner);
                }
                case '\'', '"' -> {
                    return new LeafNode("s", string());
                }
                default -> {}
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
                case "true" -> {
                    return new LeafNode("b", true);
                }
                case "false" -> {
                    return new LeafNode("b", false);
                }
                case "nothing" -> {
                    return new MaybeNode(null);
                }
                case "just" -> {
                    return new MaybeNode(value());
                }
                case "inf", "nan" -> {
                    return new NumberNode(w);
                }
                default -> {}
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
