package dev.coreos4j.ignition.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.testsupport.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 1 on the whole corpus: for every config {@code ignition-validate} 2.14 judges and whose expectation
 * no post-2.14 rule change touches (rewordings are applied to the tool's lines), our report lines are the tool's
 * stdout lines in the same order (the corpus tests
 * compare entries as sets). Unused-key warnings are excluded from the order check only: Ignition lists an object's
 * unknown keys in Go map order, which varies from run to run.
 */
class EntryOrderOracleTest {

    private static final Set<String> STDERR_CODES = Set.of("not-a-config", "invalid-version", "unsupported-version");

    private static boolean ordered(String line) {
        return !line.contains(": unused key ") && !line.contains(": Unused key ");
    }

    /** A 2.14 line in 2.26 wording (the {@link Post214Change#isRename() renames}). */
    private static String reworded(String line) {
        return line.replaceFirst(": Unused key( |$)", ": unused key$1")
                .replace(" Unused keys may not be reported.", " Unused keys may not be reported")
                .replace(
                        "setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0",
                        "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0");
    }

    private static List<String> ours(CorpusCase c) {
        List<String> out = new ArrayList<>();
        for (Problem e : Ignition.parse(c.bytes()).report().entries()) {
            if (e.location().path() != null || !STDERR_CODES.contains(e.code())) {
                out.add(Report.text(e));
            }
        }
        return out;
    }

    @Test
    void reportLines_inTheToolsOrder() throws Exception {
        Path tool = Oracles.require("ignition-validate");
        List<CorpusCase> cases = CorpusCase.all().stream()
                .filter(c -> c.judgedByOracle() && c.changes().stream().allMatch(Post214Change::isRename))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<CorpusCase, Future<List<String>>> runs = new LinkedHashMap<>();
        try {
            for (CorpusCase c : cases) {
                runs.put(c, pool.submit(() -> IgnitionValidate.stdoutLines(tool, c.config())));
            }
            int multi = 0;
            List<String> disagreements = new ArrayList<>();
            for (Map.Entry<CorpusCase, Future<List<String>>> e : runs.entrySet()) {
                List<String> theirs;
                try {
                    theirs = e.getValue().get();
                } catch (ExecutionException failure) {
                    throw new IllegalStateException(
                            "ignition-validate failed on " + e.getKey().id(), failure.getCause());
                }
                List<String> ours = ours(e.getKey());
                List<String> a =
                        ours.stream().filter(EntryOrderOracleTest::ordered).toList();
                List<String> b = theirs.stream()
                        .filter(EntryOrderOracleTest::ordered)
                        .map(EntryOrderOracleTest::reworded)
                        .toList();
                multi += b.size() > 1 ? 1 : 0;
                if (!a.equals(b)) {
                    disagreements.add(e.getKey().id() + "\n  ours:  " + a + "\n  tool:  " + b);
                }
            }
            System.out.printf(
                    "entry order: %d configs compared with ignition-validate, %d with several ordered lines,"
                            + " %d in another order%n",
                    cases.size(), multi, disagreements.size());
            assertThat(cases).hasSizeGreaterThan(1500);
            assertThat(multi).as("configs with several ordered lines").isGreaterThan(100);
            assertThat(disagreements)
                    .as("configs whose lines come in another order")
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
