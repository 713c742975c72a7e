package dev.coreos4j.planner.graph;

/** The result of evaluating one risk's ordered matching rules against a cluster. */
public enum RiskVerdict {
    /** The first rule that could be evaluated matched: the update is not recommended. */
    APPLIES,
    /** The first rule that could be evaluated did not match: the risk does not concern this cluster. */
    DOES_NOT_APPLY,
    /** No rule could be evaluated: the update is not recommended (the service cannot say it is safe). */
    NOT_EVALUABLE
}
