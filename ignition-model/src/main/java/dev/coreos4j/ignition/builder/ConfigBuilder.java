package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import java.util.ArrayList;
import java.util.List;

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
    private Config.Proxy proxy;
    private Config.Resource replace;
    private Long httpResponseHeaders;
    private Long httpTotal;
    private Config.KernelArguments kernelArguments;
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

    /** A builder for a 3.6.0 config. */
    public static ConfigBuilder create() {
        return new ConfigBuilder();
    }

    /** Overrides {@code ignition.version} (default: the latest stable, 3.6.0). */
    public ConfigBuilder version(SpecVersion version) {
        this.version = version.toString();
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

    public ConfigBuilder kernelArguments(KernelArgumentsBuilder arguments) {
        this.kernelArguments = arguments.build();
        return this;
    }

    public ConfigBuilder user(UserBuilder user) {
        return user(user.build());
    }

    public ConfigBuilder user(Config.PasswdUser user) {
        users.add(user);
        return this;
    }

    public ConfigBuilder group(GroupBuilder group) {
        groups.add(group.build());
        return this;
    }

    public ConfigBuilder file(FileBuilder file) {
        return file(file.build());
    }

    public ConfigBuilder file(Config.File file) {
        files.add(file);
        return this;
    }

    public ConfigBuilder directory(DirectoryBuilder directory) {
        directories.add(directory.build());
        return this;
    }

    public ConfigBuilder link(LinkBuilder link) {
        links.add(link.build());
        return this;
    }

    public ConfigBuilder disk(DiskBuilder disk) {
        disks.add(disk.build());
        return this;
    }

    public ConfigBuilder raid(RaidBuilder array) {
        raid.add(array.build());
        return this;
    }

    public ConfigBuilder luks(LuksBuilder volume) {
        luks.add(volume.build());
        return this;
    }

    public ConfigBuilder filesystem(FilesystemBuilder filesystem) {
        filesystems.add(filesystem.build());
        return this;
    }

    public ConfigBuilder unit(UnitBuilder unit) {
        return unit(unit.build());
    }

    public ConfigBuilder unit(Config.Unit unit) {
        units.add(unit);
        return this;
    }

    /** The config without validation (for tests and deliberately broken examples). */
    public Config buildUnchecked() {
        return new Config(
                new Config.Ignition(new Config.IgnitionConfig(merge, replace), proxy,
                        new Config.Security(new Config.Tls(certificateAuthorities)),
                        new Config.Timeouts(httpResponseHeaders, httpTotal), version),
                kernelArguments, new Config.Passwd(groups, users),
                new Config.Storage(directories, disks, files, filesystems, links, luks, raid),
                new Config.Systemd(units));
    }

    /**
     * The config, validated as a whole.
     *
     * @throws IgnitionException carrying the full report when there is any error (warnings are allowed)
     */
    public Config build() {
        Config config = buildUnchecked();
        Report report = Ignition.validate(config);
        if (!report.isValid()) {
            throw new IgnitionException("invalid config", report);
        }
        return config;
    }
}
