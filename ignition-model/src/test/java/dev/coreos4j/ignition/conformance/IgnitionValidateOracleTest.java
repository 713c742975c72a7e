package dev.coreos4j.ignition.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Oracles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves the corpus honest: runs the reference {@code ignition-validate} (Ignition 2.14, spec up to 3.3.0) on every
 * corpus config it can judge and requires exactly the recorded verdict, entries and positions.
 *
 * <p>coreos4j follows Ignition 2.26. Where a rule changed after 2.14 the case says so in {@code post214}, records the
 * tool's own output in {@code ignitionValidate214}, and this test then requires (a) the tool to still say exactly
 * that and (b) the recorded expectation to differ from it only in entries belonging to the named changes. No case is
 * skipped. Configs of spec 3.4.0 and later are outside the tool's reach (it rejects those versions).
 */
class IgnitionValidateOracleTest {

    private static final String TOOL = "ignition-validate";

    @Test
    void ignitionValidate_isTheRelease2_14TheCorpusWasRecordedWith() {
        Path tool = Oracles.require(TOOL);
        assertThat(IgnitionValidate.version(tool))
                .as("the corpus records ignition-validate 2.14 output; a different release needs a re-recording")
                .contains(" 2.14.");
    }

    @TestFactory
    Stream<DynamicTest> ignitionValidate_agreesWithEveryRecordedExpectation() throws InterruptedException {
        Path tool = Oracles.require(TOOL);
        List<CorpusCase> cases =
                CorpusCase.all().stream().filter(CorpusCase::judgedByOracle).toList();
        assertThat(cases).as("corpus configs the tool can judge").hasSizeGreaterThan(400);
        Map<CorpusCase, Verdict> verdicts = runAll(tool, cases);
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), c.config().toUri(), () -> check(c, verdicts.get(c))));
    }

    private static void check(CorpusCase c, Verdict tool) {
        if (!c.tagged()) {
            assertThat(tool)
                    .as("ignition-validate on %s (%s)", c.id(), c.description())
                    .isEqualTo(c.expected());
            return;
        }
        assertThat(c.ignitionValidate214())
                .as("%s is tagged %s but records no 2.14 output", c.id(), c.changes())
                .isNotNull();
        assertThat(tool)
                .as("ignition-validate on tagged %s (%s)", c.id(), c.changes())
                .isEqualTo(c.ignitionValidate214());
        assertThat(CorpusTest.unexplainedDifferences(c))
                .as("%s: differences from 2.14 not covered by its tags %s", c.id(), c.changes())
                .isEmpty();
    }

    /** Runs the tool on every case, a few processes at a time (each run takes a few milliseconds). */
    private static Map<CorpusCase, Verdict> runAll(Path tool, List<CorpusCase> cases) throws InterruptedException {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<CorpusCase, Future<Verdict>> futures = new LinkedHashMap<>();
            for (CorpusCase c : cases) {
                futures.put(c, pool.submit(() -> IgnitionValidate.run(tool, c.config())));
            }
            Map<CorpusCase, Verdict> verdicts = new LinkedHashMap<>();
            for (Map.Entry<CorpusCase, Future<Verdict>> e : futures.entrySet()) {
                try {
                    verdicts.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException failure) {
                    throw new IllegalStateException(
                            "ignition-validate failed on " + e.getKey().id(), failure.getCause());
                }
            }
            return verdicts;
        } finally {
            pool.shutdownNow();
        }
    }
}
