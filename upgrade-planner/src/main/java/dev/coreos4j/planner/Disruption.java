package dev.coreos4j.planner;

import java.util.List;

/**
 * The collapsed disruption for one change: {@code [Reboot]}, {@code [None]}, or an ordered list of service actions
 * possibly with {@code Drain}/{@code Special}.
 *
 * @param actions the actions in the order the node agent runs them (never empty)
 */
public record Disruption(List<DisruptionAction> actions) {

    /** No action: the change applies live. */
    public static final Disruption NONE = new Disruption(List.of(DisruptionAction.NONE));
    /** A reboot (MCO's default for any change not covered by a policy). */
    public static final Disruption REBOOT = new Disruption(List.of(DisruptionAction.REBOOT));

    public Disruption {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a disruption has at least one action");
        }
    }

    /** Whether the change needs a reboot (which always implies a drain). */
    public boolean needsReboot() {
        return actions.contains(DisruptionAction.REBOOT);
    }

    /**
     * Whether the node must be cordoned and drained first: Reboot, Drain, or Special (registries.conf changes are
     * treated as unsafe, because the planner sees only hashes, not the mirror settings MCO inspects).
     */
    public boolean needsDrain() {
        for (DisruptionAction a : actions) {
            if (a.type() == DisruptionAction.Type.REBOOT
                    || a.type() == DisruptionAction.Type.DRAIN
                    || a.type() == DisruptionAction.Type.SPECIAL) {
                return true;
            }
        }
        return false;
    }

    /** 0 = None, 1 = service actions only, 2 = drain, 3 = reboot: adding a change never lowers it. */
    public int level() {
        if (needsReboot()) {
            return 3;
        }
        if (needsDrain()) {
            return 2;
        }
        return actions.equals(NONE.actions) ? 0 : 1;
    }
}
