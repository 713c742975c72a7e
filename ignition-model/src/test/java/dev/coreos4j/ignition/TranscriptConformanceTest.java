package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the recorded {@code ignition-validate} 2.14 transcripts (≈150 cases × 3 versions, kept in the root
 * corpus) through {@link Ignition#parse(byte[])}: the same verdict and the same error lines (path, position and
 * message). Cases where Ignition 2.26 — the semantics this library follows — differs from 2.14 are listed in
 * {@link #POST_2_14} with the reason; for them the expected 2.26 outcome is asserted instead.
 */
class TranscriptConformanceTest {

    /** Case title → expected 2.26 error paths (empty = valid), for the rules changed after 2.14. */
    static final Map<String, Set<String>> POST_2_14 = Map.ofEntries(
            // 2.15: files/dirs/links colliding with systemd units or drop-ins that have contents
            Map.entry("file conflicts unit", Set.of("$.storage.files.0.path")),
            Map.entry("dir conflicts dropin", Set.of("$.storage.directories.0.path")),
            // 2.15: warnings only (user/group on hard links, filesystem on a partitioned or wiped disk,
            // enabled instance of a template without [Install]); the verdict stays "valid"
            Map.entry("hard link with user", Set.of()),
            Map.entry("fs on partitioned disk", Set.of()),
            Map.entry("fs on wiped disk", Set.of()),
            Map.entry("template no install", Set.of()));

    /**
     * Cases of the 3.4.0-experimental transcript whose 3.4.0 outcome differs: 3.4.0 gained luks openOptions and
     * discard and tang advertisement after the experimental version 2.14 knows, and since 2.22 the special-mode-bit
     * warning covers 3.4.0 and 3.5.0.
     */
    static final Map<String, Set<String>> EXPERIMENTAL_3_4 = Map.ofEntries(
            Map.entry("luks dup openOptions", Set.of("$.storage.luks.0.openOptions.1")),
            Map.entry("tang bad advertisement", Set.of("$.storage.luks.0.clevis.tang.0.advertisement")),
            Map.entry("luks discard", Set.of()),
            Map.entry("mode -1", Set.of("$.storage.files.0.mode")),
            Map.entry("mode 2541 setgid", Set.of()));

    record Case(String file, String title, String input, int rc, List<String> lines) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Path dir = ProjectRoot.corpus("ignition", "transcripts-2.14");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i + 2 < lines.size() + 1; i++) {
                    if (!lines.get(i).startsWith("### ")) {
                        continue;
                    }
                    String input = lines.get(i + 1).substring("  in: ".length());
                    String result = lines.get(i + 2).substring("  rc=".length());
                    int rc = Integer.parseInt(result.substring(0, 1));
                    String rest = result.substring(1).strip();
                    List<String> entries = rest.isEmpty() ? List.of() : List.of(rest.split(" \\|\\| "));
                    out.add(new Case(f.getFileName().toString(), lines.get(i).substring(4), input, rc, entries));
                }
            }
        }
        return out;
    }

    /** 2.14 wording that 2.23+/2.26 changed; the rule and the path are the same. */
    static String normalize214(String line) {
        return line.replace(": Unused key ", ": unused key ")
                .replace(" Unused keys may not be reported.", " Unused keys may not be reported")
                .replace(
                        "setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0",
                        "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0");
    }

    static String withoutPosition(String line) {
        return line.replaceAll("(, )?line \\d+ col \\d+", "");
    }

    @TestFactory
    Stream<DynamicTest> parse_matchesIgnitionValidateTranscripts() throws IOException {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.title(), () -> {
                    // 3.4.0-experimental is no longer accepted by Ignition 2.26; the same cases are replayed as 3.4.0
                    // (identical schema) and compared without positions, which shift with the shorter version string.
                    boolean experimental = c.input().contains("\"3.4.0-experimental\"");
                    String input = experimental ? c.input().replace("\"3.4.0-experimental\"", "\"3.4.0\"") : c.input();
                    ParseResult r = Ignition.parse(input.getBytes(StandardCharsets.UTF_8));
                    String key = c.title();
                    Set<String> changed = experimental && EXPERIMENTAL_3_4.containsKey(key)
                            ? EXPERIMENTAL_3_4.get(key)
                            : POST_2_14.get(key);
                    if (changed != null) {
                        Set<String> paths = new TreeSet<>();
                        r.report().errors().forEach(e -> paths.add(Report.dottedPath(e)));
                        assertThat(paths).as(r.report().toString()).isEqualTo(changed);
                        return;
                    }
                    List<String> expected = c.lines().stream()
                            .map(TranscriptConformanceTest::normalize214)
                            .map(l -> experimental ? withoutPosition(l) : l)
                            .sorted()
                            .toList();
                    List<String> actual = r.report().entries().stream()
                            .map(Report::text)
                            .map(l -> experimental ? withoutPosition(l) : l)
                            .sorted()
                            .toList();
                    assertThat(actual).as(c.input()).isEqualTo(expected);
                    assertThat(r.isValid()).isEqualTo(c.rc() == 0);
                }));
    }
}
