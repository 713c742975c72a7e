package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ModuleExports;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface: a new exported package must be a decision, never an accident. */
class ModuleExportsTest {

    @Test
    void module_exportsExactlyTheApiPackage() {
        assertThat(ModuleExports.descriptorOf(Butane.class).name()).isEqualTo("dev.coreos4j.ignition.butane");
        assertThat(ModuleExports.exportedPackages(Butane.class)).containsExactly("dev.coreos4j.ignition.butane");
    }
}
