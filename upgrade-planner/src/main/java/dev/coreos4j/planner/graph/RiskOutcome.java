package dev.coreos4j.planner.graph;

import java.util.Locale;

/** The outcome of one PromQL matching rule, as the caller observed it on its cluster. */
public enum RiskOutcome {
    /** The query matched: the risk applies. */
    MATCH,
    /** The query returned no match: the risk does not apply. */
    NO_MATCH,
    /** The query could not be evaluated (no monitoring, an error, an absent outcome): the rule does not decide. */
    UNKNOWN;

    /**
     * Parses {@code match}, {@code nomatch} (also {@code no-match}, {@code no_match}) or {@code unknown}, ignoring case.
     *
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static RiskOutcome parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "match" -> MATCH;
            case "nomatch", "no-match", "no_match" -> NO_MATCH;
            case "unknown" -> UNKNOWN;
            default ->
                throw new IllegalArgumentException(
                        "a risk outcome must be match, nomatch or unknown, got \"" + text + "\"");
        };
    }

    /** The CLI spelling: {@code match}, {@code nomatch} or {@code unknown}. */
    public String label() {
        return this == NO_MATCH ? "nomatch" : name().toLowerCase(Locale.ROOT);
    }
}
