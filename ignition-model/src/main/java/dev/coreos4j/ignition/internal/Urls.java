package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.rules.Finding;
import dev.coreos4j.ignition.internal.rules.UrlRule;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * URL checks as Ignition performs them: a port of the parts of Go's {@code net/url.Parse} that can fail, the
 * scheme allow-list per spec version, S3 version ids, S3 ARNs and RFC 2397 data URLs (with the lexer rules of the
 * {@code dataurl} library Ignition uses).
 */
public final class Urls {
    private Urls() {}

    /** A parsed URL: lower-cased scheme, whether it is opaque, the raw query. */
    public record Parsed(String scheme, @Nullable String opaque, String rawQuery) {}

    /** Go's {@code url.Parse}; null when it returns an error. */
    public static @Nullable Parsed parse(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        String rest = raw;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            if (!validEscapes(rest.substring(hash + 1))) {
                return null;
            }
            rest = rest.substring(0, hash);
        }
        if (rest.equals("*")) {
            return new Parsed("", null, "");
        }
        String scheme = "";
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return null; // missing protocol scheme
                }
                scheme = rest.substring(0, i).toLowerCase(Locale.ROOT);
                rest = rest.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parsed(scheme, rest, rawQuery);
            }
            int colon = rest.indexOf(':');
            int slash = rest.indexOf('/');
            if (colon >= 0 && (slash < 0 || colon < slash)) {
                return null; // first path segment in URL cannot contain colon
            }
        }
        if (rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            String path = "";
            if (slash >= 0) {
                path = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            if (!validAuthority(authority)) {
                return null;
            }
            rest = path;
        }
        if (!validEscapes(rest)) {
            return null;
        }
        return new Parsed(scheme, null, rawQuery);
    }

    private static boolean validEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (i + 2 >= s.length()) {
                    return false;
                }
                if (hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean validAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = authority;
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            for (int i = 0; i < userinfo.length(); i++) {
                char c = userinfo.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                    return false;
                }
            }
            if (!validEscapes(userinfo)) {
                return false;
            }
            host = authority.substring(at + 1);
        }
        String port;
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                return false; // missing ']' in host
            }
            port = host.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                return false;
            }
        } else {
            int colon = host.lastIndexOf(':');
            port = colon >= 0 ? host.substring(colon) : "";
            String name = colon >= 0 ? host.substring(0, colon) : host;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x80 && !Character.isLetterOrDigit(c) && "-._~!$&'()*+,;=%\"<>[]:".indexOf(c) < 0) {
                    return false; // invalid character in host name
                }
            }
            if (!validEscapes(name)) {
                return false;
            }
            for (int i = name.indexOf('%'); i >= 0; i = name.indexOf('%', i + 1)) {
                // Go accepts only %-escapes of non-ASCII bytes in a host name (and %25)
                if (hex(name.charAt(i + 1)) < 8 && !name.startsWith("%25", i)) {
                    return false;
                }
            }
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false; // invalid port
            }
        }
        return true;
    }

    /**
     * Ignition's {@code validateURL} (coreos/ignition config/v3_4/types/url.go): null when fine, else the rule the
     * URL breaks. {@code version} selects the allowed schemes ({@code gs} 3.2.0+, {@code arn} 3.4.0+).
     */
    public static @Nullable Finding validate(String s, SpecVersion version) {
        Parsed u = parse(s);
        if (u == null) {
            return Finding.of(UrlRule.UNPARSABLE_URL);
        }
        return switch (u.scheme()) {
            case "http", "https", "tftp" -> null;
            case "gs" -> version.compareTo(SpecVersion.V3_2_0) >= 0 ? null : Finding.of(UrlRule.INVALID_URL_SCHEME);
            case "s3" -> versionIdError(u.rawQuery());
            case "arn" ->
                version.compareTo(SpecVersion.V3_4_0) < 0 ? Finding.of(UrlRule.INVALID_URL_SCHEME) : arnError(u);
            case "data" -> {
                String error = dataUrlError(s);
                yield error == null ? null : Finding.of(UrlRule.INVALID_DATA_URL, error);
            }
            default -> Finding.of(UrlRule.INVALID_URL_SCHEME);
        };
    }

    private static @Nullable Finding versionIdError(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq >= 0 ? pair.substring(0, eq) : pair;
            String value = eq >= 0 ? pair.substring(eq + 1) : "";
            if (key.equals("versionId")) {
                return value.isEmpty() ? Finding.of(UrlRule.INVALID_S3_VERSION_ID) : null;
            }
        }
        return null;
    }

    private static @Nullable Finding arnError(Parsed u) {
        String opaque = u.opaque();
        String full = u.scheme() + ":" + opaque;
        if (opaque == null
                || !full.startsWith("arn:")
                || full.chars().filter(c -> c == ':').count() < 5) {
            return Finding.of(UrlRule.INVALID_S3_ARN);
        }
        String[] sections = full.split(":", 6);
        if (sections.length != 6 || !sections[2].equals("s3")) {
            return Finding.of(UrlRule.INVALID_S3_ARN);
        }
        int slashParts = full.split("/", -1).length;
        if (sections[5].startsWith("accesspoint/") ? slashParts < 3 : slashParts < 2) {
            return Finding.of(UrlRule.INVALID_S3_ARN);
        }
        return versionIdError(u.rawQuery());
    }

    private static boolean token(int r) {
        return r < 0x80 && r > 0x20 && r != 0x7f && "()<>@,;:\\\"/[]?=".indexOf(r) < 0;
    }

    private static boolean urlChar(int r) {
        return r < 0x80 && r > 0x1f && r != 0x7f && " <>#\"{}|\\^[]`".indexOf(r) < 0;
    }

    private static boolean base64Char(int r) {
        return (r >= 'a' && r <= 'z')
                || (r >= 'A' && r <= 'Z')
                || (r >= '0' && r <= '9')
                || r == '+'
                || r == '/'
                || r == '='
                || r == '\n';
    }

    /** RFC 2397 as the {@code dataurl} library lexes and decodes it; null when fine, else its error text. */
    static @Nullable String dataUrlError(String s) {
        if (!s.startsWith("data:")) {
            return "missing data prefix";
        }
        int p = 5;
        int n = s.length();
        boolean base64 = false;
        // media type (optional)
        if (p >= n) {
            return "missing comma before data";
        }
        char c = s.charAt(p);
        if (c != ';' && c != ',') {
            int start = p;
            boolean xToken = (c == 'x' || c == 'X') && p + 1 < n && s.charAt(p + 1) == '-';
            if (!xToken && !token(c)) {
                return "invalid character after data prefix";
            }
            while (true) {
                p++;
                if (p >= n) {
                    return "missing media type slash";
                }
                c = s.charAt(p);
                if (c == '/') {
                    break;
                }
                if (!token(c)) {
                    return "invalid character for media type";
                }
            }
            String type = s.substring(start, p);
            if (!xToken
                    && !(type.startsWith("text")
                            || type.startsWith("image")
                            || type.startsWith("audio")
                            || type.startsWith("video")
                            || type.startsWith("application")
                            || type.startsWith("message")
                            || type.startsWith("multipart"))) {
                return "invalid media type";
            }
            while (true) {
                p++;
                if (p >= n) {
                    return "incomplete media type";
                }
                c = s.charAt(p);
                if (c == ';' || c == ',') {
                    break;
                }
                if (!token(c)) {
                    return "invalid character for media subtype";
                }
            }
        }
        // parameters
        while (c == ';') {
            p++;
            if (p >= n) {
                return "unterminated parameter sequence";
            }
            c = s.charAt(p);
            if (c == '=' || c == ',') {
                return "unterminated parameter sequence";
            }
            if (!token(c)) {
                return "invalid character for parameter attribute";
            }
            int attrStart = p;
            while (true) {
                p++;
                if (p >= n) {
                    return "unterminated parameter sequence";
                }
                c = s.charAt(p);
                if (c == '=' || c == ',') {
                    break;
                }
                if (!token(c)) {
                    return "invalid character for parameter attribute";
                }
            }
            if (c == ',') {
                String attr = s.substring(attrStart, p);
                if (!attr.equals("base64")) {
                    return "expected base64, got " + attr;
                }
                base64 = true;
                break;
            }
            // '=' value
            p++;
            if (p >= n) {
                return "missing comma before data";
            }
            c = s.charAt(p);
            if (c == '"') {
                while (true) {
                    p++;
                    if (p >= n) {
                        return "unclosed quoted string";
                    }
                    c = s.charAt(p);
                    if (c == '\\') {
                        p++;
                        if (p >= n) {
                            return "unexpected eof";
                        }
                        if (s.charAt(p) >= 0x80) {
                            return "invalid escaped character";
                        }
                        continue;
                    }
                    if (c == '"') {
                        break;
                    }
                    if (c >= 0x80) {
                        return "invalid character for parameter value";
                    }
                }
                p++;
            } else if (!token(c)) {
                return "invalid character for parameter value";
            } else {
                while (true) {
                    p++;
                    if (p >= n) {
                        return "missing comma before data";
                    }
                    c = s.charAt(p);
                    if (c == ';' || c == ',') {
                        break;
                    }
                    if (!token(c)) {
                        return "invalid character for parameter value";
                    }
                }
            }
            if (p >= n) {
                return "missing comma before data";
            }
            c = s.charAt(p);
            if (c != ';' && c != ',') {
                return "expected semicolon or comma";
            }
        }
        if (c != ',') {
            return "missing comma before data";
        }
        String data = s.substring(p + 1);
        for (int i = 0; i < data.length(); i++) {
            int r = data.charAt(i);
            if (base64 ? !base64Char(r) : !urlChar(r)) {
                return "invalid data character";
            }
        }
        if (base64) {
            int bad = base64ErrorOffset(data);
            return bad < 0 ? null : "illegal base64 data at input byte " + bad;
        }
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) == '%') {
                // the dataurl package reads the two digits one at a time: the end of input is reported for the
                // digit that is missing, a bad digit as soon as it is read, and the character named is always
                // the '%' itself (its format is "invalid char %#x", of the rune being unescaped)
                for (int k = 1; k <= 2; k++) {
                    if (i + k >= data.length()) {
                        return "rfc2396: unexpected end of unescape sequence";
                    }
                    if (hex(data.charAt(i + k)) < 0) {
                        return "rfc2396: invalid char 0x25 in unescape sequence";
                    }
                }
                i += 2;
            }
        }
        return null;
    }

    private static int b64(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** The offset Go's {@code base64.StdEncoding.DecodeString} reports as corrupt, or -1 when it decodes. */
    static int base64ErrorOffset(String src) {
        int n = src.length();
        int si = 0;
        while (si < n) {
            for (int j = 0; j < 4; j++) {
                if (si == n) {
                    if (j == 0) {
                        return -1;
                    }
                    return si - j;
                }
                char in = src.charAt(si++);
                if (b64(in) >= 0) {
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=') {
                    return si - 1;
                }
                if (j == 0 || j == 1) {
                    return si - 1;
                }
                if (j == 2) {
                    while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
                        si++;
                    }
                    if (si == n) {
                        return n;
                    }
                    if (src.charAt(si) != '=') {
                        return si - 1;
                    }
                    si++;
                }
                while (si < n && (src.charAt(si) == '\n' || src.charAt(si) == '\r')) {
                    si++;
                }
                return si < n ? si : -1;
            }
        }
        return -1;
    }

    /** The lower-cased scheme of a URL, or null when it does not parse. */
    public static @Nullable String scheme(String s) {
        Parsed u = parse(s);
        return u == null ? null : u.scheme();
    }
}
