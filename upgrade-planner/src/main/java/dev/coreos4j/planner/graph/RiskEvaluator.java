package dev.coreos4j.planner.graph;

import java.util.List;

/**
 * Evaluates risks with the update service's ordered-rule semantics: rules are tried in order; a rule that cannot be
 * evaluated (an unrecognised type, a PromQL query whose outcome is unknown) is skipped; the first rule that evaluates
 * decides (a match means the risk applies, no match means it does not); when no rule evaluates the update is not
 * recommended. {@code Always} always matches. Pure and thread-safe.
 */
public final class RiskEvaluator {

    private RiskEvaluator() {}

    /** Judges {@code risk} under {@code inputs}; never throws for any risk. */
    public static RiskEvaluation evaluate(Risk risk, RiskInputs inputs) {
        List<MatchingRule> rules = risk.matchingRules();
        for (int i = 0; i < rules.size(); i++) {
            RiskOutcome outcome = outcome(risk, rules.get(i), inputs);
            if (outcome == RiskOutcome.MATCH) {
                return new RiskEvaluation(risk, RiskVerdict.APPLIES, i, inputs.accepts(risk.name()));
            }
            if (outcome == RiskOutcome.NO_MATCH) {
                return new RiskEvaluation(risk, RiskVerdict.DOES_NOT_APPLY, i, false);
            }
        }
        return new RiskEvaluation(risk, RiskVerdict.NOT_EVALUABLE, -1, inputs.accepts(risk.name()));
    }

    /** The one dispatch site over {@link MatchingRule}. */
    static RiskOutcome outcome(Risk risk, MatchingRule rule, RiskInputs inputs) {
        if (rule instanceof MatchingRule.Always) {
            return RiskOutcome.MATCH;
        }
        if (rule instanceof MatchingRule.PromQL promQL) {
            return inputs.outcome(risk, promQL);
        }
        if (rule instanceof MatchingRule.Unrecognized) {
            return RiskOutcome.UNKNOWN;
        }
        throw new IllegalStateException(
                "unhandled matching rule " + rule.getClass().getName());
    }
}
