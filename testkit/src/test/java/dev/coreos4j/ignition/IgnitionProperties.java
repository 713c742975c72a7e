package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.IgnitionArbitraries;
import dev.coreos4j.testkit.IgnitionLaws;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of parse, validate, write and translation. */
class IgnitionProperties {

    // ------------------------------------------------------------------ robustness

    @Property(tries = 300)
    void parse_neverThrowsOnArbitraryBytes(@ForAll("bytes") byte[] input) {
        ParseResult r = Ignition.parse(input);
        assertThat(r.report()).isNotNull();
        assertThat(r.report().entries()).noneMatch(e -> e.code().equals("internal-error"));
    }

    @Property(tries = 300)
    void parse_neverThrowsOnArbitraryJson(@ForAll("json") String input) {
        ParseResult r = Ignition.parse(input);
        assertThat(r.report().entries()).noneMatch(e -> e.code().equals("internal-error"));
        if (r.config() != null) {
            assertThat(Ignition.validate(r.config())).isNotNull();
        }
    }

    @Property(tries = 200)
    void parse_neverThrowsOnMutatedConfigs(@ForAll("mutated") byte[] input) {
        ParseResult r = Ignition.parse(input);
        assertThat(r.report().entries()).noneMatch(e -> e.code().equals("internal-error"));
    }

    @Property(tries = 10)
    void parse_reportsDeepNesting(@ForAll @IntRange(min = 9_990, max = 100_000) int depth) {
        String doc = "{\"ignition\":{\"version\":\"3.3.0\"},\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        ParseResult r = Ignition.parse(doc);
        if (depth + 1 > 10_000) {
            assertThat(r.report().errors())
                    .singleElement()
                    .extracting(dev.coreos4j.problem.Problem::message)
                    .isEqualTo("invalid character '[' exceeded max depth");
        } else {
            assertThat(r.isValid()).isTrue();
        }
    }

    @Property(tries = 50)
    void parse_reportsOutOfRangeIntegers(@ForAll("hugeNumbers") String number) {
        ParseResult r =
                Ignition.parse("{\"ignition\":{\"version\":\"3.3.0\",\"timeouts\":{\"httpTotal\":" + number + "}}}");
        assertThat(r.config()).isNull();
        assertThat(r.report().errors())
                .singleElement()
                .extracting(dev.coreos4j.problem.Problem::code)
                .isEqualTo("json-type");
    }

    // ------------------------------------------------------------------ valid configs

    @Property(tries = 150)
    void generatedConfigs_validateCleanAndRoundTrip(@ForAll("configs") Config c) {
        Config model = c.withVersion("3.6.0");
        assertThat(Ignition.validate(model).entries()).isEmpty();
        for (SpecVersion v : SpecVersion.stable()) {
            ParseResult back = Ignition.parse(Ignition.write(model, v));
            assertThat(back.report().entries()).as("as %s", v).isEmpty();
            assertThat(back.config()).as("as %s", v).isEqualTo(model);
            IgnitionLaws.checkRoundTrip(model, v);
        }
    }

    @Property(tries = 100)
    void translateUpThenDown_isIdentityWithoutNewerFields(@ForAll("configs") Config c) {
        for (SpecVersion v : SpecVersion.stable()) {
            byte[] old = Ignition.write(c.withVersion("3.6.0"), v);
            Config up = Ignition.parse(old).config();
            byte[] latest = Ignition.write(up, SpecVersion.latestStable());
            byte[] down = Ignition.write(Ignition.parse(latest).config(), v);
            assertThat(new String(down, StandardCharsets.UTF_8)).isEqualTo(new String(old, StandardCharsets.UTF_8));
            IgnitionLaws.checkTranslateUpDown(c.withVersion("3.6.0"), v);
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> mutated() throws IOException {
        byte[] base = Files.readAllBytes(ProjectRoot.corpus("ignition", "edge-cases", "realistic.json"));
        Arbitrary<Integer> position = Arbitraries.integers().between(0, base.length - 1);
        Arbitrary<Byte> value = Arbitraries.of(
                (byte) '{',
                (byte) '}',
                (byte) '[',
                (byte) ']',
                (byte) '"',
                (byte) ',',
                (byte) ':',
                (byte) '0',
                (byte) '-',
                (byte) 'n',
                (byte) ' ',
                (byte) 0xff,
                (byte) '\\');
        return Combinators.combine(
                        position.list().ofMinSize(1).ofMaxSize(5), value.list().ofSize(5))
                .as((positions, values) -> {
                    byte[] copy = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                });
    }

    @Provide
    Arbitrary<String> hugeNumbers() {
        return Arbitraries.strings()
                .numeric()
                .ofMinLength(20)
                .ofMaxLength(40)
                .filter(s -> s.charAt(0) != '0')
                .flatMap(s -> Arbitraries.of(s, "-" + s, s + ".5", "1e" + s.length()));
    }

    private static final List<String> KEYS = List.of(
            "ignition",
            "version",
            "storage",
            "files",
            "path",
            "mode",
            "contents",
            "source",
            "systemd",
            "units",
            "name",
            "enabled",
            "passwd",
            "users",
            "disks",
            "device",
            "partitions",
            "number",
            "label",
            "luks",
            "clevis",
            "custom",
            "raid",
            "level",
            "devices",
            "links",
            "target",
            "hard",
            "filesystems",
            "format",
            "Path",
            "x");

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "420",
                        "1.5",
                        "\"3.3.0\"",
                        "\"/a\"",
                        "\"\"",
                        "\"data:,x\"",
                        "\"a.service\"",
                        "99999999999999999999"),
                Arbitraries.strings()
                        .ofMaxLength(8)
                        .map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        return Arbitraries.recursive(() -> leaf, this::container, 4)
                .map(body -> "{\"ignition\":{\"version\":\"3." + (body.length() % 8) + ".0\"},\"storage\":" + body
                        + ",\"systemd\":" + body + ",\"passwd\":" + body + "}");
    }

    private Arbitrary<String> container(Arbitrary<String> inner) {
        Arbitrary<String> member =
                Combinators.combine(Arbitraries.of(KEYS), inner).as((k, v) -> "\"" + k + "\":" + v);
        return Arbitraries.oneOf(
                member.list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}"),
                inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"));
    }

    /** Valid configs that use only fields every stable version has (3.0.0): the testkit's generator. */
    @Provide
    Arbitrary<Config> configs() {
        return IgnitionArbitraries.validConfigs(SpecVersion.V3_0_0);
    }

    @Property(tries = 1)
    void generators_coverFilesUnitsAndUsers(@ForAll("configs") Config unused) {
        List<Config> sample = new ArrayList<>();
        configs().sampleStream().limit(200).forEach(sample::add);
        assertThat(sample)
                .anyMatch(c -> !c.storage().files().isEmpty()
                        && !c.systemd().units().isEmpty()
                        && !c.passwd().users().isEmpty());
    }
}
