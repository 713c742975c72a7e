package dev.coreos4j.ignition;

import dev.coreos4j.ignition.Config.Resource;
import dev.coreos4j.ignition.internal.constraints.ByteLength;
import dev.coreos4j.ignition.internal.constraints.NodePath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

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

        public Storage {
            directories = Values.list(directories);
            disks = Values.list(disks);
            files = Values.list(files);
            filesystems = Values.list(filesystems);
            links = Values.list(links);
            luks = Values.list(luks);
            raid = Values.list(raid);
        }
    }

    /** Owner of a node by id or name (not both). @param id uid @param name user name */
    public record NodeUser(Long id, String name) {
        /** The empty value: every optional field absent, every list empty. */
        public static final NodeUser EMPTY = new NodeUser(null, null);
    }

    /** Group of a node by id or name (not both). @param id gid @param name group name */
    public record NodeGroup(Long id, String name) {
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
            Boolean overwrite,
            @NodePath String path,
            NodeUser user,

            @Min(value = 0, message = "illegal file mode") @Max(value = 4095, message = "illegal file mode")
            Long mode) {
        public Directory {
            group = group == null ? NodeGroup.EMPTY : group;
            path = Values.key(path);
            user = user == null ? NodeUser.EMPTY : user;
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
            Boolean overwrite,
            @NodePath String path,
            NodeUser user,
            List<@Valid Resource> append,
            @Valid Resource contents,

            @Min(value = 0, message = "illegal file mode") @Max(value = 4095, message = "illegal file mode")
            Long mode) {
        public File {
            group = group == null ? NodeGroup.EMPTY : group;
            path = Values.key(path);
            user = user == null ? NodeUser.EMPTY : user;
            append = Values.list(append);
            contents = contents == null ? Resource.EMPTY : contents;
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
            NodeGroup group, Boolean overwrite, @NodePath String path, NodeUser user, Boolean hard, String target) {
        public Link {
            group = group == null ? NodeGroup.EMPTY : group;
            path = Values.key(path);
            user = user == null ? NodeUser.EMPTY : user;
        }
    }

    /**
     * A disk.
     *
     * @param device     absolute device path (key)
     * @param partitions partitions (key: {@code number:N}, else {@code label:L})
     * @param wipeTable  wipe the partition table first
     */
    public record Disk(String device, List<@Valid Partition> partitions, Boolean wipeTable) {
        public Disk {
            device = Values.key(device);
            partitions = Values.list(partitions);
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
            @Pattern(regexp = Config.GUID, message = Config.GUID_MESSAGE)
            String guid,

            @ByteLength(max = 36, message = "partition labels may not exceed 36 characters")
            @Pattern(
                    regexp = "[^:]*",
                    flags = Pattern.Flag.DOTALL,
                    message = "partition label will be truncated to text before the colon")
            String label,

            long number,
            Boolean resize,
            Boolean shouldExist,
            Long sizeMiB,
            Long startMiB,

            @Pattern(regexp = Config.GUID, message = Config.GUID_MESSAGE)
            String typeGuid,

            Boolean wipePartitionEntry) {}

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
            String format,
            String label,
            List<String> mountOptions,
            List<String> options,
            @NodePath(emptyAllowed = true) String path,
            String uuid,
            Boolean wipeFilesystem) {
        public Filesystem {
            device = Values.key(device);
            mountOptions = Values.list(mountOptions);
            options = Values.list(options);
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
            String device,
            Boolean discard,
            @Valid Resource keyFile,

            @ByteLength(max = 47, message = "luks device labels cannot be longer than 47 characters")
            String label,

            @Pattern(regexp = "[^/]*", flags = Pattern.Flag.DOTALL, message = "device names cannot contain slashes")
            String name,

            List<String> openOptions,
            List<String> options,
            String uuid,
            Boolean wipeVolume) {
        public Luks {
            cex = cex == null ? Cex.EMPTY : cex;
            clevis = clevis == null ? Clevis.EMPTY : clevis;
            keyFile = keyFile == null ? Resource.EMPTY : keyFile;
            name = Values.key(name);
            openOptions = Values.list(openOptions);
            options = Values.list(options);
        }
    }

    /** IBM Crypto Express (spec 3.5.0+). @param enabled use a CEX secure key */
    public record Cex(Boolean enabled) {
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
    public record Clevis(@Valid ClevisCustom custom, List<@Valid Tang> tang, Long threshold, Boolean tpm2) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Clevis EMPTY = new Clevis(null, null, null, null);

        public Clevis {
            custom = custom == null ? ClevisCustom.EMPTY : custom;
            tang = Values.list(tang);
        }
    }

    /**
     * A custom Clevis pin.
     *
     * @param config       the pin's JSON config
     * @param needsNetwork the pin needs networking
     * @param pin          pin name ({@code tpm2 tang sss} up to 3.5.0; any non-empty name from 3.6.0)
     */
    public record ClevisCustom(String config, Boolean needsNetwork, String pin) {
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
    public record Tang(String advertisement, String thumbprint, String url) {
        public Tang {
            url = Values.key(url);
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
    public record Raid(List<@NodePath String> devices, String level, String name, List<String> options, Long spares) {
        public Raid {
            devices = Values.list(devices);
            name = Values.key(name);
            options = Values.list(options);
        }
    }
}
