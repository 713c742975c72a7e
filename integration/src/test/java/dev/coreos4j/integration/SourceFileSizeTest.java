package dev.coreos4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java file under any module's {@code src/main} has {@value #LIMIT} lines or more: a file that big does several
 * jobs, and a newcomer cannot find a feature by its noun in it. {@link #ALLOWED} lists today's offenders; it may only
 * shrink: an entry whose file has dropped below the limit (or is gone) fails the test until it is removed, so a split
 * is never undone unnoticed.
 */
class SourceFileSizeTest {

    static final int LIMIT = 600;

    /** Files still at or over the limit, by path from the project root. Remove an entry when its file is split. */
    static final Set<String> ALLOWED = Set.of();

    @Test
    void everyMainSourceFile_isUnderTheLimit_beyondTheAllowlist() throws IOException {
        Map<String, Integer> sizes = mainSourceSizes();
        assertThat(sizes).as("main source files found").hasSizeGreaterThan(300);
        List<String> tooBig = new ArrayList<>();
        sizes.forEach((path, lines) -> {
            if (lines >= LIMIT && !ALLOWED.contains(path)) {
                tooBig.add(path + ": " + lines + " lines");
            }
        });
        assertThat(tooBig)
                .as("src/main files of %d lines or more: split them into named parts", LIMIT)
                .isEmpty();
    }

    @Test
    void allowlist_holdsOnlyFilesStillOverTheLimit() throws IOException {
        Map<String, Integer> sizes = mainSourceSizes();
        List<String> stale = new ArrayList<>();
        for (String path : ALLOWED) {
            Integer lines = sizes.get(path);
            if (lines == null) {
                stale.add(path + ": no longer exists");
            } else if (lines < LIMIT) {
                stale.add(path + ": " + lines + " lines");
            }
        }
        assertThat(stale)
                .as("allowlisted files now under %d lines (remove them from SourceFileSizeTest.ALLOWED)", LIMIT)
                .isEmpty();
    }

    /** Lines of every {@code .java} file under {@code MODULE/src/main} of every reactor module, by root path. */
    static Map<String, Integer> mainSourceSizes() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        Path root = Poms.ROOT.toAbsolutePath().normalize();
        for (Poms.Module m : Poms.reactor()) {
            Path main = root.resolve(m.dir()).resolve("src/main").normalize();
            if (m.dir().equals(".") || !Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(main)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    out.put(rel, lines(p));
                }
            }
        }
        return out;
    }

    /** The number of lines, as {@code wc -l} counts them for a file that ends with a newline. */
    private static int lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8).size();
    }
}
