package dev.coreos4j.problem;

import java.util.ArrayList;
import java.util.List;

/** Reads {@link JsonPath#toString()}'s syntax back. */
final class PathParser {
    private final String text;
    private int at;

    PathParser(String text) {
        this.text = text;
    }

    JsonPath parse() {
        if (!text.startsWith("$")) {
            throw fail("a path starts with $");
        }
        at = 1;
        List<JsonPath.Segment> out = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                at++;
                int start = at;
                while (at < text.length() && text.charAt(at) != '.' && text.charAt(at) != '[') {
                    at++;
                }
                String name = text.substring(start, at);
                if (!JsonPath.isShorthand(name)) {
                    at = start;
                    throw fail("not a member-name shorthand: '" + name + "'");
                }
                out.add(new JsonPath.Name(name));
            } else if (c == '[') {
                at++;
                out.add(bracketed());
            } else {
                throw fail("expected . or [");
            }
        }
        return JsonPath.of(out);
    }

    private JsonPath.Segment bracketed() {
        if (at >= text.length()) {
            throw fail("unterminated [");
        }
        char c = text.charAt(at);
        JsonPath.Segment segment;
        if (c == '\'' || c == '"') {
            at++;
            segment = new JsonPath.Name(quoted(c));
        } else {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            String digits = text.substring(start, at);
            if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
                at = start;
                throw fail("expected an index or a quoted name");
            }
            try {
                segment = new JsonPath.Index(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                at = start;
                throw fail("index too large");
            }
        }
        if (at >= text.length() || text.charAt(at) != ']') {
            throw fail("expected ]");
        }
        at++;
        return segment;
    }

    private String quoted(char quote) {
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '/', '\\', '\'', '"' -> out.append(e);
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw fail("short \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw fail("bad \\u escape");
                    }
                    at += 4;
                }
                default -> {
                    at--;
                    throw fail("unknown escape \\" + e);
                }
            }
        }
        throw fail("unterminated quoted name");
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("JSON path '" + text + "' at offset " + at + ": " + why);
    }
}
