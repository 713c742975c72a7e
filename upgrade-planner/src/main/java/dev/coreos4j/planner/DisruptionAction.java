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
    public enum Type { Reboot, Drain, Reload, Restart, DaemonReload, None, Special }

    public static final DisruptionAction REBOOT = new DisruptionAction(Type.Reboot, null);
    public static final DisruptionAction NONE = new DisruptionAction(Type.None, null);
    public static final DisruptionAction DRAIN = new DisruptionAction(Type.Drain, null);
    public static final DisruptionAction DAEMON_RELOAD = new DisruptionAction(Type.DaemonReload, null);
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

    public static DisruptionAction reload(String unit) {
        return new DisruptionAction(Type.Reload, unit);
    }

    public static DisruptionAction restart(String unit) {
        return new DisruptionAction(Type.Restart, unit);
    }

    @Override
    public String toString() {
        return unit == null ? type.name() : type + " " + unit;
    }
}
