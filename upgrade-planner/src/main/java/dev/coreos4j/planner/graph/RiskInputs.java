package dev.coreos4j.planner.graph;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the caller knows about its cluster's exposure to risks, and which risks it accepts.
 *
 * <p>An outcome is looked up for each PromQL rule first by the exact query text, then by the name of the risk the rule
 * belongs to; a rule with neither is {@link RiskOutcome#UNKNOWN} (could not be evaluated), as on a cluster without
 * monitoring.
 *
 * @param outcomes PromQL outcomes keyed by query text or by risk name; an immutable sorted copy
 * @param accepted names of risks the caller accepts (like {@code oc adm upgrade --allow-not-recommended}): an edge
 *     whose only applying or unevaluable risks are accepted may be used; an immutable sorted copy
 */
public record RiskInputs(Map<String, RiskOutcome> outcomes, Set<String> accepted) {

    /** No outcomes known and no risk accepted: every conditional edge with only PromQL or Always rules is blocked. */
    public static final RiskInputs NONE = new RiskInputs(Map.of(), Set.of());

    public RiskInputs {
        outcomes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(outcomes, "outcomes")));
        accepted = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(accepted, "accepted")));
    }

    /** The outcome for a PromQL rule of {@code risk}: by query text, else by risk name, else unknown. */
    public RiskOutcome outcome(Risk risk, MatchingRule.PromQL rule) {
        RiskOutcome byQuery = outcomes.get(rule.query());
        if (byQuery != null) {
            return byQuery;
        }
        return outcomes.getOrDefault(risk.name(), RiskOutcome.UNKNOWN);
    }

    /** True when the caller accepts the risk named {@code name}. */
    public boolean accepts(String name) {
        return accepted.contains(name);
    }
}
