package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvariantViolationTest {

    @Test
    void message_namesInvariantPlaceAndObservation() {
        InvariantViolation v =
                new InvariantViolation("budget", "step 3, pool worker", "3 nodes unavailable, budget is 2");
        assertThat(v).hasMessage("[budget] step 3, pool worker: 3 nodes unavailable, budget is 2");
        assertThat(v.invariant()).isEqualTo("budget");
        assertThat(v.where()).isEqualTo("step 3, pool worker");
        assertThat(v.detail()).isEqualTo("3 nodes unavailable, budget is 2");
        assertThat(v).isInstanceOf(AssertionError.class);
    }
}
