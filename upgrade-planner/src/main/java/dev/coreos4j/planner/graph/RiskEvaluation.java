package dev.coreos4j.planner.graph;

import java.util.Objects;

/**
 * How one risk of an edge was judged.
 *
 * @param risk the risk, never null
 * @param verdict what its rules say, never null
 * @param decidingRule the index of the rule that decided, or -1 when none could be evaluated
 * @param accepted true when the verdict blocks but the caller accepted the risk by name
 */
public record RiskEvaluation(Risk risk, RiskVerdict verdict, int decidingRule, boolean accepted) {

    public RiskEvaluation {
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == RiskVerdict.DOES_NOT_APPLY && accepted) {
            throw new IllegalArgumentException("a risk that does not apply cannot be accepted: " + risk.name());
        }
        if ((verdict == RiskVerdict.NOT_EVALUABLE) != (decidingRule < 0)) {
            throw new IllegalArgumentException("decidingRule " + decidingRule + " contradicts verdict " + verdict);
        }
    }

    /** True when this risk keeps the edge from being used. */
    public boolean blocks() {
        return verdict != RiskVerdict.DOES_NOT_APPLY && !accepted;
    }

    /** One phrase for people, e.g. {@code "risk X does not apply (rule 1, PromQL: no match)"}. */
    public String describe() {
        String rule = decidingRule < 0
                ? "no rule could be evaluated"
                : "rule " + (decidingRule + 1) + ", "
                        + risk.matchingRules().get(decidingRule).type();
        return switch (verdict) {
            case DOES_NOT_APPLY -> "risk " + risk.name() + " does not apply (" + rule + ": no match)";
            case APPLIES ->
                "risk " + risk.name() + (accepted ? " applies and was accepted (" : " applies (") + rule + ": match)";
            default ->
                "risk " + risk.name()
                        + (accepted
                                ? " cannot be evaluated and was accepted ("
                                : " cannot be" + " evaluated, so the update is not recommended (")
                        + rule + ")";
        };
    }
}
