package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MaxUnavailableTest {

    @Test
    void percent_isFlooredAgainstPoolSizeAndZeroBecomesOne() {
        assertThat(MaxUnavailable.parse("25%").budget(12)).isEqualTo(3);
        assertThat(MaxUnavailable.parse("25%").budget(7)).isEqualTo(1);
        assertThat(MaxUnavailable.parse("10%").budget(3)).isEqualTo(1);
        assertThat(MaxUnavailable.parse("0").budget(5)).isEqualTo(1);
        assertThat(MaxUnavailable.parse("4").budget(2)).isEqualTo(4);
    }

    @Test
    void parse_rejectsNegativeAndMalformedValuesNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MaxUnavailable.parse("-1"))
                .withMessageContaining("\"-1\"");
        assertThatIllegalArgumentException().isThrownBy(() -> MaxUnavailable.parse("25 %"));
        assertThatIllegalArgumentException().isThrownBy(() -> MaxUnavailable.parse("%"));
    }

    @Property
    void budget_isAtLeastOneAndNeverAboveTheCount(
            @ForAll @IntRange(max = 100) int percent, @ForAll @IntRange(max = 10_000) int poolSize) {
        int budget = MaxUnavailable.parse(percent + "%").budget(poolSize);
        assertThat(budget).isGreaterThanOrEqualTo(1);
        assertThat(budget).isLessThanOrEqualTo(Math.max(1, poolSize));
    }
}
