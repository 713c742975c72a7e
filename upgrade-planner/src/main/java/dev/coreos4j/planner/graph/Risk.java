package dev.coreos4j.planner.graph;

import java.util.List;
import java.util.Objects;

/**
 * A named risk on conditional edges: the reason an update is not recommended for clusters its rules match.
 *
 * @param name a short CamelCase identifier, never null; callers accept risks by this name
 * @param message what goes wrong, for people; never null (may be empty)
 * @param url where the risk is explained; never null (may be empty)
 * @param matchingRules the rules in evaluation order, an immutable copy; never null, may be empty
 */
public record Risk(String name, String message, String url, List<MatchingRule> matchingRules) {

    public Risk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
        matchingRules = List.copyOf(matchingRules);
    }
}
