package dev.coreos4j.ignition.butane.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.problem.Severity;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The enumerated Butane rules: well-formed codes, one code per rule except the one rule whose severity varies. */
class ButaneRuleTest {

    @Test
    void codes_areLowerCaseWordsJoinedByDashes() {
        assertThat(ButaneRule.values()).allSatisfy(r -> assertThat(r.code()).matches("[a-z]+(-[a-z0-9]+)*"));
    }

    @Test
    void codes_areUnique_exceptMirrorRequiresLayoutAsWarning() {
        Map<String, Long> counts = Arrays.stream(ButaneRule.values())
                .collect(Collectors.groupingBy(ButaneRule::code, Collectors.counting()));
        assertThat(counts)
                .allSatisfy(
                        (code, n) -> assertThat(n).as(code).isEqualTo(code.equals("mirror-requires-layout") ? 2L : 1L));
        assertThat(ButaneRule.MIRROR_REQUIRES_LAYOUT.severity()).isEqualTo(Severity.ERROR);
        assertThat(ButaneRule.MIRROR_REQUIRES_LAYOUT_WARNING.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void message_fillsTheTemplate() {
        assertThat(ButaneRule.UNKNOWN_VERSION.message("fcos", "9.9.9"))
                .isEqualTo("No translator exists for variant fcos with version 9.9.9");
        assertThat(ButaneRule.UNUSED_KEY.message("foo")).isEqualTo("unused key foo");
    }
}
