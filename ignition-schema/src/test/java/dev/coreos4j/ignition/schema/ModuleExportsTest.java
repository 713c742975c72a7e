package dev.coreos4j.ignition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ModuleExports;
import org.junit.jupiter.api.Test;

/** Pins the module's public surface: one API package, the schema generator and checker. */
class ModuleExportsTest {

    @Test
    void module_exportsExactlyTheSchemaPackage() {
        assertThat(ModuleExports.descriptorOf(Schemas.class).name()).isEqualTo("dev.coreos4j.ignition.schema");
        assertThat(ModuleExports.exportedPackages(Schemas.class)).containsExactly("dev.coreos4j.ignition.schema");
    }
}
