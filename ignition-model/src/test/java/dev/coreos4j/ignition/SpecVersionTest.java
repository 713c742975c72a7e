package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecVersionTest {

    @Test
    void fromString_findsEveryVersionBySpelling() {
        for (SpecVersion v : SpecVersion.values()) {
            assertThat(SpecVersion.fromString(v.toString())).contains(v);
        }
        assertThat(SpecVersion.fromString("3.7.0-experimental")).contains(SpecVersion.V3_7_0_EXPERIMENTAL);
        assertThat(SpecVersion.fromString("3.3.1")).isEmpty();
    }

    @Test
    void latestStable_is360AndStableExcludesExperimental() {
        assertThat(SpecVersion.latestStable()).isEqualTo(SpecVersion.V3_6_0);
        assertThat(SpecVersion.stable()).hasSize(7).noneMatch(SpecVersion::isExperimental);
        assertThat(SpecVersion.all()).isSorted();
    }

    @Test
    void has_answersWhichVersionsCarryAField() {
        assertThat(SpecVersion.V3_1_0.has(Config.Storage.class, "luks")).isFalse();
        assertThat(SpecVersion.V3_2_0.has(Config.Storage.class, "luks")).isTrue();
        assertThat(SpecVersion.V3_0_0.has(Config.Storage.class, "files")).isTrue();
        assertThat(SpecVersion.V3_4_0.has(Config.Luks.class, "cex")).isFalse();
        assertThat(SpecVersion.V3_5_0.has(Config.Luks.class, "cex")).isTrue();
        assertThat(SpecVersion.V3_2_0.has(Config.class, "kernelArguments")).isFalse();
        assertThatThrownBy(() -> SpecVersion.V3_0_0.has(Config.Storage.class, "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Storage has no component nope");
        assertThatThrownBy(() -> SpecVersion.V3_0_0.has(ParseResult.class, "config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a model record");
    }
}
