package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ModuleExports;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface: a new exported package must be a decision, never an accident. */
class ModuleExportsTest {

    @Test
    void module_exportsExactlyTheApiPackages() {
        assertThat(ModuleExports.descriptorOf(MaxUnavailable.class).name()).isEqualTo("dev.coreos4j.planner");
        assertThat(ModuleExports.exportedPackages(MaxUnavailable.class))
                .containsExactly(
                        "dev.coreos4j.planner",
                        "dev.coreos4j.planner.cluster",
                        "dev.coreos4j.planner.graph",
                        "dev.coreos4j.planner.json",
                        "dev.coreos4j.planner.render");
    }

    /** Surefire runs this module's tests on the module path, patched into the module (issue #15). */
    @Test
    void tests_runInsideTheNamedModule() {
        assertThat(ModuleExportsTest.class.getModule().isNamed()).isTrue();
        assertThat(ModuleExportsTest.class.getModule()).isSameAs(MaxUnavailable.class.getModule());
    }
}
