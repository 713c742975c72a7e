package dev.coreos4j.cli.ignition;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 items 3 and 7 against the installed {@code ignition-validate} (2.14, which agrees with 2.26 here apart from
 * the unused-key wording that 2.23 lower-cased): the report goes through Go's printf (coreos/ignition v2.26.0
 * validate/main.go:46 {@code stdout}, :80), and an unreadable file dies with {@code couldn't read config: %v} and exit
 * 1 (main.go:76-77). Standard output and error are compared byte for byte.
 */
class ValidateQuirksConformanceTest {

    @TempDir
    Path dir;

    private record Tool(int exit, String out, String err) {}

    private static Tool tool(Path config) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Oracles.require("ignition-validate").toString(), config.toString()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Tool(p.exitValue(), out, err);
    }

    @Test
    void percentInKeys_printsLikeGosPrintf() throws Exception {
        String[] keys = {"a%sb", "c%d%%e", "y%5.2fz", "k%[1]d", "k%*d", "k%[x]d %[2]", "x%"};
        for (String key : keys) {
            Path f = dir.resolve("k.ign");
            Files.writeString(f, "{\"ignition\":{\"version\":\"3.3.0\"},\"" + key + "\":1}");
            Tool t = tool(f);
            CliRun ours = run("ignition", "validate", f.toString());
            // 2.14 capitalises "Unused key"; 2.26 (and we) do not: the only difference
            assertThat(ours.out()).as(key).isEqualTo(t.out().replace("Unused key", "unused key"));
            assertThat(ours.exit()).isEqualTo(t.exit());
        }
    }

    @Test
    void percentInKeys_jsonOutputStaysClean() throws Exception {
        Path f = dir.resolve("k.ign");
        Files.writeString(f, "{\"ignition\":{\"version\":\"3.3.0\"},\"a%sb\":1}");
        assertThat(run("ignition", "validate", "--format=json", f.toString()).out())
                .contains("\"message\":\"unused key a%sb\"")
                .doesNotContain("MISSING");
    }

    @Test
    void missingFileAndDirectory_couldntReadConfigExitOne() throws Exception {
        for (Path p : new Path[] {dir.resolve("missing.ign"), dir}) {
            Tool t = tool(p);
            CliRun ours = run("ignition", "validate", p.toString());
            assertThat(ours.exit()).isEqualTo(t.exit()).isEqualTo(ExitCode.INVALID);
            assertThat(ours.err()).isEqualTo(t.err());
            assertThat(ours.out()).isEqualTo(t.out()).isEmpty();
        }
        assertThat(run("ignition", "validate", dir.resolve("missing.ign").toString())
                        .err())
                .isEqualTo(
                        "couldn't read config: open " + dir.resolve("missing.ign") + ": no such file or directory\n");
    }

    @Test
    void usageErrors_stayExitTwo() {
        assertThat(run("ignition", "validate").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("ignition", "validate", "--bogus", "x").exit()).isEqualTo(ExitCode.USAGE);
    }
}
