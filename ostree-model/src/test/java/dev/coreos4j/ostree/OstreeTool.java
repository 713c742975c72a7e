package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference {@code ostree} CLI for conformance tests. */
public final class OstreeTool {

    public record Result(int exit, String out, String err) {
        public Result ok() {
            assertThat(exit).as("ostree exit code; stderr: %s", err).isZero();
            return this;
        }

        /** The last non-empty stdout line. */
        public String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private final Path ostree;

    private OstreeTool(Path ostree) {
        this.ostree = ostree;
    }

    /** The installed tool; skips (or fails under COREOS4J_REQUIRE_ORACLES=1) when missing. */
    public static OstreeTool require() {
        return new OstreeTool(Oracles.require("ostree"));
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ostree.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("ostree-out", ".txt");
        Path err = Files.createTempFile("ostree-err", ".txt");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ostree " + String.join(" ", args) + " timed out");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
