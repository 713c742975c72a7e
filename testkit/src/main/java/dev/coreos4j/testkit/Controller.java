package dev.coreos4j.testkit;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * An upgrade controller under test: anything that looks at a fleet {@link Snapshot} and says which planner
 * {@link Action}s to take now. Our {@link Planner} is one ({@link #planner()}); a kured-like or home-grown controller
 * is another. The {@link FleetSimulator} drives a controller step by step; {@link RolloutInvariants} judges it.
 *
 * <p>The contract the invariants check: at most one action per node per call, actions follow the per-node order of
 * {@link Action} ({@code SetDesired → Cordon → Drain → Apply → Reboot → Uncordon}), and a cordon the controller places
 * (an {@link Action.Cordon}) is recorded with the owner {@link Planner#CORDON_OWNER}, which is how the checks tell the
 * controller's cordons from an administrator's. Implementations should be pure functions of the snapshot (the
 * {@code deterministic} invariant checks it) and must not return {@code null}.
 */
@FunctionalInterface
public interface Controller {

    /** The actions to take at {@code snapshot.now()}; never {@code null}, possibly empty. */
    List<Action> next(Snapshot snapshot);

    /**
     * The actions and, for a controller that {@link #explains()}, a reason for every node that neither moves nor is
     * finished. The default wraps {@link #next} with no reasons.
     */
    default NextStep decide(Snapshot snapshot) {
        return new NextStep(Objects.requireNonNull(next(snapshot), "a controller returned null actions"), List.of());
    }

    /**
     * Whether {@link #decide} names a {@link Blocked} reason for every node that does not move and is not finished; if
     * so the {@code progress-or-reason} invariant applies to it. Default {@code false}.
     */
    default boolean explains() {
        return false;
    }

    /** The coreos4j {@link Planner} as a controller: {@link Planner#next}, which explains every blocked node. */
    static Controller planner() {
        return new Controller() {
            @Override
            public List<Action> next(Snapshot snapshot) {
                return Planner.next(snapshot).actions();
            }

            @Override
            public NextStep decide(Snapshot snapshot) {
                return Planner.next(snapshot);
            }

            @Override
            public boolean explains() {
                return true;
            }

            @Override
            public String toString() {
                return "Planner";
            }
        };
    }
}
