package dev.coreos4j.ignition.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus cases our validator is known to get wrong, from {@code src/test/resources/ignition/known-failures.txt}.
 *
 * <p>Format: one case per line, {@code <folder>/<name> | <one-line reason>}; blank lines and lines starting with
 * {@code #} are ignored. {@link CorpusConformanceTest} reports a listed case as failing-as-expected instead of
 * failing, and fails when a listed case starts to pass (so the list only shrinks) or names no corpus case.
 */
final class KnownFailures {

    static final String FILE_NAME = "known-failures.txt";

    private KnownFailures() {}

    /** Case id to reason, in file order; empty when the file does not exist. */
    static Map<String, String> load(Path corpusRoot) {
        Path file = corpusRoot.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Collections.emptyMap();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> failures = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int bar = text.indexOf('|');
            if (bar < 0 || text.substring(bar + 1).isBlank()) {
                throw new IllegalStateException(file + ":" + number + ": expected '<folder>/<name> | <reason>'");
            }
            String id = text.substring(0, bar).strip();
            if (failures.put(id, text.substring(bar + 1).strip()) != null) {
                throw new IllegalStateException(file + ":" + number + ": " + id + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(failures);
    }
}
