package dev.coreos4j.planner;

import java.util.Objects;

/**
 * One node disruption policy action (MachineConfiguration {@code nodeDisruptionPolicy}).
 *
 * @param type the action
 * @param unit the systemd unit for {@code Reload}/{@code Restart} (e.g. {@code crio.service}), otherwise {@code null}
 */
public record DisruptionAction(Type type, String unit) {

    /** The action types, in MCO's spelling. {@code Special} is MCO's internal registries.conf action. */
    public enum Type {
        /** Reboot the node. */
        Reboot,
        /** Drain the node. */
        Drain,
        /** Reload a unit ({@code systemctl reload}). */
        Reload,
        /** Restart a unit ({@code systemctl restart}). */
        Restart,
        /** {@code systemctl daemon-reload}. */
        DaemonReload,
        /** Nothing to do. */
        None,
        /** MCO's internal registries.conf action. */
        Special
    }

    /** Reboot the node. */
    public static final DisruptionAction REBOOT = new DisruptionAction(Type.Reboot, null);
    /** Nothing to do. */
    public static final DisruptionAction NONE = new DisruptionAction(Type.None, null);
    /** Drain the node. */
    public static final DisruptionAction DRAIN = new DisruptionAction(Type.Drain, null);
    /** {@code systemctl daemon-reload}. */
    public static final DisruptionAction DAEMON_RELOAD = new DisruptionAction(Type.DaemonReload, null);
    /** MCO's internal registries.conf action. */
    public static final DisruptionAction SPECIAL = new DisruptionAction(Type.Special, null);

    public DisruptionAction {
        Objects.requireNonNull(type, "type");
        boolean needsUnit = type == Type.Reload || type == Type.Restart;
        if (needsUnit && (unit == null || unit.isBlank())) {
            throw new IllegalArgumentException(type + " needs a unit name");
        }
        if (!needsUnit && unit != null) {
            throw new IllegalArgumentException(type + " takes no unit, got \"" + unit + "\"");
        }
    }

    /** {@code systemctl reload UNIT}. */
    public static DisruptionAction reload(String unit) {
        return new DisruptionAction(Type.Reload, unit);
    }

    /** {@code systemctl restart UNIT}. */
    public static DisruptionAction restart(String unit) {
        return new DisruptionAction(Type.Restart, unit);
    }

    @Override
    public String toString() {
        return unit == null ? type.name() : type + " " + unit;
    }
}
