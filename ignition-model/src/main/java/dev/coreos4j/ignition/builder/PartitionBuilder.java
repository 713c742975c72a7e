package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Config.Partition}; it is validated when its {@link DiskBuilder} builds. Not thread-safe.
 */
public final class PartitionBuilder {
    private long number;
    private @Nullable String label;
    private @Nullable Long sizeMiB;
    private @Nullable Long startMiB;
    private @Nullable String typeGuid;
    private @Nullable String guid;
    private @Nullable Boolean wipePartitionEntry;
    private @Nullable Boolean shouldExist;
    private @Nullable Boolean resize;

    private PartitionBuilder() {}

    /** A partition with number {@code number} (0 = next free slot). */
    public static PartitionBuilder number(long number) {
        PartitionBuilder b = new PartitionBuilder();
        b.number = number;
        return b;
    }

    /** A partition identified by its GPT label (number 0 = next free slot). */
    public static PartitionBuilder labelled(String label) {
        Objects.requireNonNull(label, "label");
        return new PartitionBuilder().label(label);
    }

    /** Sets the partition's {@code label}. */
    public PartitionBuilder label(String label) {
        this.label = label;
        return this;
    }

    /** Size in MiB; 0 fills the free space. */
    public PartitionBuilder sizeMiB(long size) {
        this.sizeMiB = size;
        return this;
    }

    /** Sets the partition's {@code startMiB}. */
    public PartitionBuilder startMiB(long start) {
        this.startMiB = start;
        return this;
    }

    /** Partition type GUID, e.g. {@code A19D880F-05FC-4D3B-A006-743F0F84911E} (Linux RAID). */
    public PartitionBuilder typeGuid(String typeGuid) {
        this.typeGuid = typeGuid;
        return this;
    }

    /** Sets the partition's {@code guid}. */
    public PartitionBuilder guid(String guid) {
        this.guid = guid;
        return this;
    }

    /** Sets the partition's {@code wipePartitionEntry}. */
    public PartitionBuilder wipePartitionEntry(boolean value) {
        this.wipePartitionEntry = value;
        return this;
    }

    /** Sets the partition's {@code shouldExist}. */
    public PartitionBuilder shouldExist(boolean value) {
        this.shouldExist = value;
        return this;
    }

    /** Grow an existing partition (spec 3.2.0+). */
    public PartitionBuilder resize(boolean value) {
        this.resize = value;
        return this;
    }

    /** The partition (not yet validated: validation needs its disk). */
    public Config.Partition build() {
        return new Config.Partition(
                guid, label, number, resize, shouldExist, sizeMiB, startMiB, typeGuid, wipePartitionEntry);
    }
}
