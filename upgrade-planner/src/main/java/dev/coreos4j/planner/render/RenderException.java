package dev.coreos4j.planner.render;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pool's MachineConfigs cannot be rendered (MCO's {@code RenderDegraded}). Carries what and where: a stable
 * {@link Code}, the offending MachineConfig's name (or {@code null} when the problem is not one MC's) and, for
 * Ignition problems, the Ignition JSON path inside that MC's config.
 */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why rendering failed. */
    public enum Code {
        /** The pool selects no MachineConfigs. */
        NO_MACHINE_CONFIGS,
        /** Two MachineConfigs share a name. */
        DUPLICATE_NAME,
        /** A MachineConfig's Ignition config is invalid. */
        INVALID_IGNITION,
        /** The {@code kernel-devel} extension was requested together with a non-default kernel type. */
        KERNEL_DEVEL_WITH_NON_DEFAULT_KERNEL,
        /** A MachineConfig overrides {@code osImageURL} while the pool names an OS image stream. */
        OS_IMAGE_OVERRIDE_WITH_STREAM
    }

    private final Code code;
    private final @Nullable String machineConfig;
    private final @Nullable String path;

    /**
     * @param code          why; never null
     * @param machineConfig the offending MachineConfig's name, or {@code null}
     * @param path          the Ignition JSON path inside it ({@code $.storage.files.0.path}), or {@code null}
     * @param message       one line, for people; never null
     */
    public RenderException(Code code, @Nullable String machineConfig, @Nullable String path, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.machineConfig = machineConfig;
        this.path = path;
    }

    /** Why rendering failed. */
    public Code code() {
        return code;
    }

    /** The offending MachineConfig's name, or {@code null}. */
    public @Nullable String machineConfig() {
        return machineConfig;
    }

    /** The Ignition JSON path inside the offending config, or {@code null}. */
    public @Nullable String path() {
        return path;
    }
}
