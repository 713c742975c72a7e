package dev.coreos4j.planner.render;

import dev.coreos4j.planner.RenderedConfig;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical text and digests of model values (records of the Ignition model, lists, maps, strings, numbers,
 * booleans, null). The canonical text is JSON: record components in declaration order under their names, maps with
 * sorted keys, strings escaped, {@code null} written out. Two values have the same text exactly when they are equal,
 * so equal entries hash alike whatever list they came from. Package-private: the hashes are an implementation
 * detail of {@link RenderedConfig#from} and {@link Renderer}.
 */
final class ContentHash {

    private ContentHash() {}

    /** The canonical JSON text of {@code value}. */
    static String canonical(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    /** {@code sha256:<hex>} of the canonical text of {@code value}. */
    static String sha256(Object value) {
        return "sha256:" + hex("SHA-256", canonical(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the {@code algorithm} digest of {@code bytes}. */
    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Enum<?> e) {
            string(b, e.name());
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(b, list.get(i));
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, e.getKey());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v.getClass().isRecord()) {
            b.append('{');
            boolean first = true;
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, rc.getName());
                b.append(':');
                try {
                    write(b, rc.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
            }
            b.append('}');
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + v.getClass().getName());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
