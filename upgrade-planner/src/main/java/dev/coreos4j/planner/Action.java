package dev.coreos4j.planner;

import java.util.List;
import java.util.Objects;

/**
 * One thing to do to one node now. A node appears in at most one action per {@link NextStep}. The per-node order is
 * {@code SetDesired → [AcquireLock] → [Cordon → Drain] → Apply → [Reboot] → [Uncordon] → [ReleaseLock]}.
 * {@link #step()} is the single dispatch point over the family.
 */
public sealed interface Action {

    /** The node acted on. */
    String node();

    /** The step name as printed: {@code SetDesired}, {@code Cordon}, …. */
    String step();

    /** Point the node at {@code target} (this is how a node starts, is retargeted, or is reverted on abort). */
    record SetDesired(String node, Target target) implements Action {
        public SetDesired {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String step() {
            return "SetDesired";
        }
    }

    /** Take a slot of the FleetLock group before disrupting the node. */
    record AcquireLock(String node, String group) implements Action {
        @Override
        public String step() {
            return "AcquireLock";
        }
    }

    /** Mark the node unschedulable, owned by the planner. */
    record Cordon(String node) implements Action {
        @Override
        public String step() {
            return "Cordon";
        }
    }

    /** Evict the node's pods (respecting PDBs). */
    record Drain(String node) implements Action {
        @Override
        public String step() {
            return "Drain";
        }
    }

    /**
     * Write files, units and OS changes and run {@code postActions}; when {@code finalizes} the node is then on its
     * desired config, otherwise the update is staged for a reboot.
     */
    record Apply(String node, List<DisruptionAction> postActions, boolean finalizes) implements Action {
        public Apply {
            postActions = List.copyOf(postActions);
        }

        @Override
        public String step() {
            return "Apply";
        }
    }

    /** Reboot into the staged update. */
    record Reboot(String node) implements Action {
        @Override
        public String step() {
            return "Reboot";
        }
    }

    /** Make the node schedulable again (only ever for a planner-owned cordon). */
    record Uncordon(String node) implements Action {
        @Override
        public String step() {
            return "Uncordon";
        }
    }

    /**
     * The node agent, busy ({@link NodeState#isBusy() Working or Rebooting}) on the node's desired config, finishes
     * it. Not something to do: only {@link Planner#plan} uses it, for the in-flight nodes it assumes complete in the
     * next wave; {@link Planner#next} never returns it (it reports {@link Reason#IN_PROGRESS} instead).
     */
    record AgentFinishes(String node) implements Action {
        @Override
        public String step() {
            return "AgentFinishes";
        }
    }

    /** Give back the node's slot of the FleetLock group once it is steady. */
    record ReleaseLock(String node, String group) implements Action {
        @Override
        public String step() {
            return "ReleaseLock";
        }
    }
}
