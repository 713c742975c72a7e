package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs reference-tool commands for conformance tests. */
final class Sh {

    /** Exit code and merged output of one command. */
    record Result(int exit, String output) {}

    private Sh() {}

    static Result run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs and requires exit 0. */
    static String ok(String... command) throws IOException {
        Result r = run(List.of(command));
        if (r.exit() != 0) {
            throw new AssertionError(
                    "command failed (" + r.exit() + "): " + String.join(" ", command) + "\n" + r.output());
        }
        return r.output();
    }

    /** Clears libostree's immutable flag on deployment roots so a temporary directory can be deleted. */
    static void unlockDeployments(Path sysroot) throws IOException {
        Path deploy = sysroot.resolve("ostree/deploy");
        if (!Files.isDirectory(deploy)) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("chattr", "-i"));
        try (Stream<Path> s = Files.walk(deploy, 3)) {
            s.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("deploy")
                            && Files.isDirectory(p))
                    .forEach(p -> cmd.add(p.toString()));
        }
        if (cmd.size() > 2) {
            run(cmd);
        }
    }
}
