package dev.coreos4j.ignition;

import dev.coreos4j.ignition.internal.GoPaths;
import dev.coreos4j.ignition.internal.Pipeline;
import dev.coreos4j.ignition.internal.Translations;
import dev.coreos4j.ignition.internal.Versions;
import dev.coreos4j.ignition.internal.Writer;
import dev.coreos4j.ignition.internal.rules.ParseRule;
import dev.coreos4j.ignition.internal.rules.Validation;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry points: parse any supported Ignition document, validate a model value, write a model value as a given spec
 * version. All methods are stateless and thread-safe.
 *
 * <p>Semantics follow Ignition 2.26 (spec 3.0.0 to 3.6.0 and 3.7.0-experimental): decoding as Go's
 * {@code encoding/json} decodes Ignition's structs, validation with Ignition's messages, JSON paths and rules per
 * spec version.
 */
public final class Ignition {
    private Ignition() {}

    /**
     * Parses a document of any supported version and translates it to the 3.6.0 model, exactly as Ignition reads a
     * config: JSON syntax and type errors, version detection ({@code invalid config version (couldn't parse)},
     * {@code unsupported config version}), unknown or wrongly-cased keys ({@code unused key X} warnings), then every
     * semantic rule of the document's version. Never throws for bad content, however deep or large.
     *
     * @param json the document bytes (UTF-8)
     * @return the config (null when the document is fatally broken), its declared version and the report
     * @throws NullPointerException if {@code json} is null
     */
    public static ParseResult parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        return Pipeline.parse(json);
    }

    /** {@link #parse(byte[])} of the UTF-8 encoding of {@code json}. */
    public static ParseResult parse(String json) {
        Objects.requireNonNull(json, "json");
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #parse(byte[])} of everything {@code in} yields; the stream is read to its end but not closed.
     *
     * @throws IOException if reading fails
     */
    public static ParseResult parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return parse(in.readAllBytes());
    }

    /**
     * Validates a model value with the rules of the spec version named by {@code config.ignition().version()}
     * (3.6.0 rules when it is empty or unsupported, with an error at {@code $.ignition.version}). Paths are relative
     * to {@code $}; no problem has a position.
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static Report validate(Config config) {
        Objects.requireNonNull(config, "config");
        String text = config.ignition().version();
        SpecVersion version = SpecVersion.latestStable();
        List<Problem> entries = new ArrayList<>();
        Location at = Location.at(JsonPath.of("ignition", "version"));
        Versions.Semver semver = Versions.parseSemver(text);
        SpecVersion matched = semver == null ? null : Versions.match(semver);
        if (semver == null) {
            entries.add(Problem.of(ParseRule.INVALID_VERSION, ParseRule.INVALID_VERSION.message(), at));
        } else if (matched == null) {
            entries.add(Problem.of(ParseRule.UNSUPPORTED_VERSION, ParseRule.UNSUPPORTED_VERSION.message(), at));
        } else {
            version = matched;
        }
        entries.addAll(Validation.validate(config, version));
        return new Report(entries);
    }

    /**
     * Writes {@code config} as canonical JSON of spec {@code version} (3.0.0 to 3.6.0, or 3.7.0-experimental):
     * {@code ignition.version} set to {@code version}, keys in Ignition's order, null/empty values omitted, no
     * whitespace. {@code parse(write(c, v)).config()} equals {@code c} (with the model version) whenever
     * {@code c} is representable in {@code v}.
     *
     * @throws IgnitionException with an error at the JSON path of every populated field (or value, such as
     *                           setuid/setgid/sticky mode bits) that {@code version} cannot express, or of every rule
     *                           the written document breaks in {@code version} but {@code config} does not break
     * @throws NullPointerException if an argument is null
     */
    public static byte[] write(Config config, SpecVersion version) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(version, "version");
        Writer.Output out = Writer.write(config, version);
        List<Problem> problems = new ArrayList<>(out.problems());
        if (problems.isEmpty() && version != SpecVersion.latestStable() && version != SpecVersion.V3_7_0_EXPERIMENTAL) {
            // values the older version reads differently (formats, URL schemes, hash functions, clevis pins...)
            List<String> before = validate(
                            config.withVersion(SpecVersion.latestStable().toString()))
                    .errors()
                    .stream()
                    .map(Ignition::pathAndMessage)
                    .toList();
            for (Problem e : Pipeline.parse(out.json()).report().errors()) {
                if (!before.contains(pathAndMessage(e))) {
                    problems.add(inVersion(e, version));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IgnitionException("config cannot be written as spec version " + version, new Report(problems));
        }
        return out.json();
    }

    /**
     * Translates a document to spec version {@code to}, up or down, keeping every value. Up, Ignition's own
     * one-step translators apply in turn: the 3.0→3.1 … 3.4→3.5 steps copy every value, mode bits included
     * ({@code 2541} stays {@code 2541}: setuid/setgid/sticky are inert before 3.6.0, which warns about them), and only
     * 3.5→3.6 clears setuid/setgid/sticky, as Ignition does. Down, a value the target cannot hold is refused, never
     * dropped, at every step: a populated field the target lacks, setuid/setgid/sticky bits of a 3.6.0+ document
     * written below 3.6.0 (they would stop working), a value the target reads differently (a URL scheme, a hash
     * function, a filesystem format…). Unlike {@link #write(Config, SpecVersion)}, which takes a 3.6.0 model value,
     * this keeps the document's own version semantics, so a 3.0.0 mode {@code 2541} is not masked on its way to
     * 3.1.0.
     *
     * @param json the document (UTF-8), any supported version
     * @param to   the target version
     * @return canonical JSON of {@code to}, as {@link #write(Config, SpecVersion)} formats it
     * @throws IgnitionException    carrying the document's report when it is invalid, or an error at the JSON path
     *                              of every value {@code to} cannot represent
     * @throws NullPointerException if an argument is null
     */
    public static byte[] translate(byte[] json, SpecVersion to) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(to, "to");
        ParseResult decoded = Pipeline.decode(json);
        Config parsed = decoded.configOrThrow();
        // a decoded config always has its version
        SpecVersion from = Objects.requireNonNull(decoded.version(), "version");
        Config config = to.compareTo(from) > 0 ? Translations.between(parsed, from, to) : parsed;
        boolean specialBitsFunctional = from.compareTo(SpecVersion.V3_6_0) >= 0;
        Writer.Output out = Writer.write(config, to, specialBitsFunctional);
        List<Problem> problems = new ArrayList<>(out.problems());
        if (problems.isEmpty()) {
            for (Problem e : Pipeline.parse(out.json()).report().errors()) {
                problems.add(inVersion(e, to));
            }
        }
        if (!problems.isEmpty()) {
            throw new IgnitionException("config cannot be translated to spec version " + to, new Report(problems));
        }
        return out.json();
    }

    private static String pathAndMessage(Problem e) {
        JsonPath path = e.location().path();
        return (path == null ? "null" : GoPaths.dotted(path)) + ": " + e.message();
    }

    /** An error of the written document, named as one of {@code version}, at its path without position. */
    private static Problem inVersion(Problem e, SpecVersion version) {
        JsonPath path = e.location().path();
        return new Problem(
                e.severity(),
                e.code(),
                e.message() + " (in spec version " + version + ")",
                path == null ? Location.NONE : Location.at(path));
    }
}
