package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.Disk} with its partitions. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class DiskBuilder {
    private final String device;
    private @Nullable Boolean wipeTable;
    private final List<Config.Partition> partitions = new ArrayList<>();

    private DiskBuilder(String device) {
        this.device = device;
    }

    /** A builder for the disk at {@code device} (absolute, e.g. {@code /dev/disk/by-id/…}). */
    public static DiskBuilder of(String device) {
        Objects.requireNonNull(device, "device");
        return new DiskBuilder(device);
    }

    /** Sets the disk's {@code wipeTable}. */
    public DiskBuilder wipeTable(boolean value) {
        this.wipeTable = value;
        return this;
    }

    /** Adds a partition to the disk's partition list. */
    public DiskBuilder partition(PartitionBuilder partition) {
        partitions.add(partition.build());
        return this;
    }

    /** Adds a partition to the disk's partition list. */
    public DiskBuilder partition(Config.Partition partition) {
        partitions.add(partition);
        return this;
    }

    /** The disk, validated (device path, partition labels, numbers and overlaps). */
    public Config.Disk build() {
        Config.Disk d = new Config.Disk(device, partitions, wipeTable);
        Checks.part(
                "disk " + device, Checks.storage(new Config.Storage(null, List.of(d), null, null, null, null, null)));
        return d;
    }
}
