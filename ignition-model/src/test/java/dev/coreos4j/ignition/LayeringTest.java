package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Layering;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's layers, bottom up: the core ({@code dev.coreos4j.ignition}: the model, parsing, validation,
 * translation and writing, with its internal packages) then the builders ({@code .builder}) then merging and
 * reference resolution ({@code .merge}). A package may use its own layer and those below it.
 *
 * <p>What holds today, pinned: nothing outside {@code merge} imports it, and the core's one use of the builders is
 * {@link Config#toBuilder()} (a convenience of the model's API), so the internal packages use neither.
 */
class LayeringTest {

    @Test
    void nothingBelowMerge_usesMerge() {
        assertThat(Layering.violations(
                        "ignition-model", List.of("dev.coreos4j.ignition", "dev.coreos4j.ignition.merge")))
                .isEmpty();
    }

    @Test
    void theCore_usesTheBuildersOnlyInConfigToBuilder() {
        List<String> violations = Layering.violations(
                "ignition-model",
                List.of("dev.coreos4j.ignition", "dev.coreos4j.ignition.builder", "dev.coreos4j.ignition.merge"));
        assertThat(violations)
                .singleElement()
                .satisfies(v -> assertThat(v).contains("Config.java").contains("uses dev.coreos4j.ignition.builder"));
    }
}
