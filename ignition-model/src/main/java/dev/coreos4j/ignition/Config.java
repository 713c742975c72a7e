package dev.coreos4j.ignition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Root of an Ignition config in the shape of spec 3.6.0 (the newest stable spec; 3.7.0-experimental has the same
 * shape). Older documents are translated up into this model when parsed.
 *
 * <p>The records of the {@code storage} section are declared in {@link ConfigStorage} and named through this type
 * like every other part ({@code Config.File}, {@code Config.Partition}).
 *
 * <p>Contract shared by every record of the model (here and in {@link ConfigStorage}): values are immutable; an absent optional scalar is {@code null}
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
        @Valid Systemd systemd)
        implements ConfigStorage {

    /** The empty config: no version, nothing configured. */
    public static final Config EMPTY = new Config(null, null, null, null, null);

    public Config(
            @Nullable Ignition ignition,
            @Nullable KernelArguments kernelArguments,
            @Nullable Passwd passwd,
            @Nullable Storage storage,
            @Nullable Systemd systemd) {
        this.ignition = ignition == null ? Ignition.EMPTY : ignition;
        this.kernelArguments = kernelArguments == null ? KernelArguments.EMPTY : kernelArguments;
        this.passwd = passwd == null ? Passwd.EMPTY : passwd;
        this.storage = storage == null ? Storage.EMPTY : storage;
        this.systemd = systemd == null ? Systemd.EMPTY : systemd;
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

    /**
     * Every record type of the model below the root: the nested records of this type and of {@link ConfigStorage},
     * in declaration order.
     *
     * @return an unmodifiable list
     */
    public static List<Class<?>> modelRecords() {
        List<Class<?>> out = new java.util.ArrayList<>(List.of(Config.class.getDeclaredClasses()));
        out.addAll(List.of(ConfigStorage.class.getDeclaredClasses()));
        return List.copyOf(out);
    }

    /** A copy with {@code ignition.version} replaced; null stands for the empty string, as in {@link Ignition}. */
    public Config withVersion(@Nullable String version) {
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

        public Ignition(
                @Nullable IgnitionConfig config,
                @Nullable Proxy proxy,
                @Nullable Security security,
                @Nullable Timeouts timeouts,
                @Nullable String version) {
            this.config = config == null ? IgnitionConfig.EMPTY : config;
            this.proxy = proxy == null ? Proxy.EMPTY : proxy;
            this.security = security == null ? Security.EMPTY : security;
            this.timeouts = timeouts == null ? Timeouts.EMPTY : timeouts;
            this.version = Values.key(version);
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

        public IgnitionConfig(@Nullable List<@Valid Resource> merge, @Nullable Resource replace) {
            this.merge = Values.list(merge);
            this.replace = replace == null ? Resource.EMPTY : replace;
        }
    }

    /**
     * {@code ignition.proxy} (spec 3.1.0+).
     *
     * @param httpProxy  proxy for http URLs
     * @param httpsProxy proxy for https URLs
     * @param noProxy    hosts not proxied
     */
    public record Proxy(
            @Nullable String httpProxy, @Nullable String httpsProxy, List<String> noProxy) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Proxy EMPTY = new Proxy(null, null, null);

        public Proxy(@Nullable String httpProxy, @Nullable String httpsProxy, @Nullable List<String> noProxy) {
            this.httpProxy = httpProxy;
            this.httpsProxy = httpsProxy;
            this.noProxy = Values.list(noProxy);
        }
    }

    /**
     * {@code ignition.security}.
     *
     * @param tls TLS settings
     */
    public record Security(@Valid Tls tls) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Security EMPTY = new Security(null);

        public Security(@Nullable Tls tls) {
            this.tls = tls == null ? Tls.EMPTY : tls;
        }
    }

    /**
     * {@code ignition.security.tls}.
     *
     * @param certificateAuthorities extra CA bundles (key: {@code source})
     */
    public record Tls(List<@Valid Resource> certificateAuthorities) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Tls EMPTY = new Tls(null);

        public Tls(@Nullable List<@Valid Resource> certificateAuthorities) {
            this.certificateAuthorities = Values.list(certificateAuthorities);
        }
    }

    /**
     * {@code ignition.timeouts}, in seconds.
     *
     * @param httpResponseHeaders time to wait for response headers (Ignition's default 10)
     * @param httpTotal           total time per request (default 0 = unlimited)
     */
    public record Timeouts(
            @Nullable Long httpResponseHeaders, @Nullable Long httpTotal) {
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
            @Pattern(regexp = "|gzip", message = "invalid compression method") @Nullable
            String compression,

            List<@Valid HttpHeader> httpHeaders,
            @Nullable String source,
            @Valid Verification verification) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Resource EMPTY = new Resource(null, null, null, null);

        public Resource(
                @Nullable String compression,
                @Nullable List<@Valid HttpHeader> httpHeaders,
                @Nullable String source,
                @Nullable Verification verification) {
            this.compression = compression;
            this.httpHeaders = Values.list(httpHeaders);
            this.source = source;
            this.verification = verification == null ? Verification.EMPTY : verification;
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

            @Size(min = 1, message = "unable to parse HTTP header") @Nullable
            String value) {
        public HttpHeader(@Nullable String name, @Nullable String value) {
            this.name = Values.key(name);
            this.value = value;
        }
    }

    /**
     * Resource verification.
     *
     * @param hash {@code sha512-<hex>} or (3.1.0+) {@code sha256-<hex>}
     */
    public record Verification(@Nullable String hash) {
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

        public KernelArguments(@Nullable List<String> shouldExist, @Nullable List<String> shouldNotExist) {
            this.shouldExist = Values.list(shouldExist);
            this.shouldNotExist = Values.list(shouldNotExist);
        }
    }

    /**
     * {@code passwd}.
     *
     * @param groups groups (key: name)
     * @param users users (key: name)
     */
    public record Passwd(List<@Valid PasswdGroup> groups, List<@Valid PasswdUser> users) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Passwd EMPTY = new Passwd(null, null);

        public Passwd(@Nullable List<@Valid PasswdGroup> groups, @Nullable List<@Valid PasswdUser> users) {
            this.groups = Values.list(groups);
            this.users = Values.list(users);
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
    public record PasswdGroup(
            @Nullable Long gid,
            String name,
            @Nullable String passwordHash,
            @Nullable Boolean shouldExist,
            @Nullable Boolean system) {
        public PasswdGroup(
                @Nullable Long gid,
                @Nullable String name,
                @Nullable String passwordHash,
                @Nullable Boolean shouldExist,
                @Nullable Boolean system) {
            this.gid = gid;
            this.name = Values.key(name);
            this.passwordHash = passwordHash;
            this.shouldExist = shouldExist;
            this.system = system;
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
            @Nullable String gecos,
            List<String> groups,
            @Nullable String homeDir,
            String name,
            @Nullable Boolean noCreateHome,
            @Nullable Boolean noLogInit,
            @Nullable Boolean noUserGroup,
            @Nullable String passwordHash,
            @Nullable String primaryGroup,
            List<String> sshAuthorizedKeys,
            @Nullable String shell,
            @Nullable Boolean shouldExist,
            @Nullable Boolean system,
            @Nullable Long uid) {
        public PasswdUser(
                @Nullable String gecos,
                @Nullable List<String> groups,
                @Nullable String homeDir,
                @Nullable String name,
                @Nullable Boolean noCreateHome,
                @Nullable Boolean noLogInit,
                @Nullable Boolean noUserGroup,
                @Nullable String passwordHash,
                @Nullable String primaryGroup,
                @Nullable List<String> sshAuthorizedKeys,
                @Nullable String shell,
                @Nullable Boolean shouldExist,
                @Nullable Boolean system,
                @Nullable Long uid) {
            this.gecos = gecos;
            this.groups = Values.list(groups);
            this.homeDir = homeDir;
            this.name = Values.key(name);
            this.noCreateHome = noCreateHome;
            this.noLogInit = noLogInit;
            this.noUserGroup = noUserGroup;
            this.passwordHash = passwordHash;
            this.primaryGroup = primaryGroup;
            this.sshAuthorizedKeys = Values.list(sshAuthorizedKeys);
            this.shell = shell;
            this.shouldExist = shouldExist;
            this.system = system;
            this.uid = uid;
        }
    }

    // ---------------------------------------------------------------- systemd

    /**
     * {@code systemd}.
     *
     * @param units units (key: name)
     */
    public record Systemd(List<@Valid Unit> units) {
        /** The empty value: every optional field absent, every list empty. */
        public static final Systemd EMPTY = new Systemd(null);

        public Systemd(@Nullable List<@Valid Unit> units) {
            this.units = Values.list(units);
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
            @Nullable String contents,
            List<@Valid Dropin> dropins,
            @Nullable Boolean enabled,
            @Nullable Boolean mask,

            @Pattern(regexp = UNIT_NAME, flags = Pattern.Flag.DOTALL, message = "invalid systemd unit extension")
            String name) {
        public Unit(
                @Nullable String contents,
                @Nullable List<@Valid Dropin> dropins,
                @Nullable Boolean enabled,
                @Nullable Boolean mask,
                @Nullable String name) {
            this.contents = contents;
            this.dropins = Values.list(dropins);
            this.enabled = enabled;
            this.mask = mask;
            this.name = Values.key(name);
        }
    }

    /**
     * A systemd drop-in.
     *
     * @param contents drop-in contents
     * @param name     file name ending in {@code .conf} (key)
     */
    public record Dropin(
            @Nullable String contents,

            @Pattern(
                    regexp = "(.*/)?[^/]*\\.conf",
                    flags = Pattern.Flag.DOTALL,
                    message = "invalid systemd drop-in extension")
            String name) {
        public Dropin(@Nullable String contents, @Nullable String name) {
            this.contents = contents;
            this.name = Values.key(name);
        }
    }

    /** Ignition's GUID form: empty, or 8-4-4-4-12 hex digits. */
    static final String GUID = "|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    static final String GUID_MESSAGE = "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"";

    /** A systemd unit name: a known unit type suffix (unit.go's validateName). */
    static final String UNIT_NAME =
            "(.*/)?[^/]*\\.(service|socket|device|mount|automount|swap|target|path|timer|snapshot|slice|scope)";
}
