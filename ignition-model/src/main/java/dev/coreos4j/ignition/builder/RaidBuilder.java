package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a software {@link Config.Raid} array. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class RaidBuilder {
    private final String name;
    private final String level;
    private @Nullable Long spares;
    private final List<String> devices = new ArrayList<>();
    private final List<String> options = new ArrayList<>();

    private RaidBuilder(String name, String level) {
        this.name = name;
        this.level = level;
    }

    /** An array {@code name} (appears as {@code /dev/md/name}) of {@code level} ({@code raid1}, {@code raid5}, …). */
    public static RaidBuilder of(String name, String level) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        return new RaidBuilder(name, level);
    }

    /** Adds a member device (absolute path). */
    public RaidBuilder device(String device) {
        devices.add(device);
        return this;
    }

    /** Sets the RAID array's {@code spares}. */
    public RaidBuilder spares(long spares) {
        this.spares = spares;
        return this;
    }

    /** Adds an mdadm option. */
    public RaidBuilder option(String option) {
        options.add(option);
        return this;
    }

    /** The array, validated (level, devices). */
    public Config.Raid build() {
        Config.Raid r = new Config.Raid(devices, level, name, options, spares);
        Checks.part("raid " + name, Checks.storage(new Config.Storage(null, null, null, null, null, null, List.of(r))));
        return r;
    }
}
