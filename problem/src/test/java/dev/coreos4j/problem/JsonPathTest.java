package dev.coreos4j.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void toString_usesShorthandAndIndices() {
        assertThat(JsonPath.of("storage", "files", 0, "path").toString()).isEqualTo("$.storage.files[0].path");
        assertThat(JsonPath.ROOT.toString()).isEqualTo("$");
        assertThat(JsonPath.ROOT.child("pools").index(12).toString()).isEqualTo("$.pools[12]");
    }

    @Test
    void toString_bracketsNamesThatAreNotShorthand() {
        assertThat(JsonPath.of("metadata", "labels", "node-role.kubernetes.io/worker")
                        .toString())
                .isEqualTo("$.metadata.labels['node-role.kubernetes.io/worker']");
        assertThat(JsonPath.of("0abc").toString()).isEqualTo("$['0abc']");
        assertThat(JsonPath.of("").toString()).isEqualTo("$['']");
        assertThat(JsonPath.of("it's\\\n").toString()).isEqualTo("$['it\\'s\\\\\\n']");
        assertThat(JsonPath.of("\u0001").toString()).isEqualTo("$['\\u0001']");
    }

    @Test
    void parse_readsWhatToStringWrites() {
        for (JsonPath p : new JsonPath[] {
            JsonPath.ROOT, JsonPath.of("storage", "files", 0, "path"), JsonPath.of("a b", 3, "it's", "x\ty", "é", "_1"),
        }) {
            assertThat(JsonPath.parse(p.toString())).isEqualTo(p);
        }
        assertThat(JsonPath.parse("$[\"a\"]['b'].c[10]")).isEqualTo(JsonPath.of("a", "b", "c", 10));
    }

    @Test
    void parse_refusesWithTheOffset() {
        assertThatThrownBy(() -> JsonPath.parse("storage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 0");
        assertThatThrownBy(() -> JsonPath.parse("$.a.[0]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 4");
        assertThatThrownBy(() -> JsonPath.parse("$[01]")).hasMessageContaining("offset 2");
        assertThatThrownBy(() -> JsonPath.parse("$['a")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> JsonPath.parse("$.a.b-c")).hasMessageContaining("'b-c'");
    }

    @Test
    void navigation() {
        JsonPath p = JsonPath.of("a", 1, "b");
        assertThat(p.parent()).isEqualTo(JsonPath.of("a", 1));
        assertThat(p.startsWith(JsonPath.of("a"))).isTrue();
        assertThat(p.startsWith(JsonPath.ROOT)).isTrue();
        assertThat(p.startsWith(JsonPath.of("b"))).isFalse();
        assertThat(JsonPath.of("a").startsWith(p)).isFalse();
        assertThatThrownBy(JsonPath.ROOT::parent).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonPath.of(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPath.ROOT.index(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
