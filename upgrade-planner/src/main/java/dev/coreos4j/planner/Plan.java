package dev.coreos4j.planner;

import java.util.List;

/**
 * A whole rollout, simulated assuming every started node succeeds.
 *
 * @param waves   the waves in order
 * @param blocked the nodes still not on target when nothing more can move, with reasons, sorted by node name
 * @param before  pool statuses of the input snapshot
 * @param after   pool statuses at the end of the simulation
 */
public record Plan(List<Wave> waves, List<Blocked> blocked, List<PoolStatus> before, List<PoolStatus> after) {

    public Plan {
        waves = List.copyOf(waves);
        blocked = List.copyOf(blocked);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
