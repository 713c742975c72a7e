package dev.coreos4j.planner;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The situations of a {@link Fleet}'s nodes, interned: equal situations get equal ids, so that a simulated run of one
 * node can stand for the runs of every node in the same situation. Single use, not thread-safe.
 */
final class Situations {
    private final Map<Situation, Integer> ids = new HashMap<>();

    /**
     * Everything a simulated step reads of a node besides its identity (name, pool, zone, age, pods): configs and
     * images, readiness, cordon, agent state and reason, drain and staging.
     */
    record Situation(
            String currentConfig,
            @Nullable String currentImage,
            String desiredConfig,
            @Nullable String desiredImage,
            boolean ready,
            boolean unschedulable,
            @Nullable String cordonedBy,
            NodeState state,
            @Nullable String reason,
            boolean drained,
            boolean staged) {

        static Situation of(Node n) {
            return new Situation(
                    n.currentConfig(),
                    n.currentImage(),
                    n.desiredConfig(),
                    n.desiredImage(),
                    n.ready(),
                    n.unschedulable(),
                    n.cordonedBy(),
                    n.state(),
                    n.reason(),
                    n.drained(),
                    n.staged());
        }

        boolean matches(Node n) {
            return ready == n.ready()
                    && unschedulable == n.unschedulable()
                    && state == n.state()
                    && drained == n.drained()
                    && staged == n.staged()
                    && currentConfig.equals(n.currentConfig())
                    && desiredConfig.equals(n.desiredConfig())
                    && Objects.equals(currentImage, n.currentImage())
                    && Objects.equals(desiredImage, n.desiredImage())
                    && Objects.equals(cordonedBy, n.cordonedBy())
                    && Objects.equals(reason, n.reason());
        }
    }

    /**
     * The id of the situation of {@code n}, a state of a node of pool {@code g} (or of no pool: {@code null}); the last
     * situation met in its pool is tried first (a pool's nodes are mostly alike).
     */
    int intern(@Nullable PoolGroup g, Node n) {
        if (g != null && g.lastSituation != null && g.lastSituation.matches(n)) {
            return g.lastSituationId;
        }
        Situation s = Situation.of(n);
        Integer id = ids.get(s);
        if (id == null) {
            id = ids.size();
            ids.put(s, id);
        }
        if (g != null) {
            g.lastSituation = s;
            g.lastSituationId = id;
        }
        return id;
    }
}
