package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.SpecVersion;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Ignition's version detection: the {@code versionStub} decode and go-semver parsing with exact matching. */
public final class Versions {
    private Versions() {}

    /** Result of reading {@code ignition.version}: the raw string ("" when absent). */
    public static String stubVersion(JNode root) throws Decoder.TypeError {
        if (root.kind == JNode.Kind.NULL) {
            return "";
        }
        if (root.kind != JNode.Kind.OBJECT) {
            throw new Decoder.TypeError(
                    "json: cannot unmarshal " + root.kind.goName + " into Go value of type util.versionStub",
                    offsetOf(root));
        }
        String version = "";
        for (JNode.Member m : root.members) {
            if (!m.key().equalsIgnoreCase("ignition")) {
                continue;
            }
            JNode ign = m.value();
            if (ign.kind == JNode.Kind.NULL) {
                continue;
            }
            if (ign.kind != JNode.Kind.OBJECT) {
                throw new Decoder.TypeError(
                        "json: cannot unmarshal " + ign.kind.goName
                                + " into Go struct field versionStub.Ignition of type struct { Version string }",
                        offsetOf(ign));
            }
            for (JNode.Member v : ign.members) {
                if (!v.key().equalsIgnoreCase("version")) {
                    continue;
                }
                JNode value = v.value();
                if (value.kind == JNode.Kind.NULL) {
                    continue;
                }
                if (value.kind != JNode.Kind.STRING) {
                    throw new Decoder.TypeError(
                            "json: cannot unmarshal " + value.kind.goName
                                    + " into Go struct field .Ignition.Version of type string",
                            offsetOf(value));
                }
                version = value.text;
            }
        }
        return version;
    }

    private static long offsetOf(JNode node) {
        return node.kind == JNode.Kind.OBJECT || node.kind == JNode.Kind.ARRAY ? node.start + 1L : node.end;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");

    /** A parsed go-semver version. */
    public record Semver(long major, long minor, long patch, String preRelease, String metadata) {}

    /** go-semver's {@code NewVersion}; null when it cannot parse. */
    public static @Nullable Semver parseSemver(String text) {
        String version = text;
        String metadata = "";
        int plus = version.indexOf('+');
        if (plus >= 0) {
            metadata = version.substring(plus + 1);
            version = version.substring(0, plus);
        }
        String pre = "";
        int dash = version.indexOf('-');
        if (dash >= 0) {
            pre = version.substring(dash + 1);
            version = version.substring(0, dash);
        }
        String[] parts = version.split("\\.", 3);
        if (parts.length != 3 || (version.endsWith(".") && parts.length < 3)) {
            return null;
        }
        if ((!pre.isEmpty() && !IDENTIFIER.matcher(pre).matches())
                || (!metadata.isEmpty() && !IDENTIFIER.matcher(metadata).matches())) {
            return null;
        }
        long[] parsed = new long[3];
        for (int i = 0; i < 3; i++) {
            Long n = parseInt(parts[i]);
            if (n == null) {
                return null;
            }
            parsed[i] = n;
        }
        return new Semver(parsed[0], parsed[1], parsed[2], pre, metadata);
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)} (an optional sign, decimal digits). */
    private static @Nullable Long parseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int k = i; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The supported version equal to {@code v} (all five parts), or null. */
    public static @Nullable SpecVersion match(Semver v) {
        for (SpecVersion s : SpecVersion.values()) {
            if (s.major() == v.major()
                    && s.minor() == v.minor()
                    && s.patch() == v.patch()
                    && v.metadata().isEmpty()
                    && v.preRelease().equals(s.isExperimental() ? "experimental" : "")) {
                return s;
            }
        }
        return null;
    }
}
