package dev.coreos4j.planner;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PodDisruptionBudget: a label selector and either {@code minAvailable} or {@code maxUnavailable}, each an integer
 * or a percentage of the matching pods rounded <em>up</em> (Kubernetes' rule, unlike the pool budget).
 *
 * @param name           the PDB name
 * @param selector       labels a pod must all carry to be covered; an empty selector covers every pod
 * @param minAvailable   {@code "2"} or {@code "50%"}, or {@code null}
 * @param maxUnavailable {@code "1"} or {@code "25%"}, or {@code null}; exactly one of the two is set
 */
public record Pdb(
        String name,
        Map<String, String> selector,
        @Nullable MaxUnavailable minAvailable,
        @Nullable MaxUnavailable maxUnavailable) {

    public Pdb {
        Objects.requireNonNull(name, "name");
        selector = Map.copyOf(Objects.requireNonNull(selector, "selector"));
        if ((minAvailable == null) == (maxUnavailable == null)) {
            throw new IllegalArgumentException("PDB " + name + " must set exactly one of minAvailable, maxUnavailable");
        }
    }

    /** Whether this PDB covers {@code pod}. */
    public boolean covers(Pod pod) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(pod.labels().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** How many of {@code pods} this PDB covers. */
    public int count(Collection<Pod> pods) {
        int n = 0;
        for (Pod p : pods) {
            if (covers(p)) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many of {@code expected} covered pods may be unavailable at once (may be 0; never negative).
     */
    public int allowedUnavailable(int expected) {
        if (maxUnavailable != null) {
            return scaleUp(maxUnavailable, expected);
        }
        return Math.max(0, expected - scaleUp(Objects.requireNonNull(minAvailable), expected));
    }

    private static int scaleUp(MaxUnavailable value, int total) {
        if (value instanceof MaxUnavailable.Percent percent) {
            int pct = percent.value();
            return (int) (((long) pct * total + 99) / 100);
        }
        return ((MaxUnavailable.Count) value).value();
    }
}
