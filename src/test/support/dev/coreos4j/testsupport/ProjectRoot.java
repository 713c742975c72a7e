package dev.coreos4j.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project root, the shared conformance corpus under its {@code src/test/resources}, and the optional
 * reference material in {@code ../shared}. Compiled into every library module's tests from the root
 * {@code src/test/support}, so that no module keeps its own copy of the fixtures.
 */
public final class ProjectRoot {

    private ProjectRoot() {}

    /** The directory holding the parent {@code pom.xml} and the {@code coreos4j} launcher. */
    public static Path path() {
        String property = System.getProperty("coreos4j.root");
        if (property != null && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the coreos4j project root above " + Path.of("").toAbsolutePath());
    }

    /** A file or folder of the shared corpus, e.g. {@code corpus("ignition")}. */
    public static Path corpus(String first, String... more) {
        return path().resolve("src/test/resources").resolve(Path.of(first, more));
    }

    /**
     * The reference material folder ({@code ../shared} beside the project), when present: developers and CI have it,
     * a user's clone may not.
     */
    public static Optional<Path> shared() {
        Path shared = path().resolveSibling("shared");
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("coreos4j"));
    }
}
