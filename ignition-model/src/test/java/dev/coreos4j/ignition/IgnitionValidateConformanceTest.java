package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.problem.Problem;
import dev.coreos4j.testsupport.Oracles;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the installed {@code ignition-validate} (Ignition 2.14, spec ≤ 3.3.0) on the hand-written edge cases in the
 * root corpus ({@code ignition/edge-cases}: JSON syntax errors with Go's texts and offsets, type errors, version
 * strings, case-insensitive and duplicate keys, deep nesting, URLs and data URLs, unit-file lexing, partitions,
 * clevis quirks of 3.2.0, a realistic full config, …) and requires exactly its output: the same verdict and the same
 * lines, in the same order, with the same line/column numbers.
 *
 * <p>Differences that come from rules changed after 2.14 (this library follows Ignition 2.26) are not silently
 * skipped: {@link #normalize(String)} maps the two reworded messages, and {@link #CHANGED_AFTER_2_14} lists files
 * whose 2.26 result differs, with the reason.
 */
class IgnitionValidateConformanceTest {

    /** File name → why 2.26 differs from 2.14 (none of the current edge cases). */
    static final Map<String, String> CHANGED_AFTER_2_14 = Map.of();

    static final Set<String> NOT_PARSED = Set.of("not-a-config", "invalid-version", "unsupported-version");

    /** 2.14 wording that later releases changed; the rule and the path are the same. */
    static String normalize(String line) {
        return line.replaceFirst(": Unused key( |$)", ": unused key$1")
                .replace(" Unused keys may not be reported.", " Unused keys may not be reported")
                .replace(
                        "setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0",
                        "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0");
    }

    /** What ignition-validate would print for our result: report lines, or "couldn't parse config: …". */
    static List<String> ours(ParseResult r) {
        List<String> lines = new ArrayList<>();
        for (Problem e : r.report().entries()) {
            lines.add(
                    e.location().path() == null && NOT_PARSED.contains(e.code())
                            ? "couldn't parse config: " + e.message()
                            : Report.text(e));
        }
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> parse_printsWhatIgnitionValidatePrints() throws IOException {
        Path tool = Oracles.require("ignition-validate");
        List<Path> files;
        try (Stream<Path> s = Files.list(ProjectRoot.corpus("ignition", "edge-cases"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        Path scratch = Files.createTempDirectory("ignition-conformance");
        scratch.toFile().deleteOnExit();
        // every case as written (3.3.0) and re-declared as 3.0.0, 3.1.0 and 3.2.0
        return files.stream()
                .filter(f -> !CHANGED_AFTER_2_14.containsKey(f.getFileName().toString()))
                .flatMap(f -> Stream.of("3.3.0", "3.0.0", "3.1.0", "3.2.0")
                        .map(v -> DynamicTest.dynamicTest(f.getFileName() + " as " + v, () -> {
                            byte[] original = Files.readAllBytes(f);
                            byte[] input = new String(original, StandardCharsets.ISO_8859_1)
                                    .replace("\"3.3.0\"", "\"" + v + "\"")
                                    .getBytes(StandardCharsets.ISO_8859_1);
                            Path file = scratch.resolve(v + "-" + f.getFileName());
                            Files.write(file, input);
                            file.toFile().deleteOnExit();
                            assertSameOutput(tool, file, Ignition.parse(input));
                        })));
    }

    static void assertSameOutput(Path tool, Path file, ParseResult r) throws Exception {
        Process p = new ProcessBuilder(tool.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        List<String> expected = output.lines()
                .filter(l -> !l.isEmpty())
                .map(IgnitionValidateConformanceTest::normalize)
                .toList();
        // Ignition iterates a Go map for the unknown keys of one object, so their relative order varies from run
        // to run; everything else is compared in order.
        assertThat(ours(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ours(r).stream().filter(l -> !l.contains(": unused key")).toList())
                .isEqualTo(expected.stream()
                        .filter(l -> !l.contains(": unused key"))
                        .toList());
        assertThat(r.isValid()).isEqualTo(rc == 0);
    }
}
