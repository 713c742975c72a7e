package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.rules.ParseRule;
import dev.coreos4j.ignition.internal.rules.Validation;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Ignition's parse pipeline: empty check, JSON syntax, version detection, decode, validate, translate up. */
public final class Pipeline {
    private Pipeline() {}

    private static ParseResult fatal(
            ParseRule rule, String message, int @Nullable [] position, @Nullable SpecVersion version) {
        Location where =
                position == null ? Location.NONE : Location.NONE.withPosition(new Position(position[0], position[1]));
        return new ParseResult(null, version, new Report(List.of(Problem.of(rule, message, where))));
    }

    private static ParseResult fatal(ParseRule rule) {
        return fatal(rule, rule.message(), null, null);
    }

    /**
     * Parses and validates. A defect in this library must not surface as an exception to callers that rely on
     * "never throws for bad content", so an unexpected runtime failure becomes an {@code internal-error} entry.
     */
    public static ParseResult parse(byte[] raw) {
        try {
            return parseUnchecked(raw);
        } catch (RuntimeException | StackOverflowError e) {
            return fatal(ParseRule.INTERNAL_ERROR, ParseRule.INTERNAL_ERROR.message(e), null, null);
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
            return fatal(ParseRule.INTERNAL_ERROR, ParseRule.INTERNAL_ERROR.message(e), null, null);
        }
    }

    private static ParseResult parseUnchecked(byte[] raw) {
        ParseResult decoded = decodeUnchecked(raw);
        Config config = decoded.config();
        SpecVersion version = decoded.version();
        if (config == null || version == null) { // a decoded config always has its version
            return decoded;
        }
        return new ParseResult(Translations.upgrade(config, version), version, decoded.report());
    }

    private static ParseResult decodeUnchecked(byte[] raw) {
        if (raw.length == 0) {
            return fatal(ParseRule.NOT_A_CONFIG);
        }
        Positions positions = new Positions(raw);
        JNode root;
        try {
            root = GoJson.parse(raw);
        } catch (GoJson.SyntaxError e) {
            return fatal(ParseRule.JSON_SYNTAX, e.getMessage(), positions.ofGoError(e.offset()), null);
        }
        String versionText;
        try {
            versionText = Versions.stubVersion(root);
        } catch (Decoder.TypeError e) {
            return fatal(ParseRule.JSON_TYPE, e.getMessage(), positions.ofGoError(e.offset()), null);
        }
        Versions.Semver semver = Versions.parseSemver(versionText);
        if (semver == null) {
            return fatal(ParseRule.INVALID_VERSION);
        }
        SpecVersion version = Versions.match(semver);
        if (version == null) {
            return fatal(ParseRule.UNSUPPORTED_VERSION);
        }
        Decoder.Result decoded;
        try {
            decoded = Decoder.decode(root, version, positions);
        } catch (Decoder.TypeError e) {
            return fatal(ParseRule.JSON_TYPE, e.getMessage(), positions.ofGoError(e.offset()), version);
        }
        List<Problem> entries = new ArrayList<>();
        for (Problem e : Validation.validate(decoded.config(), version)) {
            entries.add(root.hugeNumber ? e : locate(e, root, positions));
        }
        if (!root.hugeNumber) {
            entries.addAll(decoded.warnings());
        }
        return new ParseResult(decoded.config().withVersion(version.toString()), version, new Report(entries));
    }

    /** Attaches the position of the deepest existing JSON node on the entry's path. */
    static Problem locate(Problem e, JNode root, Positions positions) {
        JsonPath path = e.location().path();
        if (path == null) {
            return e;
        }
        JNode node = root;
        for (JsonPath.Segment seg : path.segments()) {
            JNode next = null;
            if (node.kind == JNode.Kind.OBJECT && seg instanceof JsonPath.Name name) {
                JNode.Member m = node.member(name.name());
                next = m == null ? null : m.value();
            } else if (node.kind == JNode.Kind.ARRAY && seg instanceof JsonPath.Index index) {
                next = index.index() < node.elements.size() ? node.elements.get(index.index()) : null;
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        int[] lc = positions.of(node.markerOffset());
        return e.at(e.location().withPosition(new Position(lc[0], lc[1])));
    }
}
