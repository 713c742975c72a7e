package dev.coreos4j.planner.graph;

/** What the worker (non-control-plane) pools do during a hop. */
public enum WorkerPools {
    /** They update with the control plane: every node reboots into the hop's target. */
    FOLLOW,
    /** They stay paused: only the control plane updates (EUS-to-EUS, over the odd minor). */
    PAUSED,
    /** The control plane updates, then the workers are unpaused and reboot once, straight to this hop's target. */
    UNPAUSED
}
