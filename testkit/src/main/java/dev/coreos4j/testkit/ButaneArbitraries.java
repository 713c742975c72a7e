package dev.coreos4j.testkit;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jspecify.annotations.Nullable;

/**
 * Butane renderings of Ignition configs: the testkit's valid configs ({@link IgnitionArbitraries}) written as the
 * Butane YAML (variant {@code fcos}) that translates back to them, for testing Butane front ends (ours:
 * {@code dev.coreos4j.ignition.butane}) and tools that consume Butane. Stateless; thread-safe.
 */
public final class ButaneArbitraries {
    private ButaneArbitraries() {}

    /**
     * A Butane document and the Ignition config it must translate to.
     *
     * @param yaml     the Butane document
     * @param expected the config (its {@code ignition.version} the spec the document generates)
     * @param version  the fcos version of the document
     * @param inline   whether {@code data:} file contents were rendered as {@code inline} text (their encoding is
     *                 then the translator's choice: compare decoded contents)
     */
    public record ButaneDocument(String yaml, Config expected, String version, boolean inline) {
        public ButaneDocument {
            Objects.requireNonNull(yaml, "yaml");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The fcos version that generates each stable spec. */
    private static final Map<SpecVersion, String> FCOS = Map.of(
            SpecVersion.V3_0_0,
            "1.0.0",
            SpecVersion.V3_1_0,
            "1.1.0",
            SpecVersion.V3_2_0,
            "1.3.0",
            SpecVersion.V3_3_0,
            "1.4.0",
            SpecVersion.V3_4_0,
            "1.5.0",
            SpecVersion.V3_5_0,
            "1.6.0",
            SpecVersion.V3_6_0,
            "1.7.0");

    /** The fcos Butane version that generates {@code spec}. @throws IllegalArgumentException for experimental */
    public static String fcosVersionFor(SpecVersion spec) {
        String v = FCOS.get(spec);
        if (v == null) {
            throw new IllegalArgumentException("no stable fcos version generates " + spec);
        }
        return v;
    }

    /** Valid configs of every stable spec, rendered as Butane; sources kept or, half the time, inlined. */
    public static Arbitrary<ButaneDocument> documents() {
        return Arbitraries.of(SpecVersion.stable())
                .withoutEdgeCases()
                .flatMap(v -> IgnitionArbitraries.validConfigs(v)
                        .flatMap(c -> Arbitraries.of(false, true)
                                .map(inline -> new ButaneDocument(
                                        render(c, v, inline),
                                        c.withVersion(v.toString()),
                                        fcosVersionFor(v),
                                        inline))));
    }

    /**
     * Renders {@code config} as a Butane document of the fcos version generating {@code spec}: block YAML,
     * snake_case keys, every string double-quoted (escaped so any content survives), absent and empty values left
     * out, {@code ignition.version} implied by the header.
     *
     * @param inline render {@code data:} file contents without compression as {@code inline} text where they decode
     *               to UTF-8
     */
    public static String render(Config config, SpecVersion spec, boolean inline) {
        StringBuilder out = new StringBuilder("variant: fcos\nversion: ")
                .append(fcosVersionFor(spec))
                .append('\n');
        fields(out, config, 0, false, inline, false);
        return out.toString();
    }

    private static boolean empty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v.getClass().isRecord()) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                Object x = get(rc, v);
                boolean zero = (x instanceof String s && s.isEmpty() && isKey(rc.getName()))
                        || (rc.getType() == long.class && (Long) x == 0);
                if (!zero && !empty(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Object get(RecordComponent rc, Object o) {
        try {
            return rc.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isKey(String field) {
        return field.equals("name") || field.equals("path") || field.equals("device") || field.equals("url");
    }

    /**
     * Writes a record's fields as {@code key: value} lines at {@code indent}; the first one without indentation
     * when it follows a list dash.
     */
    private static void fields(
            StringBuilder out, Object record, int indent, boolean afterDash, boolean inline, boolean fileResource) {
        boolean first = true;
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            String name = rc.getName();
            Object v = get(rc, record);
            if ((record instanceof Config.Ignition && name.equals("version"))
                    || (rc.getType() == long.class && (Long) v == 0)
                    || (v instanceof String s && s.isEmpty() && isKey(name))
                    || empty(v)) {
                continue;
            }
            String text = inline && fileResource && record instanceof Config.Resource r ? inlineText(r) : null;
            if (text != null && name.equals("compression")) {
                continue;
            }
            if (!(first && afterDash)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            if (text != null && name.equals("source")) {
                out.append("inline: ");
                scalar(out, text);
                out.append('\n');
                continue;
            }
            out.append(snake(name)).append(':');
            boolean nestedFileResource =
                    record instanceof Config.File && (name.equals("contents") || name.equals("append"));
            if (v instanceof List<?> l) {
                out.append('\n');
                for (Object item : l) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    if (item.getClass().isRecord()) {
                        if (empty(item)) {
                            out.append("{}\n");
                        } else {
                            fields(out, item, indent + 4, true, inline, nestedFileResource);
                        }
                    } else {
                        scalar(out, item);
                        out.append('\n');
                    }
                }
            } else if (v.getClass().isRecord()) {
                out.append('\n');
                fields(out, v, indent + 2, false, inline, nestedFileResource);
            } else {
                out.append(' ');
                scalar(out, v);
                out.append('\n');
            }
        }
    }

    private static void scalar(StringBuilder out, Object v) {
        if (v instanceof String s) {
            out.append('"');
            s.codePoints().forEach(c -> {
                if (c == '"' || c == '\\') {
                    out.append('\\').appendCodePoint(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    out.appendCodePoint(c);
                } else if (c <= 0xFFFF) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(String.format("\\U%08x", c));
                }
            });
            out.append('"');
        } else {
            out.append(v);
        }
    }

    /** The text of a data URL without compression that decodes to UTF-8, else null. */
    static @Nullable String inlineText(Config.Resource r) {
        String s = r.source();
        if (s == null
                || !s.startsWith("data:")
                || (r.compression() != null && !r.compression().isEmpty())) {
            return null;
        }
        int comma = s.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String meta = s.substring(5, comma);
        byte[] bytes;
        try {
            if (meta.endsWith(";base64")) {
                bytes = Base64.getDecoder().decode(s.substring(comma + 1));
            } else if (meta.isEmpty()) {
                bytes = percentDecode(s.substring(comma + 1));
            } else {
                return null;
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] percentDecode(String s) {
        List<Byte> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1) {
                out.add((byte) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 128) {
                out.add((byte) c);
            } else {
                throw new IllegalArgumentException("non-ASCII in data URL");
            }
        }
        byte[] b = new byte[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return b;
    }

    /** Ignition's camelCase as Butane's snake_case ({@code sizeMiB} is {@code size_mib}). */
    static String snake(String in) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < in.length(); i++) {
            if (in.startsWith("MiB", i)) {
                b.append("_mib");
                i += 2;
            } else if (Character.isUpperCase(in.charAt(i))) {
                b.append('_').append(Character.toLowerCase(in.charAt(i)));
            } else {
                b.append(in.charAt(i));
            }
        }
        return b.toString();
    }
}
