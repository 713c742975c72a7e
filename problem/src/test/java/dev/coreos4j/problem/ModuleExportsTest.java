package dev.coreos4j.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ModuleExports;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface. */
class ModuleExportsTest {

    @Test
    void module_exportsExactlyTheApiPackage() {
        assertThat(ModuleExports.descriptorOf(Problem.class).name()).isEqualTo("dev.coreos4j.problem");
        assertThat(ModuleExports.exportedPackages(Problem.class)).containsExactly("dev.coreos4j.problem");
    }
}
