package dev.coreos4j.cli.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Harness for ostree's own test scripts (v2022.7 {@code tests/*.sh}) ported onto our CLI: {@link #ours} runs
 * {@code coreos4j ostree …} (in-process, or as a child process when the working directory matters, e.g. the implicit
 * tree of {@code commit} or the repository in {@code .}); {@link #ostree} runs the real {@code ostree}, the judge of
 * what we wrote. Every ported upstream assertion goes through {@link #port}, named {@code script:line what}, so the
 * ported assertions can be counted per script.
 */
final class Upstream {

    /** One run of either tool. */
    record Run(int exit, String out, String err) {
        Run ok() {
            assertThat(exit).as("exit code; out: %s; err: %s", out, err).isZero();
            return this;
        }

        Run fails() {
            assertThat(exit)
                    .as("expected a failure; out: %s; err: %s", out, err)
                    .isNotZero();
            return this;
        }

        List<String> lines() {
            return out.lines().toList();
        }

        String line() {
            return out.strip();
        }
    }

    private final Path ostreeBin;
    final Path dir;

    Upstream(Path dir) {
        this.ostreeBin = Oracles.require("ostree");
        this.dir = dir;
    }

    /** Runs an upstream assertion; the name says where it comes from ({@code test-refs.sh:47 refs count is 10}). */
    static void port(String where, Check assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError(where + ": " + e, e);
        }
    }

    /** An assertion that may throw. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** {@code coreos4j ostree ARGS…}, in-process (paths must be absolute). */
    Run ours(String... args) {
        List<String> all = new ArrayList<>();
        all.add("ostree");
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        return new Run(r.exit(), r.out(), r.err());
    }

    /**
     * {@code coreos4j ostree ARGS…} in {@code cwd}: in-process when no environment is added, else as a child JVM with
     * the extra environment variables.
     */
    Run oursIn(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        if (env.isEmpty()) {
            // in-process, with the CLI's working-directory seam: a child JVM per call is slow on a busy machine
            OstreeCommand.workingDirectory = cwd;
            try {
                return ours(args);
            } finally {
                OstreeCommand.workingDirectory = null;
            }
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.coreos4j.cli.Main",
                "ostree"));
        cmd.addAll(List.of(args));
        return exec(cmd, cwd, env);
    }

    /** The real {@code ostree ARGS…} in {@link #dir}. */
    Run ostree(String... args) throws IOException, InterruptedException {
        return ostreeIn(dir, Map.of(), args);
    }

    /** The real {@code ostree ARGS…} in {@code cwd}. */
    Run ostreeIn(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ostreeBin.toString());
        cmd.addAll(List.of(args));
        return exec(cmd, cwd, env);
    }

    private Run exec(List<String> cmd, Path cwd, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("upstream-out", ".txt");
        Path err = Files.createTempFile("upstream-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(cwd.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().put("TZ", "UTC");
            pb.environment().putIfAbsent("LC_ALL", "C.UTF-8");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            return new Run(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code --repo=DIR/name}. */
    String repo(String name) {
        return "--repo=" + dir.resolve(name);
    }

    /** How many files below {@code root} end in {@code suffix} (the scripts' {@code find … -name '*.commit' | wc -l}). */
    static long count(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    /** Writes a file, creating its parents. */
    static Path write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }
}
