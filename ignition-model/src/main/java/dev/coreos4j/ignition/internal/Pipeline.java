package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.Severity;
import dev.coreos4j.ignition.SpecVersion;
import java.util.ArrayList;
import java.util.List;

/** Ignition's parse pipeline: empty check, JSON syntax, version detection, decode, validate, translate up. */
public final class Pipeline {
    private Pipeline() {}

    private static ParseResult fatal(String code, String message, int[] position, SpecVersion version) {
        Integer line = position == null ? null : position[0];
        Integer col = position == null ? null : position[1];
        return new ParseResult(
                null, version, new Report(List.of(new Report.Entry(Severity.ERROR, null, code, message, line, col))));
    }

    /**
     * Parses and validates. A defect in this library must not surface as an exception to callers that rely on
     * "never throws for bad content", so an unexpected runtime failure becomes an {@code internal-error} entry.
     */
    public static ParseResult parse(byte[] raw) {
        try {
            return parseUnchecked(raw);
        } catch (RuntimeException | StackOverflowError e) {
            return fatal("internal-error", "internal error: " + e, null, null);
        }
    }

    /**
     * Decodes and validates without translating: the result's config has the document's own version semantics
     * (special mode bits kept below 3.6.0) and that version string; used by {@code Ignition.translate}.
     */
    public static ParseResult decode(byte[] raw) {
        try {
            return decodeUnchecked(raw);
        } catch (RuntimeException | StackOverflowError e) {
            return fatal("internal-error", "internal error: " + e, null, null);
        }
    }

    private static ParseResult parseUnchecked(byte[] raw) {
        ParseResult decoded = decodeUnchecked(raw);
        if (decoded.config() == null) {
            return decoded;
        }
        return new ParseResult(
                Translations.upgrade(decoded.config(), decoded.version()), decoded.version(), decoded.report());
    }

    private static ParseResult decodeUnchecked(byte[] raw) {
        if (raw.length == 0) {
            return fatal("not-a-config", "not a config (empty)", null, null);
        }
        Positions positions = new Positions(raw);
        JNode root;
        try {
            root = GoJson.parse(raw);
        } catch (GoJson.SyntaxError e) {
            return fatal("json-syntax", e.getMessage(), positions.ofGoError(e.offset()), null);
        }
        String versionText;
        try {
            versionText = Versions.stubVersion(root);
        } catch (Decoder.TypeError e) {
            return fatal("json-type", e.getMessage(), positions.ofGoError(e.offset()), null);
        }
        Versions.Semver semver = Versions.parseSemver(versionText);
        if (semver == null) {
            return fatal("invalid-version", "invalid config version (couldn't parse)", null, null);
        }
        SpecVersion version = Versions.match(semver);
        if (version == null) {
            return fatal("unsupported-version", "unsupported config version", null, null);
        }
        Decoder.Result decoded;
        try {
            decoded = Decoder.decode(root, version, positions);
        } catch (Decoder.TypeError e) {
            return fatal("json-type", e.getMessage(), positions.ofGoError(e.offset()), version);
        }
        List<Report.Entry> entries = new ArrayList<>();
        for (Report.Entry e : Rules.validate(decoded.config(), version)) {
            entries.add(root.hugeNumber ? e : locate(e, root, positions));
        }
        if (!root.hugeNumber) {
            entries.addAll(decoded.warnings());
        }
        return new ParseResult(decoded.config().withVersion(version.toString()), version, new Report(entries));
    }

    /** Attaches the position of the deepest existing JSON node on the entry's path. */
    static Report.Entry locate(Report.Entry e, JNode root, Positions positions) {
        if (e.path() == null) {
            return e;
        }
        JNode node = root;
        String[] segments = e.path().split("\\.");
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            JNode next = null;
            if (node.kind == JNode.Kind.OBJECT) {
                JNode.Member m = node.member(seg);
                next = m == null ? null : m.value();
            } else if (node.kind == JNode.Kind.ARRAY) {
                try {
                    int index = Integer.parseInt(seg);
                    next = index < node.elements.size() ? node.elements.get(index) : null;
                } catch (NumberFormatException ex) {
                    next = null;
                }
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        int[] lc = positions.of(node.markerOffset());
        return new Report.Entry(e.severity(), e.path(), e.code(), e.message(), lc[0], lc[1]);
    }
}
