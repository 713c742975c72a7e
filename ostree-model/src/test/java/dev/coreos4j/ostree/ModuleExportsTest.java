package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ModuleExports;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface: a new exported package must be a decision, never an accident. */
class ModuleExportsTest {

    @Test
    void module_exportsExactlyTheApiPackages() {
        assertThat(ModuleExports.descriptorOf(Checksum.class).name())
                .isEqualTo("dev.coreos4j.ostree", "dev.coreos4j.ostree.deploy");
        assertThat(ModuleExports.exportedPackages(Checksum.class))
                .containsExactly(
                        "dev.coreos4j.ostree",
                        "dev.coreos4j.ostree.container",
                        "dev.coreos4j.ostree.deploy",
                        "dev.coreos4j.ostree.repo");
    }

    /** Surefire runs this module's tests on the module path, patched into the module (issue #15). */
    @Test
    void tests_runInsideTheNamedModule() {
        assertThat(ModuleExportsTest.class.getModule().isNamed()).isTrue();
        assertThat(ModuleExportsTest.class.getModule()).isSameAs(Checksum.class.getModule());
    }
}
