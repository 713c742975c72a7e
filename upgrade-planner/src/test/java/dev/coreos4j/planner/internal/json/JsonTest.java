package dev.coreos4j.planner.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

    @Test
    void parse_givesEveryValueItsPathLineAndColumn() {
        JsonNode root = Json.parse("{\n  \"a\" : [ 1, {\n    \"b.c/d\" : \"x\" } ],\n  \"e-f\": null }");
        JsonNode x = root.get("a").get(1).get("b.c/d");
        assertThat(x.path()).isEqualTo("$.a[1]['b.c/d']");
        assertThat(x.line()).isEqualTo(3);
        assertThat(x.column()).isEqualTo(15);
        assertThat(root.get("a").get(0).path()).isEqualTo("$.a[0]");
        assertThat(root.get("e-f").isNull()).isTrue();
        assertThat(root.get("e-f").path()).isEqualTo("$['e-f']");
        assertThat(root.path()).isEqualTo("$");
    }

    @Test
    void parse_rejectsDuplicateKeysWithTheirLocation() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,\n \"a\": 2}"))
                .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Duplicate Object property \"a\"");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void parse_trailingContentOnlyWhenAsked() {
        assertThat(Json.parse("{} []").isObject()).isTrue();
        assertThatThrownBy(() -> Json.parse("{} []", true))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessageStartingWith("Trailing token");
        assertThat(Json.parse("  ")).isNull();
    }

    @Test
    void numbers_keepTheirKind() {
        JsonNode a = Json.parse("[1, 3000000000, 123456789012345678901234567890, 1.5, -0.0]");
        assertThat(a.get(0).isIntegralNumber() && a.get(0).canConvertToInt()).isTrue();
        assertThat(a.get(1).isIntegralNumber() && !a.get(1).canConvertToInt()).isTrue();
        assertThat(a.get(2).canConvertToInt()).isFalse();
        assertThat(a.get(3).isIntegralNumber()).isFalse();
        assertThat(Json.compact(a)).isEqualTo("[1,3000000000,123456789012345678901234567890,1.5,-0.0]");
    }

    /** Writing is byte-identical to databind's default pretty printer on real documents. */
    @Test
    void pretty_isByteIdenticalToDatabind() throws Exception {
        JsonMapper mapper = JsonMapper.shared();
        for (String name : new String[] {
            "everything.json",
            "ignition-configs.json",
            "cluster-3m12w.plan.json",
            "cluster/complianceascode-infra-nodes.json"
        }) {
            String text = Files.readString(ProjectRoot.corpus("planner", name));
            assertThat(Json.pretty(Json.parse(text)))
                    .isEqualTo(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(text)));
            assertThat(Json.compact(Json.parse(text))).isEqualTo(mapper.writeValueAsString(mapper.readTree(text)));
        }
    }
}
