package dev.coreos4j.planner;

import java.util.List;

/**
 * The planner's answer for one instant.
 *
 * @param actions what to do now, sorted by node name, at most one per node
 * @param blocked every node that neither moves nor is finished, with its reason, sorted by node name
 */
public record NextStep(List<Action> actions, List<Blocked> blocked) {

    public NextStep {
        actions = List.copyOf(actions);
        blocked = List.copyOf(blocked);
    }
}
