package dev.coreos4j.planner;

/** The node agent's {@code machineconfiguration.openshift.io/state} annotation. */
public enum NodeState {
    /** The agent is idle: either settled on its current config or not yet started on a new desired one. */
    DONE("Done"),
    /** The agent is applying an update; the planner waits for it. */
    WORKING("Working"),
    /** The agent is rebooting the node into an update (MCO's {@code Rebooting}); the planner waits as for Working. */
    REBOOTING("Rebooting"),
    /** The update failed for an environmental reason; the agent retries. */
    DEGRADED("Degraded"),
    /** The target cannot be applied to this node at all. */
    UNRECONCILABLE("Unreconcilable");

    private final String wireName;

    NodeState(String wireName) {
        this.wireName = wireName;
    }

    /** Whether the agent is busy with the node's desired config (Working or Rebooting). */
    public boolean isBusy() {
        return this == WORKING || this == REBOOTING;
    }

    /** The annotation value, e.g. {@code Done}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses an annotation value.
     *
     * @throws IllegalArgumentException naming the value when it is none of Done, Working, Rebooting, Degraded,
     *                                  Unreconcilable
     */
    public static NodeState parse(String text) {
        for (NodeState s : values()) {
            if (s.wireName.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "state must be one of Done, Working, Rebooting, Degraded, Unreconcilable, got \"" + text + "\"");
    }
}
