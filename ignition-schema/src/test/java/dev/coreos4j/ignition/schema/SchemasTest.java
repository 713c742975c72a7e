package dev.coreos4j.ignition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.SpecVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SchemasTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void forVersion_isDraft4WithVersionSpecificFields() {
        ObjectNode v30 = Schemas.forVersion(SpecVersion.V3_0_0);
        ObjectNode v36 = Schemas.forVersion(SpecVersion.V3_6_0);
        assertThat(v30.get("$schema").asString()).isEqualTo("http://json-schema.org/draft-04/schema#");
        assertThat(v30.get("properties").has("kernelArguments")).isFalse();
        assertThat(v36.get("properties").has("kernelArguments")).isTrue();
    }

    @Test
    void check_acceptsValidAndUnknownKeys() {
        assertThat(Schemas.check(b("{\"ignition\":{\"version\":\"3.6.0\"},\"extra\":1}"), SpecVersion.V3_6_0)
                        .isValid())
                .isTrue();
    }

    @Test
    void check_rejectsWrongTypesWithPath() {
        var report = Schemas.check(
                b("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":1}]}}"), SpecVersion.V3_6_0);
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors().get(0).location().path()).hasToString("$.storage.files[0].path");
    }

    @Test
    void check_missingRequiredIgnitionAndNotJson() {
        assertThat(Schemas.check(b("{}"), SpecVersion.V3_3_0).isValid()).isFalse();
        assertThat(Schemas.check(b("{nope"), SpecVersion.V3_3_0)
                        .errors()
                        .get(0)
                        .location()
                        .path())
                .isNull();
    }
}
