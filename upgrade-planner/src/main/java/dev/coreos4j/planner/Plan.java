package dev.coreos4j.planner;

import java.util.List;

/**
 * A whole rollout, simulated assuming every started node succeeds.
 *
 * @param waves   the waves in order
 * @param blocked the nodes still not on target when nothing more can move, with reasons, sorted by node name
 * @param before  pool statuses of the input snapshot
 * @param after   pool statuses at the end of the simulation
 * @param notes   sentences for people about what the plan accepts, e.g. {@code "availability loss accepted: …"}
 *                when the only node of a single-node cluster is disrupted under the opt-in, and one per pool that
 *                does not reach its target: {@code "pool worker stops before reaching rendered-worker-b: w1 Degraded
 *                (…); w3, w4 wait (BudgetExhausted)"} (the nodes that stop it with reason and detail, then those
 *                waiting behind them); empty when every pool finishes
 */
public record Plan(
        List<Wave> waves, List<Blocked> blocked, List<PoolStatus> before, List<PoolStatus> after, List<String> notes) {

    public Plan {
        waves = List.copyOf(waves);
        blocked = List.copyOf(blocked);
        before = List.copyOf(before);
        after = List.copyOf(after);
        notes = List.copyOf(notes);
    }

    /** A copy with {@code notes} replaced. */
    public Plan withNotes(List<String> value) {
        return new Plan(waves, blocked, before, after, value);
    }
}
