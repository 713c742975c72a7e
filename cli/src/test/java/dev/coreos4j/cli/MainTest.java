package dev.coreos4j.cli;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void version_printsProjectVersion() throws Exception {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("coreos4j " + CoreosCommand.projectVersion());
        assertThat(CoreosCommand.projectVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void help_documentsExitCodesAndCommands() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Exit codes:", "0   success", "1   the input is invalid", "2   usage error", "demo");
        assertThat(run("help", "demo").out()).contains("--workdir");
    }

    @Test
    void badOption_exitsTwoWithOneLineErrorAndUsage() {
        CliRun r = run("--no-such-option");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().findFirst())
                .hasValueSatisfying(
                        line -> assertThat(line).startsWith("coreos4j: ").contains("--no-such-option"));
        assertThat(r.err()).contains("Usage: coreos4j");
        assertThat(r.err()).doesNotContain("at dev.coreos4j", "Exception");
    }

    @Test
    void unknownCommand_exitsTwo() {
        CliRun r = run("frobnicate");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("coreos4j: ").contains("frobnicate");
    }

    @Test
    void noCommand_exitsTwo() {
        assertThat(run().exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void demo_runsEveryChapterAndKeepsFilesInWorkdir(@TempDir Path tmp) {
        Path workdir = tmp.resolve("demo");
        CliRun r = run("demo", "--workdir", workdir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("== 1/5", "== 5/5", "Done.", "the same config the builders build: true");
        assertThat(Files.isDirectory(workdir)).isTrue();
    }
}
