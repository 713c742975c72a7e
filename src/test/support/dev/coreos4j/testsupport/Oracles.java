package dev.coreos4j.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference tools ({@code ostree}, {@code ignition-validate}) that conformance tests run beside our code.
 *
 * <p>When a tool is missing, a conformance test is skipped, unless {@code COREOS4J_REQUIRE_ORACLES=1} is set (as CI
 * does): then it fails, so that a green run always means the reference tool agreed.
 */
public final class Oracles {

    /** The environment variable that turns a missing reference tool into a failure. */
    public static final String REQUIRE = "COREOS4J_REQUIRE_ORACLES";

    private Oracles() {}

    /** The path of {@code command} on the {@code PATH}; skips or fails the calling test when it is missing. */
    public static Path require(String command) {
        Path found = find(command);
        if (found == null) {
            String message = "reference tool '" + command
                    + "' is not installed (apt-get install -y ostree ignition skopeo docker-registry flatpak)";
            if ("1".equals(System.getenv(REQUIRE))) {
                Assertions.fail(message + ", and " + REQUIRE + "=1 requires it");
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /** Whether {@code command} is on the {@code PATH}. */
    public static boolean available(String command) {
        return find(command) != null;
    }

    private static Path find(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
