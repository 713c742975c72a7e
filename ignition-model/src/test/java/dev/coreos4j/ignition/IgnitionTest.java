package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of parsing, validation per spec version, translation and writing. */
class IgnitionTest {

    static String cfg(String version, String rest) {
        return "{\"ignition\":{\"version\":\"" + version + "\"}" + (rest.isEmpty() ? "" : "," + rest) + "}";
    }

    static List<String> lines(String json) {
        return Ignition.parse(json).report().entries().stream()
                .map(Report::text)
                .toList();
    }

    static List<String> errorPaths(String json) {
        return Ignition.parse(json).report().errors().stream()
                .map(Report::dottedPath)
                .toList();
    }

    @Test
    void versionRejected_onlyForUnparsableOrUnsupportedVersions() {
        assertThat(Ignition.parse(cfg("3.9.0", "")).versionRejected()).isTrue();
        assertThat(Ignition.parse(cfg("three", "")).versionRejected()).isTrue();
        assertThat(Ignition.parse(cfg("3.4.0", "")).versionRejected()).isFalse();
        assertThat(Ignition.parse("{".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .versionRejected())
                .isFalse();
    }

    @Test
    void parse_rejectsRelativePathWithPosition() {
        ParseResult r = Ignition.parse(cfg("3.3.0", "\"storage\":{\"files\":[{\"path\":\"etc/a\"}]}"));
        assertThat(r.isValid()).isFalse();
        Problem e = r.report().errors().get(0);
        assertThat(e.location().path()).isEqualTo(JsonPath.parse("$.storage.files[0].path"));
        assertThat(e.code()).isEqualTo("path-not-absolute");
        assertThat(e.message()).isEqualTo("path not absolute");
        assertThat(e.location().position()).isEqualTo(new Position(1, 61));
        assertThat(Report.text(e)).isEqualTo("error at $.storage.files.0.path, line 1 col 61: path not absolute");
    }

    @Test
    void parse_translatesOldVersionsUpToTheModelVersion() {
        ParseResult r = Ignition.parse(cfg("3.0.0", "\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420}]}"));
        assertThat(r.version()).isEqualTo(SpecVersion.V3_0_0);
        assertThat(r.config().ignition().version()).isEqualTo("3.6.0");
        assertThat(r.config().storage().files().get(0).mode()).isEqualTo(420L);
        assertThat(Ignition.parse(cfg("3.7.0-experimental", ""))
                        .config()
                        .ignition()
                        .version())
                .isEqualTo("3.7.0-experimental");
    }

    @Test
    void parse_masksSpecialModeBitsOfOlderSpecsWithAWarning() {
        ParseResult old = Ignition.parse(cfg("3.5.0", "\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":2541}]}"));
        assertThat(old.isValid()).isTrue();
        assertThat(old.report().warnings()).extracting(Problem::code).containsExactly("special-mode-bits");
        assertThat(old.config().storage().files().get(0).mode()).isEqualTo(493L);
        ParseResult current = Ignition.parse(cfg("3.6.0", "\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":2541}]}"));
        assertThat(current.report().entries()).isEmpty();
        assertThat(current.config().storage().files().get(0).mode()).isEqualTo(2541L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "03.3.0|",
                "3.3.00|",
                "3.6.0|",
                "3.3.1|unsupported config version",
                "3.3.0+b|unsupported config version",
                "3.4.0-experimental|unsupported config version",
                "3.6.0-experimental|unsupported config version",
                "2.3.0|unsupported config version",
                "v3.3.0|invalid config version (couldn't parse)",
                "3.1|invalid config version (couldn't parse)",
                "3.3.0.0|invalid config version (couldn't parse)",
            })
    void parse_matchesVersionsExactly(String version, String error) {
        ParseResult r = Ignition.parse(cfg(version, ""));
        if (error == null) {
            assertThat(r.isValid()).isTrue();
        } else {
            assertThat(r.config()).isNull();
            assertThat(r.version()).isNull();
            assertThat(r.report().errors()).extracting(Problem::message).containsExactly(error);
        }
    }

    @Test
    void parse_reportsGoSyntaxAndTypeErrors() {
        assertThat(lines("")).containsExactly("error: not a config (empty)");
        assertThat(lines("{\"ignition\": {\"version\": \"3.3.0\"}} // c"))
                .containsExactly("error at line 1 col 37: invalid character '/' after top-level value");
        assertThat(lines("{\"ignition\": {\"version\": \"3.3.0\"},}"))
                .containsExactly(
                        "error at line 0 col 0: invalid character '}' looking for beginning of object key" + " string");
        assertThat(lines(cfg("3.3.0", "\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420.0}]}")))
                .containsExactly("error at line 1 col 78: json: cannot unmarshal number 420.0 into Go struct field"
                        + " File.storage.files.mode of type int");
    }

    @Test
    void parse_neverThrowsOnDeepNestingOrHugeNumbers() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(lines(deep)).containsExactly("error at line 1 col 10002: invalid character '[' exceeded max depth");
        ParseResult huge = Ignition.parse(
                cfg("3.3.0", "\"passwd\":{\"users\":[{\"name\":\"a\",\"uid\":" + "12345678901234567890}]}"));
        assertThat(huge.config()).isNull();
        assertThat(huge.report().errors().get(0).message()).contains("number 12345678901234567890");
    }

    @Test
    void parse_readsStreamsAndStrings() throws Exception {
        byte[] bytes = cfg("3.2.0", "").getBytes(StandardCharsets.UTF_8);
        assertThat(Ignition.parse(new ByteArrayInputStream(bytes)).version()).isEqualTo(SpecVersion.V3_2_0);
    }

    @Test
    void parse_matchesKeysCaseInsensitivelyWithAWarning() {
        ParseResult r = Ignition.parse(cfg("3.3.0", "\"storage\":{\"files\":[{\"Path\":\"/a\"}]}"));
        assertThat(r.config().storage().files().get(0).path()).isEqualTo("/a");
        assertThat(r.report().warnings()).extracting(Problem::message).containsExactly("unused key Path");
    }

    @Test
    void validate_appliesRulesAddedAfterSpec33() {
        String arn = "\"storage\":{\"files\":[{\"path\":\"/a\",\"contents\":{\"source\":\"%s\"}}]}";
        String ap = "arn:aws:s3:us-west-1:123456789012:accesspoint/test/object/some/path";
        assertThat(errorPaths(cfg("3.4.0", arn.formatted(ap)))).isEmpty();
        assertThat(lines(cfg("3.3.0", arn.formatted(ap))))
                .singleElement()
                .asString()
                .endsWith("invalid url scheme");
        assertThat(lines(cfg("3.4.0", arn.formatted("arn:aws:iam::123:role/x"))))
                .singleElement()
                .asString()
                .endsWith("invalid S3 ARN format");
        assertThat(lines(cfg("3.4.0", arn.formatted("arn:aws:s3:::bucket-no-key"))))
                .singleElement()
                .asString()
                .endsWith("invalid S3 ARN format");
        assertThat(errorPaths(cfg("3.4.0", arn.formatted("arn:aws:s3:::bucket/key"))))
                .isEmpty();
        assertThat(errorPaths(cfg("3.1.0", arn.formatted("gs://b/o")))).hasSize(1);
        assertThat(errorPaths(cfg("3.2.0", arn.formatted("gs://b/o")))).isEmpty();
    }

    @Test
    void validate_checksCexAndClevisPinsPerVersion() {
        String cex = "\"storage\":{\"luks\":[{\"name\":\"a\",\"device\":\"/dev/a\",\"cex\":{\"enabled\":true},"
                + "\"clevis\":{\"tpm2\":true},\"keyFile\":{\"source\":\"data:,k\"}}]}";
        assertThat(lines(cfg("3.5.0", cex)))
                .extracting(s -> s.replaceAll(", line.*:", ":"))
                .containsExactly(
                        "error at $.storage.luks.0.cex: cannot use cex with clevis",
                        "error at $.storage.luks.0.cex: cannot use key file with cex");
        String pin = "\"storage\":{\"luks\":[{\"name\":\"a\",\"device\":\"/dev/a\",\"clevis\":{\"custom\":"
                + "{\"pin\":\"foo\",\"config\":\"{}\"}}}]}";
        assertThat(errorPaths(cfg("3.5.0", pin))).containsExactly("$.storage.luks.0.clevis.custom.pin");
        assertThat(errorPaths(cfg("3.6.0", pin))).isEmpty();
        String adv = "\"storage\":{\"luks\":[{\"name\":\"a\",\"device\":\"/dev/a\",\"clevis\":{\"tang\":[{\"url\":"
                + "\"https://t\",\"thumbprint\":\"x\",\"advertisement\":\"%s\"}]}}]}";
        assertThat(errorPaths(cfg("3.4.0", adv.formatted("{not json"))))
                .containsExactly("$.storage.luks.0.clevis.tang.0.advertisement");
        assertThat(errorPaths(cfg("3.4.0", adv.formatted("")))).isEmpty();
    }

    @Test
    void validate_virtiofsOnlyIn37Experimental() {
        String fs =
                "\"storage\":{\"filesystems\":[{\"device\":\"myshare\",\"format\":\"virtiofs\",\"path\":\"/mnt\"%s}]}";
        assertThat(errorPaths(cfg("3.7.0-experimental", fs.formatted("")))).isEmpty();
        assertThat(errorPaths(cfg("3.6.0", fs.formatted(""))))
                .containsExactly("$.storage.filesystems.0.device", "$.storage.filesystems.0.format");
        assertThat(lines(cfg("3.7.0-experimental", fs.formatted(",\"label\":\"x\""))))
                .singleElement()
                .asString()
                .endsWith("filesystem labels cannot be set when using virtiofs");
    }

    @Test
    void validate_countsLabelBytesNotChars() {
        String fs = "\"storage\":{\"filesystems\":[{\"device\":\"/dev/a\",\"format\":\"ext4\",\"label\":\"%s\"}]}";
        assertThat(errorPaths(cfg("3.3.0", fs.formatted("é".repeat(8))))).isEmpty();
        assertThat(errorPaths(cfg("3.3.0", fs.formatted("é".repeat(9)))))
                .containsExactly("$.storage.filesystems.0.label");
    }

    @Test
    void validate_ofAModelValueUsesItsVersion() {
        Config c = Ignition.parse(cfg("3.3.0", "\"storage\":{\"files\":[{\"path\":\"/a/../b\"}]}"))
                .config();
        Report r = Ignition.validate(c);
        assertThat(r.errors())
                .extracting(
                        Report::dottedPath, Problem::message, e -> e.location().position())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "$.storage.files.0.path", "path is not fully simplified", null));
        assertThat(Ignition.validate(Config.EMPTY).errors())
                .extracting(Problem::code)
                .containsExactly("invalid-version");
    }

    @Test
    void write_emitsCanonicalJsonInIgnitionFieldOrder() {
        Config c = Ignition.parse(cfg(
                        "3.3.0",
                        "\"systemd\":{\"units\":[{\"name\":\"a.service\",\"enabled\":true,"
                                + "\"contents\":\"[Install]\\nWantedBy=x\"}]},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420,"
                                + "\"contents\":{\"source\":\"data:,<&>\",\"compression\":\"\"}}]}"))
                .config();
        String json = new String(Ignition.write(c, SpecVersion.V3_3_0), StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/a\","
                        + "\"contents\":{\"compression\":\"\",\"source\":\"data:,\\u003c\\u0026\\u003e\"},\"mode\":420}]},"
                        + "\"systemd\":{\"units\":[{\"contents\":\"[Install]\\nWantedBy=x\",\"enabled\":true,"
                        + "\"name\":\"a.service\"}]}}");
        assertThat(Ignition.parse(json).config()).isEqualTo(c);
    }

    @Test
    void write_keepsEmptyStringsOfOptionalFields() {
        Config c = Ignition.parse(cfg(
                        "3.0.0",
                        "\"storage\":{\"files\":[{\"path\":\"/a\",\"user\":{\"id\":0,"
                                + "\"name\":\"\"},\"contents\":{\"source\":\"\"},\"overwrite\":true}]}"))
                .config();
        for (SpecVersion v : SpecVersion.stable()) {
            assertThat(Ignition.parse(Ignition.write(c, v)).config())
                    .as("as %s", v)
                    .isEqualTo(c);
        }
        assertThat(c.storage().files().get(0).user().name()).isEmpty();
    }

    @Test
    void write_downTranslationReportsEveryFieldTheTargetLacks() {
        Config c = Ignition.parse(cfg(
                        "3.5.0",
                        "\"kernelArguments\":{\"shouldExist\":[\"a\"]},"
                                + "\"storage\":{\"luks\":[{\"name\":\"a\",\"device\":\"/dev/a\",\"discard\":true,"
                                + "\"cex\":{\"enabled\":true}}],\"directories\":[{\"path\":\"/d\",\"mode\":1023}]}"))
                .config();
        assertThatThrownBy(() -> Ignition.write(c, SpecVersion.V3_1_0))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .extracting(Report::dottedPath)
                                .containsExactlyInAnyOrder("$.kernelArguments", "$.storage.luks"));
        assertThatThrownBy(() -> Ignition.write(c, SpecVersion.V3_4_0))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .extracting(Report::dottedPath)
                                .containsExactly("$.storage.luks.0.cex"));
        Config bits = Ignition.parse(cfg("3.6.0", "\"storage\":{\"directories\":[{\"path\":\"/d\",\"mode\":1023}]}"))
                .config();
        assertThatThrownBy(() -> Ignition.write(bits, SpecVersion.V3_5_0))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .extracting(Report::dottedPath)
                                .containsExactly("$.storage.directories.0.mode"));
    }

    @Test
    void write_reportsValuesTheTargetVersionRejects() {
        Config c = Ignition.parse(cfg(
                        "3.3.0", "\"storage\":{\"filesystems\":[{\"device\":\"/dev/a\"," + "\"format\":\"none\"}]}"))
                .config();
        assertThatThrownBy(() -> Ignition.write(c, SpecVersion.V3_2_0))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .extracting(Report::dottedPath)
                                .containsExactly("$.storage.filesystems.0.format"));
        assertThat(new String(Ignition.write(c, SpecVersion.V3_3_0), StandardCharsets.UTF_8))
                .contains("\"none\"");
    }

    @Test
    void report_rendersLikeIgnitionValidate() {
        Problem withPath =
                new Problem(Severity.WARNING, "unused-key", "unused key foo", Location.at(JsonPath.of("foo"), 1, 36));
        Problem noPath =
                new Problem(Severity.ERROR, "json-syntax", "x", Location.NONE.withPosition(new Position(2, 3)));
        assertThat(Report.text(withPath)).isEqualTo("warning at $.foo, line 1 col 36: unused key foo");
        assertThat(Report.text(noPath)).isEqualTo("error at line 2 col 3: x");
        assertThat(new Report(List.of(withPath)).isValid()).isTrue();
        assertThat(new Report(List.of(withPath, noPath)).errors()).containsExactly(noPath);
    }
}
