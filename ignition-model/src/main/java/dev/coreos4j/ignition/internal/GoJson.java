package dev.coreos4j.ignition.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON reader that accepts and rejects exactly what Go's {@code encoding/json} scanner does, with the same error
 * texts and byte offsets, and builds a {@link JNode} tree with byte positions. It is iterative (no recursion), so any
 * nesting depth yields a result; like Go it stops at depth 10000 with {@code exceeded max depth}. Strings are decoded
 * like Go: invalid UTF-8 and lone surrogates become U+FFFD.
 *
 * <p>Jackson's streaming parser is not used for reading because its error texts, its error offsets and its handling
 * of invalid UTF-8 differ from Go's, and Ignition users see those texts verbatim.
 */
public final class GoJson {

    static final int MAX_DEPTH = 10000;

    /** A Go {@code SyntaxError}: the message and Go's offset (bytes consumed when the error was detected). */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final long offset;

        SyntaxError(String message, long offset) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }

        /** The message, Go's text; never null (every instance is made with one). */
        @Override
        public String getMessage() {
            return String.valueOf(super.getMessage());
        }
    }

    private final byte[] in;
    private int pos;

    private GoJson(byte[] in) {
        this.in = in;
    }

    /** Parses one JSON document (surrounding whitespace allowed). */
    public static JNode parse(byte[] in) throws SyntaxError {
        return new GoJson(in).document();
    }

    private SyntaxError error(int index, String context) {
        return new SyntaxError("invalid character " + quoteChar(in[index] & 0xff) + " " + context, index + 1L);
    }

    private SyntaxError eof() {
        return new SyntaxError("unexpected end of JSON input", in.length);
    }

    /**
     * End of input inside a literal, number or escape: Go's scanner feeds a final space at the end, so the error
     * names that space.
     */
    private SyntaxError eofIn(String context) {
        return new SyntaxError("invalid character ' ' " + context, in.length);
    }

    /** Whether a number outside float64's range was seen (Ignition's position tree cannot hold it). */
    private boolean hugeNumber;

    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        return "'" + GoStrings.quoteRune(c) + "'";
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private void skipSpace() {
        while (pos < in.length && isSpace(in[pos])) {
            pos++;
        }
    }

    private static final class Frame {
        final JNode node;
        String pendingKey = "";
        int pendingKeyOffset;

        Frame(JNode node) {
            this.node = node;
        }
    }

    private JNode document() throws SyntaxError {
        Deque<Frame> stack = new ArrayDeque<>();
        JNode root = null;
        // state: expecting a value (with 'empty' allowed after '['), or expecting a key (after '{' or ',')
        boolean expectValue = true;
        boolean emptyAllowed = false;
        while (true) {
            if (expectValue) {
                skipSpace();
                if (pos >= in.length) {
                    throw eof();
                }
                int c = in[pos] & 0xff;
                if (emptyAllowed && c == ']') {
                    Frame f = stack.pop();
                    f.node.end = ++pos;
                    emptyAllowed = false;
                    JNode done = f.node;
                    if (stack.isEmpty()) {
                        root = done;
                        break;
                    }
                    expectValue = false;
                    continue;
                }
                emptyAllowed = false;
                JNode value;
                if (c == '{' || c == '[') {
                    if (stack.size() + 1 > MAX_DEPTH) {
                        throw error(pos, "exceeded max depth");
                    }
                    value = new JNode(c == '{' ? JNode.Kind.OBJECT : JNode.Kind.ARRAY, pos, "");
                    pos++;
                    attach(stack, value);
                    stack.push(new Frame(value));
                    if (c == '[') {
                        emptyAllowed = true;
                        continue;
                    }
                    // object: expect a key or '}'
                    skipSpace();
                    if (pos >= in.length) {
                        throw eof();
                    }
                    if (in[pos] == '}') {
                        Frame f = stack.pop();
                        f.node.end = ++pos;
                        if (stack.isEmpty()) {
                            root = f.node;
                            break;
                        }
                        expectValue = false;
                        continue;
                    }
                    readKey(stack.peek());
                    continue;
                }
                value = scalar(c);
                attach(stack, value);
                if (stack.isEmpty()) {
                    root = value;
                    break;
                }
                expectValue = false;
            } else {
                // after a value inside a container
                skipSpace();
                if (pos >= in.length) {
                    throw eof();
                }
                Frame f = stack.peek();
                int c = in[pos] & 0xff;
                if (f.node.kind == JNode.Kind.OBJECT) {
                    if (c == ',') {
                        pos++;
                        skipSpace();
                        if (pos >= in.length) {
                            throw eof();
                        }
                        readKey(f);
                        expectValue = true;
                        continue;
                    }
                    if (c != '}') {
                        throw error(pos, "after object key:value pair");
                    }
                } else {
                    if (c == ',') {
                        pos++;
                        expectValue = true;
                        continue;
                    }
                    if (c != ']') {
                        throw error(pos, "after array element");
                    }
                }
                stack.pop();
                f.node.end = ++pos;
                if (stack.isEmpty()) {
                    root = f.node;
                    break;
                }
            }
        }
        skipSpace();
        if (pos < in.length) {
            throw error(pos, "after top-level value");
        }
        root.hugeNumber = hugeNumber;
        return root;
    }

    /** Reads {@code "key" :} and leaves the key pending on the frame; the value follows. */
    private void readKey(Frame f) throws SyntaxError {
        int c = in[pos] & 0xff;
        if (c != '"') {
            throw error(pos, "looking for beginning of object key string");
        }
        int keyOffset = pos;
        String key = string();
        skipSpace();
        if (pos >= in.length) {
            throw eof();
        }
        if (in[pos] != ':') {
            throw error(pos, "after object key");
        }
        pos++;
        f.pendingKey = key;
        f.pendingKeyOffset = keyOffset;
    }

    private static void attach(Deque<Frame> stack, JNode value) {
        if (stack.isEmpty()) {
            return;
        }
        Frame f = stack.peek();
        if (f.node.kind == JNode.Kind.OBJECT) {
            f.node.members.add(new JNode.Member(f.pendingKey, f.pendingKeyOffset, value));
        } else {
            f.node.elements.add(value);
        }
    }

    private JNode scalar(int c) throws SyntaxError {
        int start = pos;
        JNode node;
        switch (c) {
            case '"' -> node = new JNode(JNode.Kind.STRING, start, string());
            case 't' -> {
                literal("true");
                node = new JNode(JNode.Kind.BOOL, start, "true");
            }
            case 'f' -> {
                literal("false");
                node = new JNode(JNode.Kind.BOOL, start, "false");
            }
            case 'n' -> {
                literal("null");
                node = new JNode(JNode.Kind.NULL, start, "null");
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    node = new JNode(
                            JNode.Kind.NUMBER,
                            start,
                            new String(in, start, pos - start, java.nio.charset.StandardCharsets.ISO_8859_1));
                    if (!hugeNumber && Double.isInfinite(Double.parseDouble(node.text))) {
                        hugeNumber = true;
                    }
                } else {
                    throw error(pos, "looking for beginning of value");
                }
            }
        }
        node.end = pos;
        return node;
    }

    private void literal(String word) throws SyntaxError {
        pos++;
        for (int i = 1; i < word.length(); i++) {
            if (pos >= in.length) {
                throw eofIn("in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
            if (in[pos] != word.charAt(i)) {
                throw error(pos, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
            pos++;
        }
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Scans a number; at the end of input a number may end (Go's scanner ends it at EOF). */
    private void number() throws SyntaxError {
        if (in[pos] == '-') {
            pos++;
            if (pos >= in.length) {
                throw eofIn("in numeric literal");
            }
            if (!digit(in[pos])) {
                throw error(pos, "in numeric literal");
            }
        }
        if (in[pos] == '0') {
            pos++;
        } else {
            while (pos < in.length && digit(in[pos])) {
                pos++;
            }
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (pos >= in.length) {
                throw eofIn("after decimal point in numeric literal");
            }
            if (!digit(in[pos])) {
                throw error(pos, "after decimal point in numeric literal");
            }
            while (pos < in.length && digit(in[pos])) {
                pos++;
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (pos >= in.length) {
                throw eofIn("in exponent of numeric literal");
            }
            if (!digit(in[pos])) {
                throw error(pos, "in exponent of numeric literal");
            }
            while (pos < in.length && digit(in[pos])) {
                pos++;
            }
        }
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Scans and decodes a string starting at the opening quote. */
    private String string() throws SyntaxError {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= in.length) {
                throw eof();
            }
            int c = in[pos] & 0xff;
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                pos++;
                if (pos >= in.length) {
                    throw eofIn("in string escape code");
                }
                int e = in[pos] & 0xff;
                switch (e) {
                    case '"', '\\', '/' -> out.append((char) e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int cp = hex4();
                        if (Character.isHighSurrogate((char) cp)
                                && pos + 6 <= in.length
                                && in[pos] == '\\'
                                && in[pos + 1] == 'u') {
                            int save = pos;
                            pos++;
                            int lo = hex4();
                            if (Character.isLowSurrogate((char) lo)) {
                                out.append((char) cp).append((char) lo);
                                continue;
                            }
                            // Go emits U+FFFD for the lone high surrogate and re-reads the second escape
                            pos = save;
                            out.append('\uFFFD');
                            continue;
                        }
                        out.append(Character.isSurrogate((char) cp) ? '\uFFFD' : (char) cp);
                        continue;
                    }
                    default -> throw error(pos, "in string escape code");
                }
                pos++;
                continue;
            }
            if (c < 0x20) {
                throw error(pos, "in string literal");
            }
            if (c < 0x80) {
                out.append((char) c);
                pos++;
                continue;
            }
            int len = GoStrings.utf8Length(in, pos);
            if (len <= 0) {
                out.append('\uFFFD');
                pos++;
            } else {
                out.append(new String(in, pos, len, java.nio.charset.StandardCharsets.UTF_8));
                pos += len;
            }
        }
    }

    /** Reads the four hex digits after {@code \\u} (pos is on the 'u'); leaves pos after them. */
    private int hex4() throws SyntaxError {
        pos++;
        int v = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= in.length) {
                throw eofIn("in \\u hexadecimal character escape");
            }
            int h = hex(in[pos] & 0xff);
            if (h < 0) {
                throw error(pos, "in \\u hexadecimal character escape");
            }
            v = v * 16 + h;
            pos++;
        }
        return v;
    }
}
