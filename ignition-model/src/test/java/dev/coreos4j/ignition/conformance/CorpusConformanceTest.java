package dev.coreos4j.ignition.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs our {@link Ignition#parse(byte[])} on every config of the shared corpus and requires Ignition 2.26's verdict:
 * the same validity, the same set of (severity, path, message) entries, each at the same line and byte column (Go's
 * {@code line 0 col 0} counts as an unknown position). A report of every disagreement, with the agreement counts per
 * spec version, is written to {@code target/corpus-conformance/mismatches.md}.
 *
 * <p>Expectations for spec up to 3.3.0 are {@code ignition-validate} 2.14's output (proved by
 * {@link IgnitionValidateOracleTest}), changed only where a case is tagged with a documented post-2.14 rule change;
 * from 3.4.0 they follow the spec digest. A case listed in {@code known-failures.txt} (with its reason) is reported
 * as aborted instead of failed; a listed case that passes fails, so the list can only shrink.
 */
class CorpusConformanceTest {

    @TestFactory
    Stream<DynamicTest> parse_agreesWithIgnitionOnEveryCorpusConfig() {
        Map<String, String> known = KnownFailures.load(CorpusCase.root());
        Map<CorpusCase, Outcome> outcomes = new LinkedHashMap<>();
        for (CorpusCase c : CorpusCase.all()) {
            outcomes.put(c, judge(c));
        }
        writeReport(outcomes, known);
        return outcomes.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey().id(),
                        e.getKey().config().toUri(),
                        () -> check(
                                e.getKey(), e.getValue(), known.get(e.getKey().id()))));
    }

    @Test
    void knownFailures_nameCorpusCasesWithReasons() {
        Map<String, String> known = KnownFailures.load(CorpusCase.root());
        List<String> ids = CorpusCase.all().stream().map(CorpusCase::id).toList();
        assertThat(ids).containsAll(known.keySet());
        assertThat(known.values()).allMatch(reason -> !reason.isBlank());
    }

    private static void check(CorpusCase c, Outcome outcome, String knownReason) {
        if (knownReason != null) {
            if (outcome.positionsAgree()) {
                fail(
                        "%s is listed in %s (%s) but now agrees with Ignition: remove the line",
                        c.id(), KnownFailures.FILE_NAME, knownReason);
            }
            Assumptions.abort("known failure (" + KnownFailures.FILE_NAME + "): " + knownReason);
        }
        if (outcome.crash() != null) {
            throw new AssertionError(c.id() + ": Ignition.parse threw instead of reporting", outcome.crash());
        }
        String what = c.id() + " (" + c.description() + ")"
                + (c.tagged() ? ", expectation follows post-2.14 changes " + c.changes() : "");
        assertThat(outcome.ours().withoutPositions())
                .as("Ignition.parse verdict and entries on %s", what)
                .isEqualTo(c.expected().withoutPositions());
        assertThat(outcome.ours())
                .as("Ignition.parse entry positions on %s", what)
                .isEqualTo(c.expected());
    }

    /**
     * What our parser said about one case, or how it crashed; {@code agrees} ignores positions,
     * {@code positionsAgree} does not.
     */
    record Outcome(Verdict ours, RuntimeException crash, boolean agrees, boolean positionsAgree) {}

    static Outcome judge(CorpusCase c) {
        Verdict ours;
        try {
            ours = verdictOf(Ignition.parse(c.bytes()));
        } catch (RuntimeException e) {
            return new Outcome(null, e, false, false);
        }
        boolean agrees = ours.withoutPositions().equals(c.expected().withoutPositions());
        return new Outcome(ours, null, agrees, agrees && ours.equals(c.expected()));
    }

    static Verdict verdictOf(ParseResult result) {
        Report report = result.report();
        List<Verdict.Entry> entries = new ArrayList<>();
        for (Problem e : report.entries()) {
            Position at = e.location().position();
            entries.add(new Verdict.Entry(
                    e.severity().name().toLowerCase(Locale.ROOT),
                    Report.dottedPath(e),
                    e.message(),
                    at == null ? null : at.line(),
                    at == null ? null : at.column()));
        }
        return new Verdict(report.isValid(), entries);
    }

    private static void writeReport(Map<CorpusCase, Outcome> outcomes, Map<String, String> known) {
        Map<String, int[]> perFolder = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (Map.Entry<CorpusCase, Outcome> e : outcomes.entrySet()) {
            CorpusCase c = e.getKey();
            Outcome o = e.getValue();
            int[] counts = perFolder.computeIfAbsent(c.folder(), f -> new int[3]);
            counts[0]++;
            if (o.agrees()) {
                counts[1]++;
                if (!o.positionsAgree()) {
                    counts[2]++;
                    positions.add("- `" + c.id() + "`"
                            + (known.containsKey(c.id()) ? " [known: " + known.get(c.id()) + "]" : "")
                            + "\n  - expected:" + indent(c.expected()) + "\n  - got:" + indent(o.ours()));
                }
                continue;
            }
            String got = o.crash() != null ? " threw `" + o.crash() + "`" : indent(o.ours());
            mismatches.add("- `" + c.id() + "` (" + c.description() + ")"
                    + (known.containsKey(c.id()) ? " [known: " + known.get(c.id()) + "]" : "")
                    + (c.tagged() ? " [post-2.14: " + c.changes() + "]" : "")
                    + "\n  - expected:" + indent(c.expected()) + "\n  - got:" + got);
        }
        StringBuilder out = new StringBuilder("# Corpus conformance of Ignition.parse\n\n");
        out.append("Run at ")
                .append(Instant.now())
                .append(".\n\n| folder | configs | agree | positions differ |\n")
                .append("|---|---|---|---|\n");
        int total = 0;
        int agree = 0;
        for (Map.Entry<String, int[]> f : perFolder.entrySet()) {
            int[] n = f.getValue();
            total += n[0];
            agree += n[1];
            out.append("| ")
                    .append(f.getKey())
                    .append(" | ")
                    .append(n[0])
                    .append(" | ")
                    .append(n[1])
                    .append(" | ")
                    .append(n[2])
                    .append(" |\n");
        }
        out.append("| all | ").append(total).append(" | ").append(agree).append(" | |\n\n");
        out.append("## Mismatches (verdict or entries): ")
                .append(mismatches.size())
                .append("\n\n");
        mismatches.forEach(m -> out.append(m).append('\n'));
        out.append("\n## Position-only differences: ").append(positions.size()).append("\n\n");
        positions.forEach(m -> out.append(m).append('\n'));
        try {
            Path dir = Path.of("target", "corpus-conformance");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("mismatches.md"), out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus conformance report", e);
        }
    }

    private static String indent(Verdict v) {
        return " " + v.describe().replace("\n", "\n    ");
    }
}
