package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.graph.GraphKind;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.Release;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The update-graph generators build valid graphs and reach conditional edges, removed edges, barriers. */
class UpdateGraphArbitrariesProperties {

    @Provide
    Arbitrary<UpdateGraphArbitraries.Scenario> scenarios() {
        return UpdateGraphArbitraries.scenarios();
    }

    @Property(tries = 300)
    void scenarios_areGraphsThePlannerAccepts(@ForAll("scenarios") UpdateGraphArbitraries.Scenario s) {
        assertThat(s.graph().releases()).isNotEmpty();
        PathResult r = UpdatePathPlanner.plan(s.graph(), s.request());
        assertThat(r).isNotNull();
        Statistics.label("kind").collect(s.graph().kind());
        if (s.graph().kind() == GraphKind.CINCINNATI) {
            Statistics.label("cincinnati")
                    .collect(s.graph().conditionalEdges().isEmpty() ? "no conditional edges" : "conditional edges");
            Statistics.label("removed").collect(!s.graph().removedEdges().isEmpty());
        } else {
            Statistics.label("fcos")
                    .collect(s.graph().releases().stream().anyMatch(Release::isBarrier) ? "barrier" : "no barrier");
        }
        Statistics.label("result").collect(r instanceof PathResult.Found ? "found" : "no path");
        Statistics.label("cincinnati")
                .coverage(c -> c.check("conditional edges").percentage(p -> p > 50));
        Statistics.label("kind").coverage(c -> c.check(GraphKind.FEDORA_COREOS).percentage(p -> p > 10));
        Statistics.label("result").coverage(c -> {
            c.check("found").percentage(p -> p > 10);
            c.check("no path").percentage(p -> p > 1);
        });
    }
}
