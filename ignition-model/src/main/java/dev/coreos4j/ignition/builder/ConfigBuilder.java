package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a whole {@link Config} (the 3.6.0 model). Part builders ({@link FileBuilder}, {@link UnitBuilder}, …)
 * or ready-made records may be added; {@link #build()} validates the whole config with
 * {@link Ignition#validate(Config)}, so cross-part rules (duplicate paths, files under links, unit/file conflicts)
 * are checked too. Write it for an older spec with {@link Ignition#write(Config, SpecVersion)}.
 *
 * <p>Example:
 * <pre>{@code
 * Config config = ConfigBuilder.create()
 *         .user(UserBuilder.named("core").sshKey("ssh-ed25519 AAAA… me@example.com"))
 *         .file(FileBuilder.at("/etc/motd").contents("Hello\n").mode("0644"))
 *         .unit(UnitBuilder.named("hello.service").enabled(true)
 *                 .contents("[Service]\nExecStart=/usr/bin/echo hi\n[Install]\nWantedBy=multi-user.target\n"))
 *         .build();
 * }</pre>
 * Not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class ConfigBuilder {
    private String version = SpecVersion.latestStable().toString();
    private Config.@Nullable Proxy proxy;
    private Config.@Nullable Resource replace;
    private @Nullable Long httpResponseHeaders;
    private @Nullable Long httpTotal;
    private Config.@Nullable KernelArguments kernelArguments;
    private final List<Config.Resource> merge = new ArrayList<>();
    private final List<Config.Resource> certificateAuthorities = new ArrayList<>();
    private final List<Config.PasswdUser> users = new ArrayList<>();
    private final List<Config.PasswdGroup> groups = new ArrayList<>();
    private final List<Config.File> files = new ArrayList<>();
    private final List<Config.Directory> directories = new ArrayList<>();
    private final List<Config.Link> links = new ArrayList<>();
    private final List<Config.Disk> disks = new ArrayList<>();
    private final List<Config.Raid> raid = new ArrayList<>();
    private final List<Config.Luks> luks = new ArrayList<>();
    private final List<Config.Filesystem> filesystems = new ArrayList<>();
    private final List<Config.Unit> units = new ArrayList<>();

    private ConfigBuilder() {}

    /** A builder for a config of the latest stable spec (3.6.0). */
    public static ConfigBuilder create() {
        return new ConfigBuilder();
    }

    /**
     * A builder for a config of spec {@code version}, stated once: it becomes {@code ignition.version},
     * {@link #build()} rejects whatever that version cannot express, and {@link #buildJson()} writes that version.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public static ConfigBuilder create(SpecVersion version) {
        return new ConfigBuilder().version(version);
    }

    /**
     * A builder holding every part of {@code config}, to change some and build again (also
     * {@link Config#toBuilder()}). The spec version is the config's {@code ignition.version} (the latest stable when
     * it is empty or unknown).
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static ConfigBuilder from(Config config) {
        Objects.requireNonNull(config, "config");
        ConfigBuilder b = new ConfigBuilder();
        Config.Ignition ig = config.ignition();
        b.version = (ig.version() == null
                        ? java.util.Optional.<SpecVersion>empty()
                        : SpecVersion.fromString(ig.version()))
                .orElse(SpecVersion.latestStable())
                .toString();
        b.merge.addAll(ig.config().merge());
        b.replace = ig.config().replace();
        b.proxy = ig.proxy();
        b.certificateAuthorities.addAll(ig.security().tls().certificateAuthorities());
        b.httpResponseHeaders = ig.timeouts().httpResponseHeaders();
        b.httpTotal = ig.timeouts().httpTotal();
        b.kernelArguments = config.kernelArguments();
        b.groups.addAll(config.passwd().groups());
        b.users.addAll(config.passwd().users());
        Config.Storage st = config.storage();
        b.directories.addAll(st.directories());
        b.disks.addAll(st.disks());
        b.files.addAll(st.files());
        b.filesystems.addAll(st.filesystems());
        b.links.addAll(st.links());
        b.luks.addAll(st.luks());
        b.raid.addAll(st.raid());
        b.units.addAll(config.systemd().units());
        return b;
    }

    /**
     * Changes the spec version (default: the latest stable, 3.6.0); prefer stating it once in
     * {@link #create(SpecVersion)}.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public ConfigBuilder version(SpecVersion version) {
        this.version = Objects.requireNonNull(version, "version").toString();
        return this;
    }

    /**
     * Drops every file at {@code path}, so that the next {@link #file} replaces it (editing a config from
     * {@link #from(Config)}).
     *
     * @throws NullPointerException if {@code path} is null
     */
    public ConfigBuilder removeFile(String path) {
        Objects.requireNonNull(path, "path");
        files.removeIf(f -> f.path().equals(path));
        return this;
    }

    /**
     * Drops every unit named {@code name}, so that the next {@link #unit} replaces it.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public ConfigBuilder removeUnit(String name) {
        Objects.requireNonNull(name, "name");
        units.removeIf(u -> u.name().equals(name));
        return this;
    }

    /**
     * Drops every user named {@code name}, so that the next {@link #user} replaces it.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public ConfigBuilder removeUser(String name) {
        Objects.requireNonNull(name, "name");
        users.removeIf(u -> u.name().equals(name));
        return this;
    }

    /** Adds an {@code ignition.config.merge} reference. */
    public ConfigBuilder mergeConfig(Config.Resource reference) {
        merge.add(reference);
        return this;
    }

    /** Adds an {@code ignition.config.merge} reference. */
    public ConfigBuilder mergeConfig(ResourceBuilder reference) {
        return mergeConfig(reference.buildUnchecked());
    }

    /** Sets {@code ignition.config.replace}. */
    public ConfigBuilder replaceConfig(Config.Resource reference) {
        this.replace = reference;
        return this;
    }

    /** Adds a CA bundle to {@code ignition.security.tls.certificateAuthorities}. */
    public ConfigBuilder certificateAuthority(Config.Resource bundle) {
        certificateAuthorities.add(bundle);
        return this;
    }

    /** Adds a CA bundle to {@code ignition.security.tls.certificateAuthorities}. */
    public ConfigBuilder certificateAuthority(ResourceBuilder bundle) {
        return certificateAuthority(bundle.buildUnchecked());
    }

    /** Sets {@code ignition.proxy}. */
    public ConfigBuilder proxy(ProxyBuilder proxy) {
        this.proxy = proxy.build();
        return this;
    }

    /** {@code ignition.timeouts} in seconds (null = Ignition's default). */
    public ConfigBuilder timeouts(Long httpResponseHeaders, Long httpTotal) {
        this.httpResponseHeaders = httpResponseHeaders;
        this.httpTotal = httpTotal;
        return this;
    }

    /** Sets {@code kernelArguments} (spec 3.3.0+). */
    public ConfigBuilder kernelArguments(KernelArgumentsBuilder arguments) {
        this.kernelArguments = arguments.build();
        return this;
    }

    /** Adds a user to {@code passwd.users}. */
    public ConfigBuilder user(UserBuilder user) {
        return user(user.build());
    }

    /** Adds a user to {@code passwd.users}. */
    public ConfigBuilder user(Config.PasswdUser user) {
        users.add(user);
        return this;
    }

    /** Adds a group to {@code passwd.groups}. */
    public ConfigBuilder group(GroupBuilder group) {
        groups.add(group.build());
        return this;
    }

    /** Adds a file to {@code storage.files}. */
    public ConfigBuilder file(FileBuilder file) {
        return file(file.build());
    }

    /** Adds a file to {@code storage.files}. */
    public ConfigBuilder file(Config.File file) {
        files.add(file);
        return this;
    }

    /** Adds a directory to {@code storage.directories}. */
    public ConfigBuilder directory(DirectoryBuilder directory) {
        directories.add(directory.build());
        return this;
    }

    /** Adds a link to {@code storage.links}. */
    public ConfigBuilder link(LinkBuilder link) {
        links.add(link.build());
        return this;
    }

    /** Adds a disk to {@code storage.disks}. */
    public ConfigBuilder disk(DiskBuilder disk) {
        disks.add(disk.build());
        return this;
    }

    /** Adds a RAID array to {@code storage.raid}. */
    public ConfigBuilder raid(RaidBuilder array) {
        raid.add(array.build());
        return this;
    }

    /** Adds a LUKS volume to {@code storage.luks} (spec 3.2.0+). */
    public ConfigBuilder luks(LuksBuilder volume) {
        luks.add(volume.build());
        return this;
    }

    /** Adds a filesystem to {@code storage.filesystems}. */
    public ConfigBuilder filesystem(FilesystemBuilder filesystem) {
        filesystems.add(filesystem.build());
        return this;
    }

    /** Adds a unit to {@code systemd.units}. */
    public ConfigBuilder unit(UnitBuilder unit) {
        return unit(unit.build());
    }

    /** Adds a unit to {@code systemd.units}. */
    public ConfigBuilder unit(Config.Unit unit) {
        units.add(unit);
        return this;
    }

    /** The config without validation (for tests and deliberately broken examples). */
    public Config buildUnchecked() {
        return new Config(
                new Config.Ignition(
                        new Config.IgnitionConfig(merge, replace),
                        proxy,
                        new Config.Security(new Config.Tls(certificateAuthorities)),
                        new Config.Timeouts(httpResponseHeaders, httpTotal),
                        version),
                kernelArguments,
                new Config.Passwd(groups, users),
                new Config.Storage(directories, disks, files, filesystems, links, luks, raid),
                new Config.Systemd(units));
    }

    /**
     * The config, validated as a whole under the rules of the chosen spec version, and checked to be expressible
     * in it: a field or value the version lacks (a 3.6.0-only field in a 3.4.0 config, setuid bits before 3.6.0)
     * fails here, with its JSON path, not later in {@link Ignition#write}.
     *
     * @throws IgnitionException carrying the full report when there is any error (warnings are allowed)
     */
    public Config build() {
        Config config = buildUnchecked();
        Report report = Ignition.validate(config);
        if (!report.isValid()) {
            throw new IgnitionException("invalid config", report);
        }
        SpecVersion spec = SpecVersion.fromString(version).orElseThrow();
        if (!spec.isExperimental() && spec != SpecVersion.latestStable()) {
            try {
                Ignition.write(config, spec);
            } catch (IgnitionException e) {
                throw new IgnitionException("config not expressible in spec " + spec, e.report());
            }
        }
        return config;
    }

    /**
     * {@link #build()}, written as the chosen spec version ({@link Ignition#write(Config, SpecVersion)}).
     *
     * @throws IgnitionException carrying the full report when the config is invalid or not expressible
     */
    public byte[] buildJson() {
        Config config = build();
        return Ignition.write(config, SpecVersion.fromString(version).orElseThrow());
    }
}
