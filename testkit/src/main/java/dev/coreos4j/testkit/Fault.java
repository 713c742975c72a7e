package dev.coreos4j.testkit;

import dev.coreos4j.planner.Target;
import java.time.Duration;
import java.util.Objects;

/**
 * Something the world does to a fleet between controller steps, injected with {@link FleetSimulator#inject(Fault)}.
 * Faults that name a node or pool the fleet does not have are rejected with an {@link IllegalArgumentException}.
 * {@link #describe()} is the single dispatch point over the family.
 */
public sealed interface Fault {

    /** A one-line description, such as {@code admin cordons n03}. */
    String describe();

    /**
     * Every drain of {@code node} fails (a PodDisruptionBudget or a stuck pod) until {@link UnblockDrain}.
     *
     * @param node the node's name
     */
    record BlockDrain(String node) implements Fault {
        public BlockDrain {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "drain blocked on " + node;
        }
    }

    /**
     * Drains of {@code node} succeed again.
     *
     * @param node the node's name
     */
    record UnblockDrain(String node) implements Fault {
        public UnblockDrain {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "drain unblocked on " + node;
        }
    }

    /**
     * The next {@code Apply} on {@code node} fails: the node agent goes Degraded and nothing is staged.
     *
     * @param node the node's name
     */
    record FailApply(String node) implements Fault {
        public FailApply {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "next apply fails on " + node;
        }
    }

    /**
     * A Degraded or Unreconcilable node agent recovers (state Done, still on its way to its desired config).
     *
     * @param node the node's name
     */
    record Recover(String node) implements Fault {
        public Recover {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "agent recovers on " + node;
        }
    }

    /**
     * {@code node} becomes NotReady ({@code ready = false}) or Ready again.
     *
     * @param node the node's name
     * @param ready {@code true}: Ready again; {@code false}: NotReady
     */
    record Readiness(String node, boolean ready) implements Fault {
        public Readiness {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return node + (ready ? " becomes Ready" : " goes NotReady");
        }
    }

    /**
     * An administrator cordons {@code node} (owner {@code admin}); no change if it is already cordoned.
     *
     * @param node the node's name
     */
    record AdminCordon(String node) implements Fault {
        public AdminCordon {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "admin cordons " + node;
        }
    }

    /**
     * An administrator uncordons {@code node}, whoever cordoned it.
     *
     * @param node the node's name
     */
    record AdminUncordon(String node) implements Fault {
        public AdminUncordon {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String describe() {
            return "admin uncordons " + node;
        }
    }

    /**
     * The pool's target changes mid-rollout (the old target becomes its {@code previous}).
     *
     * @param pool the pool's name
     * @param target the new target
     */
    record ChangeTarget(String pool, Target target) implements Fault {
        public ChangeTarget {
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String describe() {
            return "pool " + pool + " retargeted to " + target.config();
        }
    }

    /**
     * The pool is paused or unpaused.
     *
     * @param pool the pool's name
     * @param paused {@code true} to pause, {@code false} to unpause
     */
    record Pause(String pool, boolean paused) implements Fault {
        public Pause {
            Objects.requireNonNull(pool, "pool");
        }

        @Override
        public String describe() {
            return "pool " + pool + (paused ? " paused" : " unpaused");
        }
    }

    /**
     * The clock moves forward by {@code by} (positive).
     *
     * @param by how far, positive
     */
    record AdvanceClock(Duration by) implements Fault {
        public AdvanceClock {
            Objects.requireNonNull(by, "by");
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("the clock only advances, got " + by);
            }
        }

        @Override
        public String describe() {
            return "clock +" + by;
        }
    }
}
