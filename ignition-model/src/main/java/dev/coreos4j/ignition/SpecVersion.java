package dev.coreos4j.ignition;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Ignition config specification versions this library reads, in ascending order.
 *
 * <p>3.6.0 is the newest stable version and the shape of the in-memory model; 3.7.0-experimental is accepted on
 * read only, as Ignition 2.26 does.
 */
public enum SpecVersion {
    /** Spec 3.0.0. */
    V3_0_0(3, 0, 0, false),
    /** Spec 3.1.0. */
    V3_1_0(3, 1, 0, false),
    /** Spec 3.2.0. */
    V3_2_0(3, 2, 0, false),
    /** Spec 3.3.0. */
    V3_3_0(3, 3, 0, false),
    /** Spec 3.4.0. */
    V3_4_0(3, 4, 0, false),
    /** Spec 3.5.0. */
    V3_5_0(3, 5, 0, false),
    /** Spec 3.6.0. */
    V3_6_0(3, 6, 0, false),
    /** Spec 3.7.0-experimental (accepted by Ignition only when built for it; same shape as 3.6.0 here). */
    V3_7_0_EXPERIMENTAL(3, 7, 0, true);

    private final int major;
    private final int minor;
    private final int patch;
    private final boolean experimental;

    SpecVersion(int major, int minor, int patch, boolean experimental) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.experimental = experimental;
    }

    /** The newest stable version: the shape of the model and the default output version. */
    public static SpecVersion latestStable() {
        return V3_6_0;
    }

    /** Every version, oldest first. */
    public static List<SpecVersion> all() {
        return List.of(values());
    }

    /** Every stable version, oldest first. */
    public static List<SpecVersion> stable() {
        return Arrays.stream(values()).filter(v -> !v.experimental).toList();
    }

    /**
     * Finds the version spelled exactly as in a config's {@code ignition.version} ({@code "3.6.0"},
     * {@code "3.7.0-experimental"}).
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<SpecVersion> fromString(String text) {
        Objects.requireNonNull(text, "text");
        return Arrays.stream(values()).filter(v -> v.toString().equals(text)).findFirst();
    }

    /** The major version number (3). */
    public int major() {
        return major;
    }

    /** The minor version number. */
    public int minor() {
        return minor;
    }

    /** The patch version number. */
    public int patch() {
        return patch;
    }

    /** Whether this is an experimental version (read-only, never written by default). */
    public boolean isExperimental() {
        return experimental;
    }

    /**
     * Whether documents of this version may carry the component {@code component} of the model record {@code type}
     * (one of {@link Config} and its nested records): {@code V3_0_0.has(Config.Storage.class, "luks")} is false,
     * {@code V3_2_0.has(Config.Storage.class, "luks")} true. {@link Config.Resource} is answered for its strictest
     * use: its {@code compression} exists from 3.1.0, although a file's {@code contents} and {@code append} have it
     * from 3.0.0.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code type} is not a model record or has no such component
     */
    public boolean has(Class<? extends Record> type, String component) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(component, "component");
        if (type != Config.class && !Config.modelRecords().contains(type)) {
            throw new IllegalArgumentException("not a model record: " + type.getName());
        }
        if (Arrays.stream(type.getRecordComponents())
                .noneMatch(rc -> rc.getName().equals(component))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
        }
        SpecVersion since =
                dev.coreos4j.ignition.internal.FieldVersions.SINCE.get(type.getSimpleName() + "." + component);
        return since == null || compareTo(since) >= 0;
    }

    /** The version as it appears in {@code ignition.version}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (experimental ? "-experimental" : "");
    }
}
