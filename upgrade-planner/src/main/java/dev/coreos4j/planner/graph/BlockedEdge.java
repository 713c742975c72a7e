package dev.coreos4j.planner.graph;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A blocked-edge declaration as the OpenShift graph data writes them: every update to {@code to} from a version the
 * {@code from} expression finds is either removed (no matching rules) or made conditional on a risk named
 * {@code name} (with matching rules).
 *
 * @param to the exact target version, never null
 * @param from a regular expression searched (unanchored unless it says {@code ^…$}) in the source version, to which
 *     {@code +ARCH} is appended first when an architecture is given; never null
 * @param name the risk name, never null
 * @param message why, never null (may be empty)
 * @param url where it is explained, never null (may be empty)
 * @param matchingRules the risk's rules, an immutable copy; empty means the edges are removed outright
 */
public record BlockedEdge(
        String to, String from, String name, String message, String url, List<MatchingRule> matchingRules) {

    /** @throws IllegalArgumentException when {@code from} is not a valid regular expression */
    public BlockedEdge {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
        matchingRules = List.copyOf(matchingRules);
        try {
            Pattern.compile(from);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "blocked edge " + name + ": from is not a regular expression: " + e.getDescription(), e);
        }
    }

    /** True when this declaration removes its edges rather than making them conditional. */
    public boolean removes() {
        return matchingRules.isEmpty();
    }

    /**
     * True when this declaration covers {@code edge}.
     *
     * @param arch the architecture appended to the source version as {@code +ARCH} before matching, or null
     */
    public boolean covers(Edge edge, @Nullable String arch) {
        String source = arch == null || arch.isEmpty() ? edge.from() : edge.from() + "+" + arch;
        return to.equals(edge.to()) && Pattern.compile(from).matcher(source).find();
    }

    /** The risk this declaration attaches to the edges it covers (only meaningful when it does not remove them). */
    public Risk risk() {
        return new Risk(name, message, url, matchingRules);
    }
}
