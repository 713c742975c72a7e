package dev.coreos4j.planner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskEvaluatorTest {

    private static final MatchingRule AZURE =
            new MatchingRule.PromQL("group(cluster_infrastructure_provider{type=\"Azure\"})");
    private static final MatchingRule OVN = new MatchingRule.PromQL("group(cluster_network{type=\"OVNKubernetes\"})");

    static Risk risk(MatchingRule... rules) {
        return new Risk("R", "", "", List.of(rules));
    }

    @Test
    void evaluate_alwaysApplies() {
        RiskEvaluation e = RiskEvaluator.evaluate(risk(new MatchingRule.Always()), RiskInputs.NONE);
        assertThat(e.verdict()).isEqualTo(RiskVerdict.APPLIES);
        assertThat(e.decidingRule()).isZero();
        assertThat(e.blocks()).isTrue();
    }

    @Test
    void evaluate_firstEvaluableRuleDecides() {
        RiskInputs inputs = new RiskInputs(
                Map.of(
                        AZURE.toString(),
                        RiskOutcome.MATCH,
                        ((MatchingRule.PromQL) AZURE).query(),
                        RiskOutcome.NO_MATCH),
                Set.of());
        RiskEvaluation e = RiskEvaluator.evaluate(
                risk(new MatchingRule.Unrecognized("Future"), AZURE, new MatchingRule.Always()), inputs);
        assertThat(e.verdict()).isEqualTo(RiskVerdict.DOES_NOT_APPLY);
        assertThat(e.decidingRule()).isEqualTo(1);
        assertThat(e.blocks()).isFalse();
    }

    @Test
    void evaluate_unknownOutcomeFallsThroughToAlways() {
        RiskEvaluation e = RiskEvaluator.evaluate(risk(AZURE, new MatchingRule.Always()), RiskInputs.NONE);
        assertThat(e.verdict()).isEqualTo(RiskVerdict.APPLIES);
        assertThat(e.decidingRule()).isEqualTo(1);
    }

    @Test
    void evaluate_nothingEvaluableIsNotRecommended() {
        RiskEvaluation e =
                RiskEvaluator.evaluate(risk(AZURE, new MatchingRule.Unrecognized("Future")), RiskInputs.NONE);
        assertThat(e.verdict()).isEqualTo(RiskVerdict.NOT_EVALUABLE);
        assertThat(e.decidingRule()).isEqualTo(-1);
        assertThat(e.blocks()).isTrue();
        assertThat(RiskEvaluator.evaluate(risk(), RiskInputs.NONE).verdict()).isEqualTo(RiskVerdict.NOT_EVALUABLE);
    }

    @Test
    void evaluate_queryOutcomeWinsOverRiskNameOutcome() {
        RiskInputs inputs = new RiskInputs(
                Map.of("R", RiskOutcome.MATCH, ((MatchingRule.PromQL) OVN).query(), RiskOutcome.NO_MATCH), Set.of());
        assertThat(RiskEvaluator.evaluate(risk(OVN), inputs).verdict()).isEqualTo(RiskVerdict.DOES_NOT_APPLY);
        assertThat(RiskEvaluator.evaluate(risk(AZURE), inputs).verdict()).isEqualTo(RiskVerdict.APPLIES);
    }

    @Test
    void evaluate_acceptedRiskNoLongerBlocks() {
        RiskInputs accepted = new RiskInputs(Map.of(), Set.of("R"));
        RiskEvaluation applies = RiskEvaluator.evaluate(risk(new MatchingRule.Always()), accepted);
        assertThat(applies.accepted()).isTrue();
        assertThat(applies.blocks()).isFalse();
        assertThat(applies.describe()).isEqualTo("risk R applies and was accepted (rule 1, Always: match)");
        RiskEvaluation unknown = RiskEvaluator.evaluate(risk(AZURE), accepted);
        assertThat(unknown.blocks()).isFalse();
        assertThat(unknown.describe())
                .isEqualTo("risk R cannot be evaluated and was accepted (no rule could be" + " evaluated)");
    }

    @Test
    void riskOutcome_parsesCliSpellings() {
        assertThat(RiskOutcome.parse("match")).isEqualTo(RiskOutcome.MATCH);
        assertThat(RiskOutcome.parse("NoMatch")).isEqualTo(RiskOutcome.NO_MATCH);
        assertThat(RiskOutcome.parse("no-match")).isEqualTo(RiskOutcome.NO_MATCH);
        assertThat(RiskOutcome.parse("unknown")).isEqualTo(RiskOutcome.UNKNOWN);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RiskOutcome.parse("maybe"))
                .withMessageContaining("\"maybe\"");
        assertThat(RiskOutcome.NO_MATCH.label()).isEqualTo("nomatch");
    }

    @Test
    void matchingRule_everyPermittedTypeIsDispatched() {
        for (Class<?> type : MatchingRule.class.getPermittedSubclasses()) {
            MatchingRule rule = type == MatchingRule.Always.class
                    ? new MatchingRule.Always()
                    : type == MatchingRule.PromQL.class
                            ? new MatchingRule.PromQL("up")
                            : new MatchingRule.Unrecognized("X");
            assertThat(rule).isInstanceOf(type);
            assertThat(RiskEvaluator.outcome(risk(rule), rule, RiskInputs.NONE)).isNotNull();
        }
        assertThat(MatchingRule.class.getPermittedSubclasses()).hasSize(3);
    }
}
