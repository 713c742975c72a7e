package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-yaml's semantics (as Butane decodes) and hostile documents: bounded, with a line and column. */
class YamlSemanticsTest {

    static Long mode(String literal) {
        ButaneResult r = Harness.fcos("1.6.0", "storage:\n  files:\n    - path: /f\n      mode: " + literal + "\n");
        return r.config() == null ? null : r.config().storage().files().get(0).mode();
    }

    @ParameterizedTest(name = "mode: {0} is {1}")
    @CsvSource({
        "0644,420",
        "0o644,420",
        "0x1A4,420",
        "420,420",
        "0b110100100,420",
        "0_644,420",
        "+0644,420",
        "0755,493",
        "420.9,420",
        "08,8"
    })
    void integers_areGoBaseZero(String literal, long expected) {
        assertThat(mode(literal)).isEqualTo(expected);
    }

    @Test
    void integers_quotedOrOutOfRangeAreTypeErrors() {
        ButaneResult r = Harness.fcos("1.6.0", "storage:\n  files:\n    - path: /f\n      mode: \"0644\"\n");
        assertThat(r.report().entries()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("cannot unmarshal !!str `0644` into int");
            assertThat(Report.dottedPath(e)).isEqualTo("$.storage.files.0.mode");
            assertThat(Harness.line(e)).isEqualTo(4);
            assertThat(Harness.column(e)).isEqualTo(13);
        });
        assertThat(Harness.fcos("1.6.0", "storage:\n  files:\n    - path: /f\n      mode: 18446744073709551616\n")
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .isEqualTo("cannot unmarshal !!float `1844674...` into int");
        assertThat(r.failure()).isEqualTo("yaml: unmarshal errors");
    }

    @Test
    void booleans_yaml11WordsIntoBoolFields_stringsTakeAnyScalar() {
        ButaneResult r = Harness.fcos(
                "1.6.0",
                "storage:\n  files:\n    - path: /f\n      overwrite: yes\n"
                        + "      contents:\n        inline: 0644\n      user:\n        name: true\n");
        assertThat(r.config().storage().files().get(0).overwrite()).isTrue();
        assertThat(r.config().storage().files().get(0).contents().source()).isEqualTo("data:,0644");
        assertThat(r.config().storage().files().get(0).user().name()).isEqualTo("true");
        ButaneResult bad = Harness.fcos("1.6.0", "storage:\n  files:\n    - path: /f\n      overwrite: maybe\n");
        assertThat(bad.report().entries().get(0).message()).isEqualTo("cannot unmarshal !!str `maybe` into bool");
    }

    @Test
    void nulls_areAbsent() {
        ButaneResult r = Harness.fcos(
                "1.6.0", "storage:\n  files:\n    - path: /f\n      mode: ~\n      user: null\n" + "passwd:\n");
        assertThat(new String(r.output(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"},\"storage\":{\"files\":[{\"path\":\"/f\"}]}}");
    }

    @Test
    void duplicateKeys_rejectedWithBothLines() {
        ButaneResult r = Butane.translate(
                "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n" + "      path: /b\n",
                ButaneOptions.DEFAULT);
        Problem e = r.report().entries().get(0);
        assertThat(e.message()).isEqualTo("yaml: mapping key \"path\" already defined at line 5");
        assertThat(Harness.line(e)).isEqualTo(6);
        assertThat(Harness.column(e)).isEqualTo(7);
    }

    @Test
    void unknownKeys_warnAtTheKey_strictFails() {
        String doc = "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      Mode: 0644\n";
        ButaneResult r = Butane.translate(doc, ButaneOptions.DEFAULT);
        assertThat(r.report().entries()).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.WARNING);
            assertThat(Report.text(e)).isEqualTo("warning at $.storage.files.0.Mode, line 6 col 7: unused key Mode");
        });
        assertThat(r.isValid()).isTrue();
        ButaneResult strict = Butane.translate(doc, ButaneOptions.DEFAULT.withStrict(true));
        assertThat(strict.isValid()).isFalse();
        assertThat(strict.failure()).isEqualTo("Config produced warnings and --strict was specified");
    }

    @Test
    void versions_unknownAndInvalidNamed() {
        assertThat(Butane.translate("variant: fcos\nversion: 1.6\n", ButaneOptions.DEFAULT)
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .isEqualTo("error parsing version; must be a valid semver");
        assertThat(Butane.translate("variant: ubuntu\nversion: 1.0.0\n", ButaneOptions.DEFAULT)
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .isEqualTo("No translator exists for variant ubuntu with version 1.0.0");
        assertThat(Butane.translate("version: 1.0.0\n", ButaneOptions.DEFAULT)
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .isEqualTo("error parsing variant; must be specified");
        assertThat(Butane.translate("variant: rhcos\nversion: 0.1.0\n", ButaneOptions.DEFAULT)
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .startsWith("rhcos variant has been removed");
        assertThat(Butane.translate("variant: fcos\nversion: 01.06.00\n", ButaneOptions.DEFAULT)
                        .ignition())
                .hasToString("3.5.0");
        assertThat(Butane.supportedVersions())
                .contains(
                        "fcos 1.0.0 -> 3.0.0",
                        "fcos 1.7.0 -> 3.6.0",
                        "fcos 1.8.0-experimental -> 3.7.0-experimental",
                        "openshift 4.22.0 -> 3.5.0",
                        "openshift 4.23.0-experimental -> 3.7.0-experimental");
    }

    @Test
    void hostile_billionLaughs_boundedWithAPosition() {
        StringBuilder b = new StringBuilder("variant: fcos\nversion: 1.6.0\na: &a [\"lol\",\"lol\",\"lol\",\"lol\","
                + "\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 0; i < 9; i++) {
            char c = (char) ('b' + i);
            char p = (char) ('a' + i);
            b.append(c).append(": &").append(c).append(" [*").append(p);
            for (int k = 0; k < 8; k++) {
                b.append(",*").append(p);
            }
            b.append("]\n");
        }
        ButaneResult r = assertQuick(b.toString());
        Problem e = r.report().entries().get(0);
        assertThat(e.message()).isEqualTo("yaml: document contains excessive aliasing");
        assertThat(Harness.line(e)).isNotNull();
    }

    @Test
    void hostile_recursiveAliasAndDeepNesting() {
        ButaneResult r = assertQuick("variant: fcos\nversion: 1.6.0\na: &a [*a]\n");
        assertThat(r.report().entries().get(0).message()).isEqualTo("yaml: anchor 'a' value contains itself");
        ButaneResult deep =
                assertQuick("variant: fcos\nversion: 1.6.0\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        assertThat(deep.report().entries().get(0).message()).isEqualTo("yaml: exceeded max depth of 10000");
        assertThat(Harness.line(deep.report().entries().get(0))).isEqualTo(3);
    }

    @Test
    void hostile_tenMegabyteScalar_translates() {
        String big = "x".repeat(10 << 20);
        ButaneResult r = assertQuick("variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /big\n"
                + "      contents:\n        inline: " + big + "\n");
        assertThat(r.isValid()).isTrue();
        assertThat(r.config().storage().files().get(0).contents().compression()).isEqualTo("gzip");
    }

    @Test
    void malformed_yamlHasLineAndColumn() {
        ButaneResult r =
                Butane.translate("variant: fcos\nversion: 1.6.0\nstorage:\n\tfiles: []\n", ButaneOptions.DEFAULT);
        Problem e = r.report().entries().get(0);
        assertThat(e.code()).isEqualTo("yaml-syntax");
        assertThat(Harness.line(e)).isEqualTo(4);
        assertThat(Harness.column(e)).isEqualTo(1);
        ButaneResult utf = Butane.translate(new byte[] {'a', ':', ' ', (byte) 0xff}, ButaneOptions.DEFAULT);
        assertThat(utf.report().entries().get(0).message()).contains("invalid UTF-8");
        ButaneResult scalar = Butane.translate("hello", ButaneOptions.DEFAULT);
        assertThat(scalar.report().entries().get(0).message())
                .isEqualTo("cannot unmarshal !!str `hello` into config.commonFields");
    }

    private static ButaneResult assertQuick(String doc) {
        ButaneResult[] out = new ButaneResult[1];
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> out[0] = Butane.translate(doc, ButaneOptions.DEFAULT));
        return out[0];
    }
}
