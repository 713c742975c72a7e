package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import dev.coreos4j.planner.json.GraphReadResult;
import dev.coreos4j.planner.json.UpdateGraphReader;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader is total: any document, however damaged, gives a graph or problems with JSON paths, never a throw. */
class UpdateGraphReaderProperties {

    private static final List<String> DOCUMENTS =
            List.of(load("ocp-channels.json"), load("fcos-stable.json"), ExampleGraph.json());

    private static final List<String> REPLACEMENTS = List.of(
            "",
            "0",
            "-1",
            "99",
            "1.5",
            "null",
            "true",
            "\"x\"",
            "[]",
            "{}",
            "\"4.16\"",
            ",",
            "]",
            "}",
            "\"",
            "\"true\"");

    static String load(String name) {
        try {
            return Files.readString(ProjectRoot.corpus("graph", name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 500)
    void read_isTotalOnDamagedDocuments(@ForAll("damaged") String json) {
        GraphReadResult result = UpdateGraphReader.read(json);
        if (result.isValid()) {
            assertThat(result.graph().releases()).isNotNull();
            UpdateGraph g = result.graph();
            if (!g.releases().isEmpty()) {
                String from = g.releases().get(0).version();
                assertThat(UpdatePathPlanner.plan(g, PathRequest.latest(from))).isNotNull();
            }
        } else {
            assertThat(result.problems().all()).allSatisfy(p -> {
                assertThat(String.valueOf(p.location().path())).startsWith("$");
                assertThat(p.code()).startsWith("graph.");
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<String> damaged() {
        return Arbitraries.randomValue(UpdateGraphReaderProperties::damage);
    }

    static String damage(Random r) {
        StringBuilder s = new StringBuilder(DOCUMENTS.get(r.nextInt(DOCUMENTS.size())));
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            int length = Math.min(s.length() - at, r.nextInt(12));
            s.replace(at, at + length, REPLACEMENTS.get(r.nextInt(REPLACEMENTS.size())));
        }
        return s.toString();
    }
}
