package dev.coreos4j.planner.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions} with {@code In}, {@code NotIn},
 * {@code Exists}, {@code DoesNotExist}), matched as apimachinery's {@code LabelSelectorAsSelector} does. As in the
 * MCO's {@code ListPools}, a pool whose selector is absent or empty matches no node ({@link #matchesNothing()}).
 *
 * @param matchLabels      labels a node must carry with these values (copied)
 * @param matchExpressions requirements a node must all meet (copied)
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    /** The selector that is absent or empty. */
    public static final LabelSelector NONE = new LabelSelector(Map.of(), List.of());

    /** Copies the components. */
    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    /**
     * One {@code matchExpressions} entry.
     *
     * @param key      the label key
     * @param operator the operator
     * @param values   the values ({@code In}/{@code NotIn}: at least one; {@code Exists}/{@code DoesNotExist}: none)
     */
    public record Requirement(String key, Operator operator, Set<String> values) {

        /**
         * Checks the values fit the operator.
         *
         * @throws IllegalArgumentException when {@code In}/{@code NotIn} has no value, or {@code Exists}/
         *                                  {@code DoesNotExist} has some
         */
        public Requirement {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            values = Set.copyOf(values);
            boolean set = operator == Operator.IN || operator == Operator.NOT_IN;
            if (set && values.isEmpty()) {
                throw new IllegalArgumentException("values must be specified when operator is " + operator);
            }
            if (!set && !values.isEmpty()) {
                throw new IllegalArgumentException("values must be empty when operator is " + operator);
            }
        }

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (operator) {
                case IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                default -> v == null;
            };
        }
    }

    /** The {@code matchExpressions} operators. */
    public enum Operator {
        /** The label is present with one of the values. */
        IN("In"),
        /** The label is absent or has none of the values. */
        NOT_IN("NotIn"),
        /** The label is present. */
        EXISTS("Exists"),
        /** The label is absent. */
        DOES_NOT_EXIST("DoesNotExist");

        private final String wireName;

        Operator(String wireName) {
            this.wireName = wireName;
        }

        /** The Kubernetes spelling, e.g. {@code NotIn}. */
        public String wireName() {
            return wireName;
        }

        /**
         * Parses a Kubernetes operator.
         *
         * @throws IllegalArgumentException naming the text when it is no operator's {@link #wireName()}
         */
        public static Operator parse(String text) {
            for (Operator o : values()) {
                if (o.wireName.equals(text)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown operator \"" + text + "\"");
        }

        /** The {@link #wireName()}, as messages always printed it. */
        @Override
        public String toString() {
            return wireName;
        }
    }

    /** Whether this selector is empty, so that the MCO lets it match no node at all. */
    public boolean matchesNothing() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /** Whether a node with {@code labels} is selected (never, for an empty selector). */
    public boolean matches(Map<String, String> labels) {
        if (matchesNothing()) {
            return false;
        }
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }
}
