package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.Filesystem}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class FilesystemBuilder {
    private final String device;
    private @Nullable String format;
    private @Nullable String path;
    private @Nullable String label;
    private @Nullable String uuid;
    private @Nullable Boolean wipeFilesystem;
    private final List<String> options = new ArrayList<>();
    private final List<String> mountOptions = new ArrayList<>();

    private FilesystemBuilder(String device) {
        this.device = device;
    }

    /** A filesystem on {@code device} with {@code format} ({@code ext4 btrfs xfs swap vfat none}). */
    public static FilesystemBuilder of(String device, String format) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(format, "format");
        FilesystemBuilder b = new FilesystemBuilder(device);
        b.format = format;
        return b;
    }

    /** Where Ignition mounts it while it runs (absolute). */
    public FilesystemBuilder path(String path) {
        this.path = path;
        return this;
    }

    /** Sets the filesystem's {@code label}. */
    public FilesystemBuilder label(String label) {
        this.label = label;
        return this;
    }

    /** Sets the filesystem's {@code uuid}. */
    public FilesystemBuilder uuid(String uuid) {
        this.uuid = uuid;
        return this;
    }

    /** Sets the filesystem's {@code wipeFilesystem}. */
    public FilesystemBuilder wipeFilesystem(boolean value) {
        this.wipeFilesystem = value;
        return this;
    }

    /** Adds an mkfs option. */
    public FilesystemBuilder option(String option) {
        options.add(option);
        return this;
    }

    /** Adds a mount option (spec 3.1.0+). */
    public FilesystemBuilder mountOption(String option) {
        mountOptions.add(option);
        return this;
    }

    /** The filesystem, validated (format, label length per format, paths). */
    public Config.Filesystem build() {
        Config.Filesystem f =
                new Config.Filesystem(device, format, label, mountOptions, options, path, uuid, wipeFilesystem);
        Checks.part(
                "filesystem " + device,
                Checks.storage(new Config.Storage(null, null, null, List.of(f), null, null, null)));
        return f;
    }
}
