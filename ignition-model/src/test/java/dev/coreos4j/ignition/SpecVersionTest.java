package dev.coreos4j.ignition;

import static org.assertj.core.api.Assertions.assertThat;

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
}
