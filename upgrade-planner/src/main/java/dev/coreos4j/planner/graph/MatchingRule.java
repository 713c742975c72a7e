package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * One entry of a risk's ordered {@code matchingRules}, as the update service serves it ({@code {"type":"Always"}} or
 * {@code {"type":"PromQL","promql":{"promql":"…"}}}). A type this library does not know is kept as
 * {@link Unrecognized}: like the cluster-version operator, evaluation skips it instead of failing.
 */
public sealed interface MatchingRule {

    /** The rule's {@code type} as written in the graph. */
    String type();

    /** Matches every cluster: the risk applies unconditionally. */
    record Always() implements MatchingRule {
        @Override
        public String type() {
            return "Always";
        }
    }

    /**
     * A Prometheus query; the risk applies when the query returns a match. This library never runs queries: the
     * caller supplies each query's outcome in {@link RiskInputs}.
     *
     * @param query the PromQL expression, never null
     */
    record PromQL(String query) implements MatchingRule {
        public PromQL {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String type() {
            return "PromQL";
        }
    }

    /**
     * A rule of a type this library does not evaluate; it never decides.
     *
     * @param type the type as written, never null
     */
    record Unrecognized(String type) implements MatchingRule {
        public Unrecognized {
            Objects.requireNonNull(type, "type");
        }
    }
}
