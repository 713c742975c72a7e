package dev.coreos4j.ignition;

import dev.coreos4j.ignition.Config.Resource;
import dev.coreos4j.ignition.internal.constraints.ByteLength;
import dev.coreos4j.ignition.internal.constraints.NodePath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of a config's {@code storage} section (coreos/ignition config/v3_6/types: storage.go, node.go,
 * file.go, directory.go, link.go, disk.go, partition.go, filesystem.go, luks.go, clevis.go, tang.go, raid.go). Only
 * {@link Config} implements it, so that they are named like every part of the model: {@code Config.Storage},
 * {@code Config.File}, {@code Config.Partition}. The contract of {@link Config} (immutable; absent optional scalars
 * null; lists and nested objects never null) holds for each of them.
 */
public sealed interface ConfigStorage permits Config {
    /**
     * {@code storage}. Files, directories and links share one key space ({@code path}).
     *
     * @param directories directories
     * @param disks       disks (key: device)
     * @param files       files
     * @param filesystems filesystems (key: device)
     * @param links       links
     * @param luks        LUKS volumes (3.2.0+; key: name)
     * @param raid        software RAID arrays (key: name)
     */
    public record Storage(
            List<@Valid Directory> directories,
            List<@Valid Disk> disks,
            List<@Valid File> files,
            List<@Valid Filesystem> filesystems,
            List<@Valid Link> links,
            List<@Valid Luks> luks,
            List<@Valid Raid> raid) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Storage EMPTY = new Storage(null, null, null, null, null, null, null);

        public Storage(
                @Nullable List<@Valid Directory> directories,
                @Nullable List<@Valid Disk> disks,
                @Nullable List<@Valid File> files,
                @Nullable List<@Valid Filesystem> filesystems,
                @Nullable List<@Valid Link> links,
                @Nullable List<@Valid Luks> luks,
                @Nullable List<@Valid Raid> raid) {
            this.directories = Values.list(directories);
            this.disks = Values.list(disks);
            this.files = Values.list(files);
            this.filesystems = Values.list(filesystems);
            this.links = Values.list(links);
            this.luks = Values.list(luks);
            this.raid = Values.list(raid);
        }
    }

    /**
     * Owner of a node by id or name (not both).
     *
     * @param id uid
     * @param name user name
     */
    public record NodeUser(@Nullable Long id, @Nullable String name) {
        /** The empty value: every optional field absent, every list empty. */
        public static final NodeUser EMPTY = new NodeUser(null, null);
    }

    /**
     * Group of a node by id or name (not both).
     *
     * @param id gid
     * @param name group name
     */
    public record NodeGroup(@Nullable Long id, @Nullable String name) {
        /** The empty value: every optional field absent, every list empty. */
        public static final NodeGroup EMPTY = new NodeGroup(null, null);
    }

    /**
     * A directory.
     *
     * @param group     owning group
     * @param overwrite replace an existing node at the path
     * @param path      absolute, clean path (key)
     * @param user      owning user
     * @param mode      permission bits as a decimal integer (0..4095); special bits honoured from 3.6.0
     */
    public record Directory(
            NodeGroup group,
            @Nullable Boolean overwrite,
            @NodePath String path,
            NodeUser user,

            @Min(value = 0, message = "illegal file mode") @Max(value = 4095, message = "illegal file mode") @Nullable
            Long mode) {
        public Directory(
                @Nullable NodeGroup group,
                @Nullable Boolean overwrite,
                @Nullable String path,
                @Nullable NodeUser user,
                @Nullable Long mode) {
            this.group = group == null ? NodeGroup.EMPTY : group;
            this.overwrite = overwrite;
            this.path = Values.key(path);
            this.user = user == null ? NodeUser.EMPTY : user;
            this.mode = mode;
        }
    }

    /**
     * A regular file.
     *
     * @param group     owning group
     * @param overwrite replace an existing node at the path ({@code true} needs a {@code contents.source})
     * @param path      absolute, clean path (key)
     * @param user      owning user
     * @param append    fragments appended to the file
     * @param contents  the file's contents (no source = ensure an empty file exists)
     * @param mode      permission bits as a decimal integer (0..4095); special bits honoured from 3.6.0
     */
    public record File(
            NodeGroup group,
            @Nullable Boolean overwrite,
            @NodePath String path,
            NodeUser user,
            List<@Valid Resource> append,
            @Valid Resource contents,

            @Min(value = 0, message = "illegal file mode") @Max(value = 4095, message = "illegal file mode") @Nullable
            Long mode) {
        public File(
                @Nullable NodeGroup group,
                @Nullable Boolean overwrite,
                @Nullable String path,
                @Nullable NodeUser user,
                @Nullable List<@Valid Resource> append,
                @Nullable Resource contents,
                @Nullable Long mode) {
            this.group = group == null ? NodeGroup.EMPTY : group;
            this.overwrite = overwrite;
            this.path = Values.key(path);
            this.user = user == null ? NodeUser.EMPTY : user;
            this.append = Values.list(append);
            this.contents = contents == null ? Resource.EMPTY : contents;
            this.mode = mode;
        }
    }

    /**
     * A symbolic or hard link.
     *
     * @param group     owning group
     * @param overwrite replace an existing node at the path
     * @param path      absolute, clean path (key)
     * @param user      owning user
     * @param hard      a hard link instead of a symlink
     * @param target    link target (required from 3.3.0)
     */
    public record Link(
            NodeGroup group,
            @Nullable Boolean overwrite,
            @NodePath String path,
            NodeUser user,
            @Nullable Boolean hard,
            @Nullable String target) {
        public Link(
                @Nullable NodeGroup group,
                @Nullable Boolean overwrite,
                @Nullable String path,
                @Nullable NodeUser user,
                @Nullable Boolean hard,
                @Nullable String target) {
            this.group = group == null ? NodeGroup.EMPTY : group;
            this.overwrite = overwrite;
            this.path = Values.key(path);
            this.user = user == null ? NodeUser.EMPTY : user;
            this.hard = hard;
            this.target = target;
        }
    }

    /**
     * A disk.
     *
     * @param device     absolute device path (key)
     * @param partitions partitions (key: {@code number:N}, else {@code label:L})
     * @param wipeTable  wipe the partition table first
     */
    public record Disk(
            String device,
            List<@Valid Partition> partitions,
            @Nullable Boolean wipeTable) {
        public Disk(@Nullable String device, @Nullable List<@Valid Partition> partitions, @Nullable Boolean wipeTable) {
            this.device = Values.key(device);
            this.partitions = Values.list(partitions);
            this.wipeTable = wipeTable;
        }
    }

    /**
     * A GPT partition.
     *
     * @param guid               partition GUID
     * @param label              partition name, at most 36 UTF-8 bytes, no colon
     * @param number             partition number; 0 = next free slot
     * @param resize             grow an existing partition (3.2.0+)
     * @param shouldExist        false deletes the partition
     * @param sizeMiB            size; 0 = fill
     * @param startMiB           start; 0 = start of the largest free block
     * @param typeGuid           partition type GUID
     * @param wipePartitionEntry allow deleting a mismatching partition
     */
    public record Partition(
            @Pattern(regexp = Config.GUID, message = Config.GUID_MESSAGE) @Nullable
            String guid,

            @ByteLength(max = 36, message = "partition labels may not exceed 36 characters")
            @Pattern(
                    regexp = "[^:]*",
                    flags = Pattern.Flag.DOTALL,
                    message = "partition label will be truncated to text before the colon")
            @Nullable
            String label,

            long number,
            @Nullable Boolean resize,
            @Nullable Boolean shouldExist,
            @Nullable Long sizeMiB,
            @Nullable Long startMiB,

            @Pattern(regexp = Config.GUID, message = Config.GUID_MESSAGE) @Nullable
            String typeGuid,

            @Nullable Boolean wipePartitionEntry) {}

    /**
     * A filesystem.
     *
     * @param device         absolute device path (key; a virtiofs tag in 3.7.0-experimental)
     * @param format         {@code ext4 btrfs xfs swap vfat}, {@code none} (3.3.0+), {@code virtiofs} (3.7.0-exp)
     * @param label          filesystem label (byte limit per format)
     * @param mountOptions   mount options (3.1.0+)
     * @param options        mkfs options
     * @param path           mount point while Ignition runs
     * @param uuid           filesystem UUID
     * @param wipeFilesystem wipe an existing filesystem
     */
    public record Filesystem(
            String device,
            @Nullable String format,
            @Nullable String label,
            List<String> mountOptions,
            List<String> options,
            @NodePath(emptyAllowed = true) @Nullable String path,
            @Nullable String uuid,
            @Nullable Boolean wipeFilesystem) {
        public Filesystem(
                @Nullable String device,
                @Nullable String format,
                @Nullable String label,
                @Nullable List<String> mountOptions,
                @Nullable List<String> options,
                @Nullable String path,
                @Nullable String uuid,
                @Nullable Boolean wipeFilesystem) {
            this.device = Values.key(device);
            this.format = format;
            this.label = label;
            this.mountOptions = Values.list(mountOptions);
            this.options = Values.list(options);
            this.path = path;
            this.uuid = uuid;
            this.wipeFilesystem = wipeFilesystem;
        }
    }

    /**
     * A LUKS volume (spec 3.2.0+).
     *
     * @param cex         IBM Crypto Express settings (3.5.0+)
     * @param clevis      Clevis binding
     * @param device      absolute path of the underlying device (required)
     * @param discard     allow discards (3.4.0+)
     * @param keyFile     key file resource (absent = random ephemeral key)
     * @param label       LUKS label, at most 47 UTF-8 bytes
     * @param name        device-mapper name, no slash (key)
     * @param openOptions {@code cryptsetup luksOpen} options (3.4.0+)
     * @param options     {@code cryptsetup luksFormat} options
     * @param uuid        LUKS UUID
     * @param wipeVolume  wipe an existing volume
     */
    public record Luks(
            @Valid Cex cex,
            @Valid Clevis clevis,
            @Nullable String device,
            @Nullable Boolean discard,
            @Valid Resource keyFile,

            @ByteLength(max = 47, message = "luks device labels cannot be longer than 47 characters") @Nullable
            String label,

            @Pattern(regexp = "[^/]*", flags = Pattern.Flag.DOTALL, message = "device names cannot contain slashes")
            String name,

            List<String> openOptions,
            List<String> options,
            @Nullable String uuid,
            @Nullable Boolean wipeVolume) {
        public Luks(
                @Nullable Cex cex,
                @Nullable Clevis clevis,
                @Nullable String device,
                @Nullable Boolean discard,
                @Nullable Resource keyFile,
                @Nullable String label,
                @Nullable String name,
                @Nullable List<String> openOptions,
                @Nullable List<String> options,
                @Nullable String uuid,
                @Nullable Boolean wipeVolume) {
            this.cex = cex == null ? Cex.EMPTY : cex;
            this.clevis = clevis == null ? Clevis.EMPTY : clevis;
            this.device = device;
            this.discard = discard;
            this.keyFile = keyFile == null ? Resource.EMPTY : keyFile;
            this.label = label;
            this.name = Values.key(name);
            this.openOptions = Values.list(openOptions);
            this.options = Values.list(options);
            this.uuid = uuid;
            this.wipeVolume = wipeVolume;
        }
    }

    /**
     * IBM Crypto Express (spec 3.5.0+).
     *
     * @param enabled use a CEX secure key
     */
    public record Cex(@Nullable Boolean enabled) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Cex EMPTY = new Cex(null);
    }

    /**
     * Clevis binding of a LUKS volume.
     *
     * @param custom    a custom pin (exclusive with tang/tpm2/threshold)
     * @param tang      Tang servers (key: url)
     * @param threshold how many pins must succeed (default 1)
     * @param tpm2      bind to the TPM2
     */
    public record Clevis(
            @Valid ClevisCustom custom,
            List<@Valid Tang> tang,
            @Nullable Long threshold,
            @Nullable Boolean tpm2) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Clevis EMPTY = new Clevis(null, null, null, null);

        public Clevis(
                @Nullable ClevisCustom custom,
                @Nullable List<@Valid Tang> tang,
                @Nullable Long threshold,
                @Nullable Boolean tpm2) {
            this.custom = custom == null ? ClevisCustom.EMPTY : custom;
            this.tang = Values.list(tang);
            this.threshold = threshold;
            this.tpm2 = tpm2;
        }
    }

    /**
     * A custom Clevis pin.
     *
     * @param config       the pin's JSON config
     * @param needsNetwork the pin needs networking
     * @param pin          pin name ({@code tpm2 tang sss} up to 3.5.0; any non-empty name from 3.6.0)
     */
    public record ClevisCustom(
            @Nullable String config,
            @Nullable Boolean needsNetwork,
            @Nullable String pin) {
        /** The empty value: every optional field absent, every list empty. */
        public static final ClevisCustom EMPTY = new ClevisCustom(null, null, null);
    }

    /**
     * A Tang server.
     *
     * @param advertisement the server's advertisement JSON (3.4.0+)
     * @param thumbprint    the server key thumbprint (required)
     * @param url           http(s) URL (key)
     */
    public record Tang(
            @Nullable String advertisement, @Nullable String thumbprint, String url) {
        public Tang(@Nullable String advertisement, @Nullable String thumbprint, @Nullable String url) {
            this.advertisement = advertisement;
            this.thumbprint = thumbprint;
            this.url = Values.key(url);
        }
    }

    /**
     * A software RAID array.
     *
     * @param devices member devices (absolute paths, no duplicates)
     * @param level   RAID level (required)
     * @param name    array name (key)
     * @param options mdadm options
     * @param spares  spare device count
     */
    public record Raid(
            List<@NodePath String> devices,
            @Nullable String level,
            String name,
            List<String> options,
            @Nullable Long spares) {
        public Raid(
                @Nullable List<@NodePath String> devices,
                @Nullable String level,
                @Nullable String name,
                @Nullable List<String> options,
                @Nullable Long spares) {
            this.devices = Values.list(devices);
            this.level = level;
            this.name = Values.key(name);
            this.options = Values.list(options);
            this.spares = spares;
        }
    }
}
