package dev.coreos4j.planner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node disruption policy action (MachineConfiguration {@code nodeDisruptionPolicy}).
 *
 * @param type the action
 * @param unit the systemd unit for {@code Reload}/{@code Restart} (e.g. {@code crio.service}), otherwise {@code null}
 */
public record DisruptionAction(Type type, @Nullable String unit) {

    /** The action types, in MCO's spelling. {@code Special} is MCO's internal registries.conf action. */
    public enum Type {
        /** Reboot the node. */
        REBOOT("Reboot"),
        /** Drain the node. */
        DRAIN("Drain"),
        /** Reload a unit ({@code systemctl reload}). */
        RELOAD("Reload"),
        /** Restart a unit ({@code systemctl restart}). */
        RESTART("Restart"),
        /** {@code systemctl daemon-reload}. */
        DAEMON_RELOAD("DaemonReload"),
        /** Nothing to do. */
        NONE("None"),
        /** MCO's internal registries.conf action. */
        SPECIAL("Special");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name MCO's node disruption policy and our JSON use, e.g. {@code DaemonReload}. */
        public String wireName() {
            return wireName;
        }

        /**
         * Parses a policy action type.
         *
         * @throws IllegalArgumentException naming the text when it is no type's {@link #wireName()}
         */
        public static Type parse(String text) {
            for (Type t : values()) {
                if (t.wireName.equals(text)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown disruption action type \"" + text + "\"");
        }

        /** The {@link #wireName()}, as text output always printed it. */
        @Override
        public String toString() {
            return wireName;
        }
    }

    /** Reboot the node. */
    public static final DisruptionAction REBOOT = new DisruptionAction(Type.REBOOT, null);
    /** Nothing to do. */
    public static final DisruptionAction NONE = new DisruptionAction(Type.NONE, null);
    /** Drain the node. */
    public static final DisruptionAction DRAIN = new DisruptionAction(Type.DRAIN, null);
    /** {@code systemctl daemon-reload}. */
    public static final DisruptionAction DAEMON_RELOAD = new DisruptionAction(Type.DAEMON_RELOAD, null);
    /** MCO's internal registries.conf action. */
    public static final DisruptionAction SPECIAL = new DisruptionAction(Type.SPECIAL, null);

    public DisruptionAction {
        Objects.requireNonNull(type, "type");
        boolean needsUnit = type == Type.RELOAD || type == Type.RESTART;
        if (needsUnit && (unit == null || unit.isBlank())) {
            throw new IllegalArgumentException(type + " needs a unit name");
        }
        if (!needsUnit && unit != null) {
            throw new IllegalArgumentException(type + " takes no unit, got \"" + unit + "\"");
        }
    }

    /** {@code systemctl reload UNIT}. */
    public static DisruptionAction reload(String unit) {
        return new DisruptionAction(Type.RELOAD, unit);
    }

    /** {@code systemctl restart UNIT}. */
    public static DisruptionAction restart(String unit) {
        return new DisruptionAction(Type.RESTART, unit);
    }

    @Override
    public String toString() {
        return unit == null ? type.wireName() : type + " " + unit;
    }
}
