package dev.coreos4j.ignition;

import dev.coreos4j.ignition.internal.constraints.ByteLength;
import dev.coreos4j.ignition.internal.constraints.NodePath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Root of an Ignition config in the shape of spec 3.6.0 (the newest stable spec; 3.7.0-experimental has the same
 * shape). Older documents are translated up into this model when parsed.
 *
 * <p>Contract shared by every record in this file: values are immutable; an absent optional scalar is {@code null}
 * (absent is different from {@code false}, {@code ""} or {@code 0}, and merging depends on it); list components are
 * never null (a null argument becomes an empty list) and never contain null; nested objects are never null (a null
 * argument becomes the empty object, like Ignition's non-pointer structs); list keys ({@code path}, {@code name},
 * {@code device}, {@code url}) are never null (null becomes {@code ""}, as Go decodes an absent key). Record
 * components are in Ignition's field order, which is also the key order of {@link dev.coreos4j.ignition.Ignition#write written} JSON.
 *
 * <p>Field-local constraints carry Jakarta Bean Validation annotations with Ignition's messages; {@link
 * dev.coreos4j.ignition.Ignition#validate(Config)} evaluates them together with the cross-field rules.
 *
 * @param ignition        the {@code ignition} section (version, config references, proxy, TLS, timeouts)
 * @param kernelArguments kernel arguments to ensure present or absent (spec 3.3.0+)
 * @param passwd          users and groups
 * @param storage         disks, RAID, LUKS, filesystems, files, directories and links
 * @param systemd         systemd units and drop-ins
 */
public record Config(
        @Valid Ignition ignition,
        @Valid KernelArguments kernelArguments,
        @Valid Passwd passwd,
        @Valid Storage storage,
        @Valid Systemd systemd) {

    /** The empty config: no version, nothing configured. */
    public static final Config EMPTY = new Config(null, null, null, null, null);

    public Config {
        ignition = ignition == null ? Ignition.EMPTY : ignition;
        kernelArguments = kernelArguments == null ? KernelArguments.EMPTY : kernelArguments;
        passwd = passwd == null ? Passwd.EMPTY : passwd;
        storage = storage == null ? Storage.EMPTY : storage;
        systemd = systemd == null ? Systemd.EMPTY : systemd;
    }

    /**
     * A {@link dev.coreos4j.ignition.builder.ConfigBuilder} holding every part of this config, to edit and build
     * again; the same as {@code ConfigBuilder.from(this)}.
     *
     * @return a new builder; changes to it never touch this (immutable) config
     */
    public dev.coreos4j.ignition.builder.ConfigBuilder toBuilder() {
        return dev.coreos4j.ignition.builder.ConfigBuilder.from(this);
    }

    /** A copy with {@code ignition.version} replaced. */
    public Config withVersion(String version) {
        Ignition i = ignition;
        return new Config(
                new Ignition(i.config(), i.proxy(), i.security(), i.timeouts(), version),
                kernelArguments,
                passwd,
                storage,
                systemd);
    }

    // ---------------------------------------------------------------- ignition

    /**
     * The {@code ignition} section.
     *
     * @param config   merge/replace references to other configs
     * @param proxy    HTTP proxy settings (3.1.0+)
     * @param security TLS settings
     * @param timeouts HTTP timeouts
     * @param version  the {@code ignition.version} string; after parsing, the model version ({@code "3.6.0"} or
     *                 {@code "3.7.0-experimental"}); never null
     */
    public record Ignition(
            @Valid IgnitionConfig config,
            @Valid Proxy proxy,
            @Valid Security security,
            @Valid Timeouts timeouts,
            String version) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Ignition EMPTY = new Ignition(null, null, null, null, null);

        public Ignition {
            config = config == null ? IgnitionConfig.EMPTY : config;
            proxy = proxy == null ? Proxy.EMPTY : proxy;
            security = security == null ? Security.EMPTY : security;
            timeouts = timeouts == null ? Timeouts.EMPTY : timeouts;
            version = Values.key(version);
        }
    }

    /**
     * {@code ignition.config}: configs merged into this one (in order) or replacing it.
     *
     * @param merge   configs to fetch and merge (key: {@code source})
     * @param replace a config to fetch that replaces this one
     */
    public record IgnitionConfig(
            List<@Valid Resource> merge, @Valid Resource replace) {
        /** The empty value: every optional field absent, every list empty. */
        public static final IgnitionConfig EMPTY = new IgnitionConfig(null, null);

        public IgnitionConfig {
            merge = Values.list(merge);
            replace = replace == null ? Resource.EMPTY : replace;
        }
    }

    /**
     * {@code ignition.proxy} (spec 3.1.0+).
     *
     * @param httpProxy  proxy for http URLs
     * @param httpsProxy proxy for https URLs
     * @param noProxy    hosts not proxied
     */
    public record Proxy(String httpProxy, String httpsProxy, List<String> noProxy) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Proxy EMPTY = new Proxy(null, null, null);

        public Proxy {
            noProxy = Values.list(noProxy);
        }
    }

    /** {@code ignition.security}. @param tls TLS settings */
    public record Security(@Valid Tls tls) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Security EMPTY = new Security(null);

        public Security {
            tls = tls == null ? Tls.EMPTY : tls;
        }
    }

    /** {@code ignition.security.tls}. @param certificateAuthorities extra CA bundles (key: {@code source}) */
    public record Tls(List<@Valid Resource> certificateAuthorities) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Tls EMPTY = new Tls(null);

        public Tls {
            certificateAuthorities = Values.list(certificateAuthorities);
        }
    }

    /**
     * {@code ignition.timeouts}, in seconds.
     *
     * @param httpResponseHeaders time to wait for response headers (Ignition's default 10)
     * @param httpTotal           total time per request (default 0 = unlimited)
     */
    public record Timeouts(Long httpResponseHeaders, Long httpTotal) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Timeouts EMPTY = new Timeouts(null, null);
    }

    /**
     * A remote or inline resource (merge/replace config, CA bundle, file contents, appended fragment, LUKS key file).
     *
     * @param compression  {@code ""} or {@code "gzip"} (files 3.0.0+, elsewhere 3.1.0+)
     * @param httpHeaders  extra HTTP headers for http(s) sources (3.1.0+; key: {@code name})
     * @param source       the URL ({@code http https tftp s3 data}, {@code gs} 3.2.0+, {@code arn} 3.4.0+)
     * @param verification hash of the (decompressed) contents
     */
    public record Resource(
            @Pattern(regexp = "|gzip", message = "invalid compression method")
            String compression,

            List<@Valid HttpHeader> httpHeaders,
            String source,
            @Valid Verification verification) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Resource EMPTY = new Resource(null, null, null, null);

        public Resource {
            httpHeaders = Values.list(httpHeaders);
            verification = verification == null ? Verification.EMPTY : verification;
        }
    }

    /**
     * One HTTP header (spec 3.1.0+).
     *
     * @param name  header name, non-empty
     * @param value header value; null means "delete the parent's header" when merging
     */
    public record HttpHeader(
            @Size(min = 1, message = "HTTP header name can't be empty")
            String name,

            @Size(min = 1, message = "unable to parse HTTP header")
            String value) {
        public HttpHeader {
            name = Values.key(name);
        }
    }

    /** Resource verification. @param hash {@code sha512-<hex>} or (3.1.0+) {@code sha256-<hex>} */
    public record Verification(String hash) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Verification EMPTY = new Verification(null);
    }

    // ---------------------------------------------------------------- kernel arguments, passwd

    /**
     * {@code kernelArguments} (spec 3.3.0+); both lists share one key space.
     *
     * @param shouldExist    arguments (or space-separated sequences) to ensure present
     * @param shouldNotExist arguments to ensure absent
     */
    public record KernelArguments(List<String> shouldExist, List<String> shouldNotExist) {
        /** The empty value: every optional field absent, every list empty. */
        public static final KernelArguments EMPTY = new KernelArguments(null, null);

        public KernelArguments {
            shouldExist = Values.list(shouldExist);
            shouldNotExist = Values.list(shouldNotExist);
        }
    }

    /** {@code passwd}. @param groups groups (key: name) @param users users (key: name) */
    public record Passwd(List<@Valid PasswdGroup> groups, List<@Valid PasswdUser> users) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Passwd EMPTY = new Passwd(null, null);

        public Passwd {
            groups = Values.list(groups);
            users = Values.list(users);
        }
    }

    /**
     * A group.
     *
     * @param gid          group id
     * @param name         group name (key)
     * @param passwordHash hashed password
     * @param shouldExist  false deletes the group (3.2.0+)
     * @param system       create as a system group
     */
    public record PasswdGroup(Long gid, String name, String passwordHash, Boolean shouldExist, Boolean system) {
        public PasswdGroup {
            name = Values.key(name);
        }
    }

    /**
     * A user.
     *
     * @param gecos             GECOS field
     * @param groups            supplementary groups
     * @param homeDir           home directory
     * @param name              user name (key)
     * @param noCreateHome      do not create a home directory
     * @param noLogInit         do not add to lastlog/faillog
     * @param noUserGroup       do not create a user group
     * @param passwordHash      hashed password
     * @param primaryGroup      primary group
     * @param sshAuthorizedKeys SSH public keys
     * @param shell             login shell
     * @param shouldExist       false deletes the user (3.2.0+)
     * @param system            create as a system account
     * @param uid               user id
     */
    public record PasswdUser(
            String gecos,
            List<String> groups,
            String homeDir,
            String name,
            Boolean noCreateHome,
            Boolean noLogInit,
            Boolean noUserGroup,
            String passwordHash,
            String primaryGroup,
            List<String> sshAuthorizedKeys,
            String shell,
            Boolean shouldExist,
            Boolean system,
            Long uid) {
        public PasswdUser {
            groups = Values.list(groups);
            name = Values.key(name);
            sshAuthorizedKeys = Values.list(sshAuthorizedKeys);
        }
    }

    // ---------------------------------------------------------------- storage

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
            @Pattern(regexp = GUID, message = GUID_MESSAGE) String guid,

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
            @Pattern(regexp = GUID, message = GUID_MESSAGE) String typeGuid,
            Boolean wipePartitionEntry) {}

    /** Ignition's GUID form: empty, or 8-4-4-4-12 hex digits. */
    static final String GUID = "|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    static final String GUID_MESSAGE = "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"";

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

    // ---------------------------------------------------------------- systemd

    /** {@code systemd}. @param units units (key: name) */
    public record Systemd(List<@Valid Unit> units) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Systemd EMPTY = new Systemd(null);

        public Systemd {
            units = Values.list(units);
        }
    }

    /**
     * A systemd unit.
     *
     * @param contents unit file contents
     * @param dropins  drop-ins (key: name)
     * @param enabled  enable (true) or disable (false) the unit
     * @param mask     mask the unit
     * @param name     unit name with a valid unit suffix (key)
     */
    public record Unit(
            String contents,
            List<@Valid Dropin> dropins,
            Boolean enabled,
            Boolean mask,

            @Pattern(regexp = UNIT_NAME, flags = Pattern.Flag.DOTALL, message = "invalid systemd unit extension")
            String name) {
        public Unit {
            dropins = Values.list(dropins);
            name = Values.key(name);
        }
    }

    static final String UNIT_NAME =
            "(.*/)?[^/]*\\.(service|socket|device|mount|automount|swap|target|path|timer|snapshot|slice|scope)";

    /**
     * A systemd drop-in.
     *
     * @param contents drop-in contents
     * @param name     file name ending in {@code .conf} (key)
     */
    public record Dropin(
            String contents,

            @Pattern(
                    regexp = "(.*/)?[^/]*\\.conf",
                    flags = Pattern.Flag.DOTALL,
                    message = "invalid systemd drop-in extension")
            String name) {
        public Dropin {
            name = Values.key(name);
        }
    }
}
