package dev.coreos4j.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonPathProperties {

    @Property(tries = 500)
    void parse_invertsToString(@ForAll("paths") JsonPath path) {
        assertThat(JsonPath.parse(path.toString())).isEqualTo(path);
    }

    @Provide
    Arbitrary<JsonPath> paths() {
        Arbitrary<JsonPath.Segment> name =
                Arbitraries.strings().ofMaxLength(8).map(JsonPath.Name::new).map(n -> n);
        Arbitrary<JsonPath.Segment> index = Arbitraries.integers()
                .between(0, 100_000)
                .map(JsonPath.Index::new)
                .map(i -> i);
        return Arbitraries.oneOf(name, index).list().ofMaxSize(6).map(JsonPath::of);
    }

    @Property(tries = 200)
    void parent_ofChild_isThePath(@ForAll("paths") JsonPath path, @ForAll String name) {
        assertThat(path.child(name).parent()).isEqualTo(path);
        assertThat(path.child(name).startsWith(path)).isTrue();
        assertThat(List.copyOf(path.index(3).segments())).endsWith(new JsonPath.Index(3));
    }
}
