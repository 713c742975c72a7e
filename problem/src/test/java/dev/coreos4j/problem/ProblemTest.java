package dev.coreos4j.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    enum Rules implements Rule {
        PATH_NOT_ABSOLUTE("path-not-absolute", Severity.ERROR),
        UNUSED_KEY("unused-key", Severity.WARNING);

        private final String code;
        private final Severity severity;

        Rules(String code, Severity severity) {
            this.code = code;
            this.severity = severity;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public Severity severity() {
            return severity;
        }
    }

    @Test
    void of_takesCodeAndSeverityFromTheRule() {
        Problem p = Problem.of(
                Rules.PATH_NOT_ABSOLUTE,
                "path not absolute",
                Location.at(JsonPath.of("storage", "files", 0, "path"), 1, 61).withSource("config.ign"));
        assertThat(p.code()).isEqualTo("path-not-absolute");
        assertThat(p.isError()).isTrue();
        assertThat(p.toString())
                .isEqualTo("error[path-not-absolute] config.ign:1:61 $.storage.files[0].path: path not absolute");
    }

    @Test
    void location_rendersOnlyKnownParts() {
        assertThat(Location.NONE.toString()).isEmpty();
        assertThat(Location.NONE.isEmpty()).isTrue();
        assertThat(Location.of("Node", "worker-0")
                        .withPath(JsonPath.of("items", 3))
                        .toString())
                .isEqualTo("$.items[3] Node/worker-0");
        assertThat(Location.in("repo")
                        .withObject(new ObjectRef("commit", "ab12"))
                        .toString())
                .isEqualTo("repo commit/ab12");
        assertThat(Location.NONE.withPosition(new Position(2, 5)).toString()).isEqualTo("2:5");
        assertThat(new Problem(Severity.WARNING, "unused-key", "unused key x", Location.NONE).toString())
                .isEqualTo("warning[unused-key]: unused key x");
    }

    @Test
    void problems_filterAndCarryAll() {
        Problem e = Problem.of(Rules.PATH_NOT_ABSOLUTE, "a", Location.NONE);
        Problem w = Problem.of(Rules.UNUSED_KEY, "b", Location.NONE);
        Problems ps = Problems.of(w, e, e);
        assertThat(ps.isValid()).isFalse();
        assertThat(Problems.of(w).isValid()).isTrue();
        assertThat(ps.errors()).hasSize(2);
        assertThat(ps.warnings()).containsExactly(w);
        assertThat(ps.plus(Problems.of(w)).size()).isEqualTo(4);
        ProblemsException x = new ProblemsException("invalid config", ps);
        assertThat(x.problems()).isEqualTo(ps);
        assertThat(x.getMessage()).startsWith("invalid config: 2 errors, 1 other\nwarning[unused-key]: b");
    }

    @Test
    void parts_areChecked() {
        assertThatThrownBy(() -> new Position(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObjectRef("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem(Severity.ERROR, " ", "m", Location.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
    }
}
