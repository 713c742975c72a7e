package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.rules.IgnitionRule;
import dev.coreos4j.ignition.internal.rules.WriteRule;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical JSON output of a model value for one spec version: keys in Ignition's field order, null values, empty
 * lists, empty objects, empty list keys and partition number 0 omitted, no insignificant whitespace, strings
 * escaped like Go's {@code encoding/json} ({@code <>&} and U+2028/U+2029 as {@code \\u} escapes). Populated fields
 * the target version lacks are collected as errors instead of being dropped.
 */
public final class Writer {
    private final SpecVersion version;
    private final List<Problem> problems = new ArrayList<>();

    private Writer(SpecVersion version) {
        this.version = version;
    }

    /** The JSON bytes and the problems found (empty when the config is representable). */
    public static final class Output {
        private final byte[] json;
        private final List<Problem> problems;

        Output(byte[] json, List<Problem> problems) {
            this.json = json;
            this.problems = problems;
        }

        /** The JSON bytes (a copy). */
        public byte[] json() {
            return json.clone();
        }

        /** The problems; unmodifiable. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** Writes a model value (3.6.0 semantics: setuid/setgid/sticky bits are functional). */
    public static Output write(Config config, SpecVersion version) {
        return write(config, version, true);
    }

    /**
     * Writes {@code config}; {@code specialBitsFunctional} says whether its setuid/setgid/sticky bits mean something
     * (a 3.6.0+ value), in which case a version before 3.6.0 cannot hold them. Below 3.6.0 they are inert in both.
     */
    public static Output write(Config config, SpecVersion version, boolean specialBitsFunctional) {
        Writer w = new Writer(version);
        StringBuilder out = new StringBuilder();
        Config c = config.withVersion(version.toString());
        w.record(out, c, JsonPath.ROOT, Decoder.ResourceRole.OTHER);
        if (specialBitsFunctional) {
            w.specialBits(c);
        }
        return new Output(out.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(w.problems));
    }

    private void specialBits(Config c) {
        if (version.compareTo(SpecVersion.V3_6_0) >= 0) {
            return;
        }
        for (int i = 0; i < c.storage().files().size(); i++) {
            Long m = c.storage().files().get(i).mode();
            if (m != null && (m & 07000) != 0) {
                problem(JsonPath.of("storage", "files", i, "mode"), WriteRule.SPECIAL_MODE_BITS_UNSUPPORTED, version);
            }
        }
        for (int i = 0; i < c.storage().directories().size(); i++) {
            Long m = c.storage().directories().get(i).mode();
            if (m != null && (m & 07000) != 0) {
                problem(
                        JsonPath.of("storage", "directories", i, "mode"),
                        WriteRule.SPECIAL_MODE_BITS_UNSUPPORTED,
                        version);
            }
        }
    }

    private void problem(JsonPath path, IgnitionRule rule, Object... args) {
        problems.add(Problem.of(rule, rule.message(args), Location.at(path)));
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a value is omitted from output. */
    static boolean isEmpty(Class<?> owner, String field, Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof List<?> l) {
            return l.isEmpty();
        }
        if (value instanceof String s) {
            return s.isEmpty() && Decoder.isKey(owner, field) && !(owner == Config.Ignition.class);
        }
        if (value instanceof Long n) {
            return owner == Config.Partition.class && field.equals("number") && n == 0L;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (!isEmpty(value.getClass(), c.getName(), get(c, value))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private void record(StringBuilder out, Object record, JsonPath path, Decoder.ResourceRole role) {
        Class<?> type = record.getClass();
        out.append('{');
        boolean first = true;
        for (RecordComponent c : type.getRecordComponents()) {
            Object value = get(c, record);
            if (isEmpty(type, c.getName(), value)) {
                continue;
            }
            JsonPath childPath = path.child(c.getName());
            if (!Decoder.known(type, c.getName(), role, version)) {
                problem(childPath, WriteRule.FIELD_NOT_IN_VERSION, c.getName(), version);
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, c.getName());
            out.append(':');
            value(out, value, childPath, Decoder.roleOf(type, c.getName(), role));
        }
        out.append('}');
    }

    private void value(StringBuilder out, Object value, JsonPath path, Decoder.ResourceRole role) {
        if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i), path.index(i), role);
            }
            out.append(']');
        } else {
            record(out, value, path, role);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u00").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                        if (c >= 0x100) {
                            out.setLength(out.length() - 6);
                            out.append("\\u")
                                    .append(HEX[c >> 12])
                                    .append(HEX[(c >> 8) & 0xf])
                                    .append(HEX[(c >> 4) & 0xf])
                                    .append(HEX[c & 0xf]);
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
