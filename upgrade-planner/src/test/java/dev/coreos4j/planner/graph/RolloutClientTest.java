package dev.coreos4j.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutClientTest {

    static Release rolling(String start, String value, String minutes) {
        Map<String, String> meta = new HashMap<>();
        meta.put(Release.AGE_INDEX_KEY, "7");
        meta.put(RolloutClient.ROLLOUT_KEY, "true");
        if (start != null) {
            meta.put(RolloutClient.START_EPOCH_KEY, start);
        }
        if (value != null) {
            meta.put(RolloutClient.START_VALUE_KEY, value);
        }
        if (minutes != null) {
            meta.put(RolloutClient.DURATION_KEY, minutes);
        }
        return new Release("39.20240112.3.0", "", List.of(), 7L, null, null, meta);
    }

    static RolloutClient at(long epoch, double wariness) {
        return new RolloutClient(Instant.ofEpochSecond(epoch), wariness);
    }

    @Test
    void progress_growsLinearlyFromStartValueOverTheDuration() {
        Release r = rolling("1000", "0.2", "100");
        assertThat(at(999, 0.5).progress(r)).isZero();
        assertThat(at(1000, 0.5).progress(r)).isCloseTo(0.2, within(1e-9));
        assertThat(at(1000 + 50 * 60, 0.5).progress(r)).isCloseTo(0.6, within(1e-9));
        assertThat(at(1000 + 100 * 60 + 1, 0.5).progress(r)).isEqualTo(1.0);
        assertThat(at(1000 + 50 * 60, 0.5).offered(r)).isTrue();
        assertThat(at(1000 + 50 * 60, 0.7).offered(r)).isFalse();
    }

    @Test
    void progress_withoutDurationStaysAtStartValue() {
        Release r = rolling("1000", "0.3", null);
        assertThat(at(1_000_000, 0.0).progress(r)).isEqualTo(0.3);
    }

    @Test
    void progress_badMetadataFallsBackToDefaults() {
        Release r = rolling("soon", "lots", "forever");
        assertThat(at(5, 0.0).progress(r)).isZero(); // start 0, value 0, no duration
        assertThat(at(5, 0.0).offered(r)).isTrue(); // an eager client sees it
        assertThat(at(5, 0.1).offered(r)).isFalse();
    }

    @Test
    void progress_releaseNotRollingOutIsFullyOffered() {
        Release plain = new Release("a", "", List.of(), 1L, null, null, Map.of(Release.AGE_INDEX_KEY, "1"));
        assertThat(at(0, 1.0).progress(plain)).isEqualTo(1.0);
        assertThat(at(0, 1.0).offered(plain)).isTrue();
    }

    @Test
    void rolloutClient_rejectsWarinessOutsideUnitInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> at(0, 1.5)).withMessageContaining("1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> at(0, Double.NaN));
    }

    @Test
    void plan_cautiousClientWaitsForTheRollout() {
        UpdateGraph g = UpdatePathPlannerTest.FCOS;
        List<Release> releases = g.releases().stream()
                .map(r -> r.version().equals("38.20230514.3.0")
                        ? new Release(
                                r.version(),
                                r.payload(),
                                r.channels(),
                                r.ageIndex(),
                                r.barrierReason(),
                                r.deadEndReason(),
                                withRollout(r.metadata()))
                        : r)
                .toList();
        UpdateGraph rolling = new UpdateGraph(g.kind(), releases, g.edges(), g.conditionalEdges(), g.removedEdges());
        PathRequest request = PathRequest.latest("38.20230414.3.0");
        PathResult.NoPath early = UpdatePathPlannerTest.none(
                UpdatePathPlanner.plan(rolling, request.withRollout(at(1_700_000_000L + 600, 0.9))));
        assertThat(early.blockers()).extracting(Blocker::code).contains(BlockCode.ROLLOUT);
        assertThat(early.blockers())
                .anySatisfy(
                        b -> assertThat(b.message())
                                .isEqualTo(
                                        "38.20230514.3.0 is being rolled out: progress 0.10 is below the client's wariness 0.90"));
        UpdatePath late = UpdatePathPlannerTest.found(
                UpdatePathPlanner.plan(rolling, request.withRollout(at(1_700_000_000L + 6000, 0.9))));
        assertThat(late.to()).isEqualTo("38.20230514.3.0");
        assertThat(UpdatePathPlannerTest.found(
                                UpdatePathPlanner.plan(rolling, request.withRollout(at(1_700_000_000L + 600, 0.05))))
                        .to())
                .isEqualTo("38.20230514.3.0");
    }

    private static Map<String, String> withRollout(Map<String, String> meta) {
        Map<String, String> m = new HashMap<>(meta);
        m.put(RolloutClient.ROLLOUT_KEY, "true");
        m.put(RolloutClient.START_EPOCH_KEY, "1700000000");
        m.put(RolloutClient.START_VALUE_KEY, "0");
        m.put(RolloutClient.DURATION_KEY, "100");
        return m;
    }
}
