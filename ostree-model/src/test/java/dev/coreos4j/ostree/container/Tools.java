package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs reference tools (skopeo, ostree, tar) for the container conformance tests. */
final class Tools {

    record Result(int exit, String out, String err) {
        Result ok() {
            assertThat(exit).as("exit code; stderr: %s", err).isZero();
            return this;
        }
    }

    private Tools() {}

    static Path skopeo() {
        return Oracles.require("skopeo");
    }

    static Path ostree() {
        return Oracles.require("ostree");
    }

    static Result run(Object... args) throws IOException, InterruptedException {
        return runIn(null, args);
    }

    static Result runIn(Path cwd, Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        for (Object a : args) {
            cmd.add(a.toString());
        }
        Path out = Files.createTempFile("tool-out", ".txt");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
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
