package dev.coreos4j.ignition.internal;

import java.nio.charset.StandardCharsets;

/** Small pieces of Go's string semantics: UTF-8 validity, rune quoting, byte length, {@code path.Clean}. */
public final class GoStrings {
    private GoStrings() {}

    /** Length of the valid UTF-8 sequence at {@code i}, or -1 if the bytes there are not valid UTF-8. */
    static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n;
        int min;
        if (c < 0x80) {
            return 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n > b.length) {
            return -1;
        }
        int cp = c & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return n;
    }

    /** Go's {@code strconv.Quote(string(rune(c)))} without the surrounding quotes, for a byte value. */
    static String quoteRune(int c) {
        String escape = switch (c) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 11 -> "\\v";
            case '\\' -> "\\\\";
            default -> null;
        };
        if (escape != null) {
            return escape;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", c);
        }
        if ((c >= 0x80 && c <= 0xA0) || c == 0xAD) { // strconv.IsPrint: U+00A0 and U+00AD are not printable
            return String.format("\\u%04x", c);
        }
        return String.valueOf((char) c);
    }

    /** The UTF-8 byte length of {@code s}, like Go's {@code len(string)}. */
    public static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Go's {@code path.Clean}. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder();
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            if (path.charAt(r) == '/') {
                r++;
            } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (path.charAt(r) == '.'
                    && path.charAt(r + 1) == '.'
                    && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r));
                    r++;
                }
            }
        }
        if (out.length() == 0) {
            return ".";
        }
        return out.toString();
    }

    /** Go's {@code path.Ext}: the suffix from the final dot of the final element, or "". */
    public static String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }

    /** Go's {@code path.Join(dir, name)} for the hard-link target resolution. */
    public static String join(String dir, String name) {
        if (dir.isEmpty() && name.isEmpty()) {
            return "";
        }
        if (dir.isEmpty()) {
            return clean(name);
        }
        if (name.isEmpty()) {
            return clean(dir);
        }
        return clean(dir + "/" + name);
    }

    /** Go's {@code path.Dir}. */
    public static String dir(String path) {
        int i = path.lastIndexOf('/');
        return clean(path.substring(0, i + 1));
    }
}
