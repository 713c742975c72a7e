package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.problem.Problem;
import dev.coreos4j.testsupport.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 item 5: coreos4j speaks Ignition 2.26 everywhere. One test per message whose wording changed between
 * 2.14 and 2.26 (coreos/ignition {@code git diff v2.14.0 v2.26.0} of config/shared/errors/errors.go and
 * config/validate/validate.go; every other 2.26 message is either unchanged or new), stating both wordings: ours
 * is the 2.26 text, and the installed {@code ignition-validate} 2.14 still prints the old one for the same config.
 */
class MessageDriftTest {

    @TempDir
    Path dir;

    private String tool214(String json) throws Exception {
        Path f = dir.resolve("c.ign");
        Files.writeString(f, json);
        Process p = new ProcessBuilder(Oracles.require("ignition-validate").toString(), f.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String ours(String json) {
        return Ignition.parse(json).report().toString();
    }

    @Test
    void unusedKey_lowerCaseSince2_23() throws Exception {
        // config/validate/validate.go:97 (v2.26.0) fmt.Errorf("unused key %s", key); v2.14.0: "Unused key %s"
        String json = "{\"ignition\":{\"version\":\"3.3.0\"},\"foo\":1}";
        assertThat(ours(json)).isEqualTo("warning at $.foo, line 1 col 33: unused key foo\n");
        assertThat(tool214(json)).isEqualTo("warning at $.foo, line 1 col 33: Unused key foo\n");
    }

    @Test
    void contextTreeWarning_withoutFinalPeriodSince2_23() throws Exception {
        // config/validate/validate.go:86 (v2.26.0) "...Unused keys may not be reported"; v2.14.0 ended with "."
        String json = "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":null}";
        String v226 = "context tree does not match content tree at $.storage. Line and column reporting may be "
                + "inconsistent. Unused keys may not be reported";
        assertThat(Ignition.parse(json).report().entries())
                .extracting(Problem::message)
                .containsExactly(v226);
        assertThat(tool214(json)).contains(v226 + ".\n");
    }

    @Test
    void specialModeBits_namesThe3_6LineSince2_22() throws Exception {
        // config/shared/errors/errors.go:67 ErrModeSpecialBits (v2.26.0); v2.14.0 said "not supported ... 3.4.0"
        String json =
                "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":2541}]}}";
        assertThat(Ignition.parse(json).report().entries())
                .extracting(Problem::message)
                .containsExactly(
                        "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0");
        assertThat(tool214(json))
                .contains("setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0");
    }
}
