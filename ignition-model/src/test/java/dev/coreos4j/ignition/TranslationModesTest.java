package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 2: {@link Ignition#translate} keeps the document's values. Up, coreos/ignition v2.26.0's one-step
 * translators: config/v3_1/translate/translate.go … config/v3_5/translate/translate.go copy {@code Mode} untouched,
 * and only config/v3_6/translate/translate.go:36 and :50 ({@code translateFileEmbedded1},
 * {@code translateDirectoryEmbedded1}) clear {@code 07000}. Down (Ignition has no down-translators, so this is our
 * contract): every step refuses what the target cannot hold instead of dropping it.
 */
class TranslationModesTest {

    private static final List<SpecVersion> STABLE = SpecVersion.stable();

    private static String doc(SpecVersion v, long mode) {
        return "{\"ignition\":{\"version\":\"" + v + "\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":" + mode
                + "}],\"directories\":[{\"path\":\"/d\",\"mode\":" + mode + "}]}}";
    }

    private static String translate(String json, SpecVersion to) {
        return new String(Ignition.translate(json.getBytes(StandardCharsets.UTF_8), to), StandardCharsets.UTF_8);
    }

    @Test
    void issueExample_3_0To3_1KeepsTheSetgidMode() {
        assertThat(translate(
                        "{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":[{\"path\":\"/a\","
                                + "\"mode\":2541}]}}",
                        SpecVersion.V3_1_0))
                .isEqualTo("{\"ignition\":{\"version\":\"3.1.0\"},"
                        + "\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":2541}]}}");
    }

    @Test
    void up_everyStepBefore3_6CopiesModes_only3_5To3_6Masks() {
        for (SpecVersion from : STABLE) {
            if (from == SpecVersion.V3_6_0) {
                continue;
            }
            for (SpecVersion to : STABLE) {
                if (to.compareTo(from) < 0) {
                    continue;
                }
                long expected = to == SpecVersion.V3_6_0 ? 2541 & ~07000 : 2541;
                String out = translate(doc(from, 2541), to);
                assertThat(out).as("%s -> %s", from, to).startsWith("{\"ignition\":{\"version\":\"" + to + "\"}");
                assertThat(out.split("\"mode\":" + expected + "}", -1))
                        .as("%s -> %s: %s", from, to, out)
                        .hasSize(3);
            }
        }
    }

    @Test
    void down_belowThe3_5Line_modesAreCopied() {
        for (SpecVersion from : STABLE) {
            for (SpecVersion to : STABLE) {
                if (from.compareTo(SpecVersion.V3_6_0) < 0 && to.compareTo(from) < 0) {
                    assertThat(translate(doc(from, 2541), to))
                            .as("%s -> %s", from, to)
                            .contains("\"mode\":2541")
                            .doesNotContain("\"mode\":493");
                }
            }
        }
    }

    @Test
    void down_from3_6_specialBitsAreRefusedAtEveryStep() {
        for (SpecVersion to : STABLE) {
            if (to == SpecVersion.V3_6_0) {
                continue;
            }
            assertThatThrownBy(() -> translate(doc(SpecVersion.V3_6_0, 2541), to))
                    .as("3.6.0 -> %s", to)
                    .isInstanceOfSatisfying(
                            IgnitionException.class,
                            e -> assertThat(e.report().errors())
                                    .extracting(Report::dottedPath, Problem::message)
                                    .containsExactly(
                                            org.assertj.core.groups.Tuple.tuple(
                                                    "$.storage.files.0.mode",
                                                    "setuid/setgid/sticky bits cannot be represented in spec version "
                                                            + to),
                                            org.assertj.core.groups.Tuple.tuple(
                                                    "$.storage.directories.0.mode",
                                                    "setuid/setgid/sticky bits cannot be represented in spec version "
                                                            + to)));
            assertThat(translate(doc(SpecVersion.V3_6_0, 0755), to)).contains("\"mode\":493");
        }
    }

    @Test
    void down_fieldsTheTargetLacksAreRefusedNeverDropped() {
        String cex = "{\"ignition\":{\"version\":\"3.5.0\"},\"storage\":{\"luks\":[{\"name\":\"n\",\"device\":"
                + "\"/dev/sda\",\"cex\":{\"enabled\":true}}]}}";
        for (SpecVersion to : List.of(SpecVersion.V3_4_0, SpecVersion.V3_3_0, SpecVersion.V3_2_0)) {
            assertThatThrownBy(() -> translate(cex, to))
                    .as("3.5.0 -> %s", to)
                    .isInstanceOf(IgnitionException.class)
                    .satisfies(e -> assertThat(((IgnitionException) e).report().errors())
                            .isNotEmpty());
        }
        String kargs = "{\"ignition\":{\"version\":\"3.3.0\"},\"kernelArguments\":{\"shouldExist\":[\"quiet\"]}}";
        assertThatThrownBy(() -> translate(kargs, SpecVersion.V3_2_0)).isInstanceOf(IgnitionException.class);
    }

    @Test
    void invalidInput_isRefusedWithItsReport() {
        assertThatThrownBy(() -> translate(
                        "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":" + "\"rel\"}]}}",
                        SpecVersion.V3_4_0))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .extracting(Problem::message)
                                .containsExactly("path not absolute"));
    }
}
