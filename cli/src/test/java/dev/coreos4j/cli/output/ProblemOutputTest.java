package dev.coreos4j.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.ObjectRef;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.Severity;
import org.junit.jupiter.api.Test;

class ProblemOutputTest {

    @Test
    void json_writesKnownPartsOnly() {
        Problems ps = Problems.of(
                new Problem(
                        Severity.ERROR,
                        "path-not-absolute",
                        "path not \"absolute\"",
                        Location.at(JsonPath.of("storage", "files", 0, "path"), 1, 61)
                                .withSource("a.ign")),
                new Problem(Severity.WARNING, "orphan", "orphaned", Location.of(new ObjectRef("commit", "ab"))));
        assertThat(JsonOut.write(false, g -> ProblemOutput.write(g, ps)))
                .isEqualTo("[{\"severity\":\"error\",\"code\":\"path-not-absolute\",\"message\":\"path not"
                        + " \\\"absolute\\\"\",\"source\":\"a.ign\",\"path\":\"$.storage.files[0].path\",\"line\":1,"
                        + "\"column\":61},{\"severity\":\"warning\",\"code\":\"orphan\",\"message\":\"orphaned\","
                        + "\"object\":{\"kind\":\"commit\",\"name\":\"ab\"}}]");
        assertThat(ProblemOutput.text(ps))
                .isEqualTo("error[path-not-absolute] a.ign:1:61 $.storage.files[0].path: path not \"absolute\"\n"
                        + "warning[orphan] commit/ab: orphaned\n");
    }
}
