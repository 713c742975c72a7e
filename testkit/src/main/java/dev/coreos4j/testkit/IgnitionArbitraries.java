package dev.coreos4j.testkit;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.builder.Contents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for Ignition configs: configs valid by construction for a spec version, configs drawn from a
 * small key space (so two draws overlap, for merge laws), and "almost valid" configs with exactly one rule broken.
 * Configs are typed {@link Config} values whose {@code ignition.version} is the generated version; write them as
 * JSON with {@link Ignition#write(Config, SpecVersion)}. Everything shrinks towards the empty config of the version.
 * Stateless; each method returns a new arbitrary.
 *
 * <p>Valid by construction: only fields the version has (HTTP headers and proxies from 3.1.0, user/group
 * {@code shouldExist} from 3.2.0, kernel arguments from 3.3.0); unique keys (paths, unit and drop-in names, user
 * and group names, kernel arguments, partition labels); consistent paths (files, directories and links each in
 * their own subtree, so no path repeats and nothing lies below a link); unit names with valid suffixes and
 * contents that parse, with an {@code [Install]} section whenever the unit is enabled; {@code overwrite} only with
 * a contents source; verification hashes of the right size.
 */
public final class IgnitionArbitraries {

    private IgnitionArbitraries() {}

    private static final String SHA512_OF_HELLO = Contents.sha512("hello\n".getBytes(StandardCharsets.UTF_8));

    private static boolean atLeast(SpecVersion v, SpecVersion since) {
        return v.compareTo(since) >= 0;
    }

    private static Arbitrary<String> segments() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        8,
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withChars('-', '_', '.')
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .filter(s -> !s.equals(".") && !s.equals("..") && !s.startsWith("."))),
                Tuple.of(1, Arbitraries.of("caf\u00e9", "\u65e5\u672c", "\uD83D\uDE00", "na\u00efve", "\u0416")));
    }

    private static Arbitrary<Long> modes() {
        return Arbitraries.longs().between(0, 0777).injectNull(0.3).edgeCases(c -> c.add(0644L, 0755L, 0600L));
    }

    private static Arbitrary<Config.NodeUser> nodeUsers() {
        return Arbitraries.oneOf(
                Arbitraries.just(Config.NodeUser.EMPTY),
                Arbitraries.just(new Config.NodeUser(0L, null)),
                Arbitraries.longs().between(1, 65000).map(id -> new Config.NodeUser(id, null)),
                Arbitraries.of("core", "root", "app").map(n -> new Config.NodeUser(null, n)));
    }

    private static Arbitrary<Config.NodeGroup> nodeGroups() {
        return Arbitraries.oneOf(
                Arbitraries.just(Config.NodeGroup.EMPTY),
                Arbitraries.longs().between(0, 65000).map(id -> new Config.NodeGroup(id, null)),
                Arbitraries.of("wheel", "app").map(n -> new Config.NodeGroup(null, n)));
    }

    private static Arbitrary<Config.Resource> remote(SpecVersion v) {
        Arbitrary<List<Config.HttpHeader>> headers = atLeast(v, SpecVersion.V3_1_0)
                ? Arbitraries.of(
                        List.<Config.HttpHeader>of(),
                        List.of(new Config.HttpHeader("Authorization", "Bearer tk")),
                        List.of(new Config.HttpHeader("X-Trace", "1"), new Config.HttpHeader("Accept", "*/*")))
                : Arbitraries.just(List.of());
        return Combinators.combine(
                        Arbitraries.of("https://example.com/", "http://mirror.example.org/files/"),
                        segments(),
                        headers,
                        Arbitraries.of(true, false),
                        Arbitraries.of("", "gzip").injectNull(0.6))
                .as((base, name, h, verify, compression) -> new Config.Resource(
                        compression, h, base + name, verify ? new Config.Verification(SHA512_OF_HELLO) : null));
    }

    private static Arbitrary<Config.Resource> inline() {
        Arbitrary<byte[]> data = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100),
                Arbitraries.of("[Unit]\nDescription=x\n", "#!/bin/sh\necho hello\n", "127.0.0.1 localhost\n")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return data.map(Contents::inline);
    }

    private static Arbitrary<Config.Resource> contents(SpecVersion v) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Config.Resource.EMPTY)), Tuple.of(5, inline()), Tuple.of(2, remote(v)));
    }

    private static Arbitrary<String> subpath() {
        return segments().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    }

    private static Arbitrary<Config.File> file(SpecVersion v) {
        return Combinators.combine(
                        nodeGroups(),
                        Arbitraries.of(true, false).injectNull(0.5),
                        subpath(),
                        nodeUsers(),
                        inline().list().ofMaxSize(2),
                        contents(v),
                        modes())
                .as((g, ow, p, u, append, res, mode) -> new Config.File(
                        g, (res.source() == null && Boolean.TRUE.equals(ow)) ? null : ow, p, u, append, res, mode));
    }

    private static Arbitrary<Config.Directory> directory() {
        return Combinators.combine(
                        nodeGroups(), Arbitraries.of(true, false).injectNull(0.7), subpath(), nodeUsers(), modes())
                .as(Config.Directory::new);
    }

    private static Arbitrary<Config.Link> link() {
        return Combinators.combine(
                        Arbitraries.of(false).injectNull(0.5),
                        subpath(),
                        nodeUsers(),
                        Arbitraries.of("/usr/share/zoneinfo/UTC", "../lib/target", "/dev/null", "relative"))
                .as((hard, p, u, target) -> new Config.Link(null, null, p, u, hard, target));
    }

    @SuppressWarnings("StringConcatToTextBlock") // one line per unit-file section, as systemd reads it
    private static final String UNIT_TEMPLATE = "[Unit]\nDescription=%s\n\n[Service]\nType=oneshot\n"
            + "ExecStart=/usr/bin/echo %s\n\n[Install]\nWantedBy=multi-user.target\n";

    private static Arbitrary<Config.Unit> unit() {
        Arbitrary<String> suffix = Arbitraries.of("service", "timer", "socket", "path", "target", "slice")
                .edgeCases(c -> c.add("service"));
        Arbitrary<Config.Dropin> dropin = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(6),
                        Arbitraries.of(true, false))
                .as((n, withContents) -> new Config.Dropin(
                        withContents ? "[Service]\nEnvironment=TK=" + n + "\n" : null, "10-" + n + ".conf"));
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withChars('-')
                                .ofMinLength(1)
                                .ofMaxLength(10),
                        suffix,
                        Arbitraries.of(true, false),
                        dropin.list().ofMaxSize(2).uniqueElements(Config.Dropin::name),
                        Arbitraries.of(true, false).injectNull(0.4),
                        Arbitraries.of(true).injectNull(0.9))
                .as((n, sfx, withContents, dropins, enabled, mask) -> new Config.Unit(
                        withContents ? String.format(UNIT_TEMPLATE, n, n) : null,
                        dropins,
                        withContents ? enabled : null,
                        withContents ? null : mask,
                        n + "." + sfx));
    }

    private static Arbitrary<Config.PasswdUser> user(SpecVersion v) {
        Arbitrary<List<String>> keys = Arbitraries.of(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9r core@tk",
                        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 ops@tk",
                        "ecdsa-sha2-nistp256 AAAAE2VjZHNh admin")
                .list()
                .uniqueElements()
                .ofMaxSize(3);
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(8),
                        keys,
                        Arbitraries.of(List.<String>of(), List.of("wheel"), List.of("wheel", "sudo", "docker")),
                        Arbitraries.longs().between(1000, 60000).injectNull(0.5),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false).injectNull(0.8))
                .as((name, k, groups, uid, full, exists) -> full
                        ? new Config.PasswdUser(
                                "Test user " + name,
                                groups,
                                "/home/" + name,
                                name,
                                null,
                                null,
                                null,
                                "$6$rounds=4096$salt$hash",
                                null,
                                k,
                                "/bin/bash",
                                atLeast(v, SpecVersion.V3_2_0) ? exists : null,
                                null,
                                uid)
                        : new Config.PasswdUser(
                                null, groups, null, name, null, null, null, null, null, k, null, null, null, uid));
    }

    private static Arbitrary<Config.PasswdGroup> group() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .map(s -> "g" + s),
                        Arbitraries.longs().between(1000, 60000).injectNull(0.5))
                .as((n, gid) -> new Config.PasswdGroup(gid, n, null, null, null));
    }

    private static Arbitrary<Config.Storage> storage(SpecVersion v) {
        return Combinators.combine(
                        file(v).list().ofMaxSize(5),
                        directory().list().ofMaxSize(3),
                        link().list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of("xfs", "ext4", "vfat"))
                .as((files, dirs, links, partitions, format) -> {
                    // each kind in its own subtree, each node under its own numbered directory: unique paths and
                    // nothing below a link by construction
                    List<Config.File> fs = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        Config.File f = files.get(i);
                        fs.add(new Config.File(
                                f.group(),
                                f.overwrite(),
                                "/etc/tk/f" + i + "/" + f.path(),
                                f.user(),
                                f.append(),
                                f.contents(),
                                f.mode()));
                    }
                    List<Config.Directory> ds = new ArrayList<>();
                    for (int i = 0; i < dirs.size(); i++) {
                        Config.Directory d = dirs.get(i);
                        ds.add(new Config.Directory(
                                d.group(), d.overwrite(), "/var/lib/tk/d" + i + "/" + d.path(), d.user(), d.mode()));
                    }
                    List<Config.Link> ls = new ArrayList<>();
                    for (int i = 0; i < links.size(); i++) {
                        Config.Link l = links.get(i);
                        ls.add(new Config.Link(
                                l.group(),
                                l.overwrite(),
                                "/opt/tk/l" + i + "/" + l.path(),
                                l.user(),
                                l.hard(),
                                l.target()));
                    }
                    List<Config.Disk> disks = new ArrayList<>();
                    List<Config.Filesystem> filesystems = new ArrayList<>();
                    if (partitions > 0) {
                        List<Config.Partition> ps = new ArrayList<>();
                        for (int i = 0; i < partitions; i++) {
                            ps.add(new Config.Partition(
                                    null,
                                    "tk-data-" + i,
                                    i + 1,
                                    null,
                                    null,
                                    i == partitions - 1 ? 0L : 512L,
                                    null,
                                    null,
                                    null));
                            filesystems.add(new Config.Filesystem(
                                    "/dev/disk/by-partlabel/tk-data-" + i,
                                    format,
                                    "data" + i,
                                    List.of(),
                                    List.of(),
                                    "/var/tk" + i,
                                    null,
                                    true));
                        }
                        disks.add(new Config.Disk("/dev/vdb", ps, true));
                    }
                    return new Config.Storage(ds, disks, fs, filesystems, ls, null, null);
                });
    }

    private static Arbitrary<Config.Ignition> ignitionSection(SpecVersion v) {
        Arbitrary<Config.Proxy> proxy = atLeast(v, SpecVersion.V3_1_0)
                ? Arbitraries.of(
                        Config.Proxy.EMPTY,
                        new Config.Proxy(
                                "http://proxy.example.com:3128",
                                "https://proxy.example.com:3129",
                                List.of("example.org", ".internal")))
                : Arbitraries.just(Config.Proxy.EMPTY);
        return Combinators.combine(
                        proxy,
                        Arbitraries.longs().between(0, 600).injectNull(0.6),
                        Arbitraries.longs().between(1, 60).injectNull(0.7))
                .as((p, total, headers) ->
                        new Config.Ignition(null, p, null, new Config.Timeouts(headers, total), v.toString()));
    }

    /**
     * Configs valid by construction for {@code version} (see the class comment), with files (inline data URLs,
     * remote https/http sources with sha512 verification and, from 3.1.0, HTTP headers), directories, links, systemd
     * units with drop-ins, users with SSH keys, groups, a disk with partitions and filesystems, timeouts, proxies
     * (3.1.0+) and kernel arguments (3.3.0+). Edge cases: the empty config, a config with every supported optional
     * field set, unicode paths and a deeply nested path. Shrinks towards the empty config.
     *
     * @param version a stable spec version
     * @throws IllegalArgumentException for the experimental version
     */
    public static Arbitrary<Config> validConfigs(SpecVersion version) {
        Objects.requireNonNull(version, "version");
        if (version.isExperimental()) {
            throw new IllegalArgumentException("stable versions only: " + version);
        }
        Arbitrary<Config.KernelArguments> kargs = atLeast(version, SpecVersion.V3_3_0)
                ? Combinators.combine(
                                Arbitraries.of(
                                                "quiet",
                                                "mitigations=auto",
                                                "console=ttyS0",
                                                "nosmt",
                                                "a=1",
                                                "systemd.unified_cgroup_hierarchy=1")
                                        .list()
                                        .uniqueElements()
                                        .ofMaxSize(4),
                                Arbitraries.integers().between(0, 4))
                        .as((args, cut) -> new Config.KernelArguments(
                                args.subList(0, Math.min(cut, args.size())),
                                args.subList(Math.min(cut, args.size()), args.size())))
                : Arbitraries.just(Config.KernelArguments.EMPTY);
        Arbitrary<Config> normal = Combinators.combine(
                        ignitionSection(version),
                        kargs,
                        user(version).list().ofMaxSize(3).uniqueElements(Config.PasswdUser::name),
                        group().list().ofMaxSize(2).uniqueElements(Config.PasswdGroup::name),
                        storage(version),
                        unit().list().ofMaxSize(4).uniqueElements(Config.Unit::name))
                .as((ign, k, users, groups, storage, units) ->
                        new Config(ign, k, new Config.Passwd(groups, users), storage, new Config.Systemd(units)));
        return normal.edgeCases(
                c -> c.add(Config.EMPTY.withVersion(version.toString()), everyField(version), unicodeAndDeep(version)));
    }

    /** Configs valid by construction for any stable version (the version is part of the value). */
    public static Arbitrary<Config> validConfigs() {
        // no edge cases for the choice itself: they would skew runs towards the first and last version
        return Arbitraries.of(SpecVersion.stable()).withoutEdgeCases().flatMap(IgnitionArbitraries::validConfigs);
    }

    /** A config with every optional field this generator knows set, for {@code version}. */
    static Config everyField(SpecVersion v) {
        boolean v31 = atLeast(v, SpecVersion.V3_1_0);
        Config.Resource remote = new Config.Resource(
                "gzip",
                v31 ? List.of(new Config.HttpHeader("Authorization", "Bearer tk")) : List.of(),
                "https://example.com/blob.gz",
                new Config.Verification(SHA512_OF_HELLO));
        Config.File f = new Config.File(
                new Config.NodeGroup(null, "wheel"),
                true,
                "/etc/tk/every/file",
                new Config.NodeUser(null, "core"),
                List.of(Contents.inline("appended\n")),
                remote,
                0640L);
        Config.Directory d = new Config.Directory(
                new Config.NodeGroup(10L, null), false, "/var/lib/tk/every", new Config.NodeUser(1000L, null), 0750L);
        Config.Link l = new Config.Link(
                new Config.NodeGroup(0L, null),
                true,
                "/opt/tk/every/link",
                new Config.NodeUser(0L, null),
                false,
                "/usr/share/zoneinfo/UTC");
        Config.Unit u = new Config.Unit(
                String.format(UNIT_TEMPLATE, "every", "every"),
                List.of(new Config.Dropin("[Service]\nEnvironment=A=1\n", "10-a.conf")),
                true,
                null,
                "every.service");
        Config.Unit masked = new Config.Unit(null, null, null, true, "masked.service");
        Config.PasswdUser user = new Config.PasswdUser(
                "Every Field",
                List.of("wheel"),
                "/home/every",
                "every",
                true,
                true,
                false,
                "$6$rounds=4096$salt$hash",
                "wheel",
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 every"),
                "/bin/bash",
                atLeast(v, SpecVersion.V3_2_0) ? Boolean.TRUE : null,
                false,
                1500L);
        Config.PasswdGroup group = new Config.PasswdGroup(
                1500L, "gevery", "$6$salt$hash", atLeast(v, SpecVersion.V3_2_0) ? Boolean.TRUE : null, false);
        Config.Partition p = new Config.Partition(
                "0FC63DAF-8483-4772-8E79-3D69D8477DE4",
                "tk-every",
                1,
                atLeast(v, SpecVersion.V3_2_0) ? Boolean.FALSE : null,
                true,
                1024L,
                0L,
                "0FC63DAF-8483-4772-8E79-3D69D8477DE4",
                false);
        Config.Filesystem fs = new Config.Filesystem(
                "/dev/disk/by-partlabel/tk-every",
                "xfs",
                "every",
                v31 ? List.of("noatime") : List.of(),
                List.of("-m", "crc=1"),
                "/var/every",
                "8A3A0F3C-4D8E-4E2B-9F2B-1C2D3E4F5A6B",
                true);
        Config.Ignition ign = new Config.Ignition(
                null,
                v31
                        ? new Config.Proxy(
                                "http://proxy.example.com:3128",
                                "https://proxy.example.com:3129",
                                List.of("example.org"))
                        : null,
                null,
                new Config.Timeouts(10L, 600L),
                v.toString());
        Config.KernelArguments k =
                atLeast(v, SpecVersion.V3_3_0) ? new Config.KernelArguments(List.of("quiet"), List.of("debug")) : null;
        return new Config(
                ign,
                k,
                new Config.Passwd(List.of(group), List.of(user)),
                new Config.Storage(
                        List.of(d),
                        List.of(new Config.Disk("/dev/vdb", List.of(p), true)),
                        List.of(f),
                        List.of(fs),
                        List.of(l),
                        null,
                        null),
                new Config.Systemd(List.of(u, masked)));
    }

    /** Unicode path segments and a 40-level path. */
    static Config unicodeAndDeep(SpecVersion v) {
        String deep = "/etc/tk/deep/" + String.join("/", java.util.Collections.nCopies(40, "d")) + "/leaf";
        return new Config(
                new Config.Ignition(null, null, null, null, v.toString()),
                null,
                null,
                new Config.Storage(
                        List.of(new Config.Directory(null, null, "/var/lib/tk/caf\u00e9/\u65e5\u672c", null, 0755L)),
                        null,
                        List.of(
                                new Config.File(
                                        null,
                                        null,
                                        "/etc/tk/\uD83D\uDE00/na\u00efve.conf",
                                        null,
                                        null,
                                        Contents.inline("unicode \u2603\n"),
                                        0644L),
                                new Config.File(null, null, deep, null, null, Contents.inline(""), null)),
                        null,
                        null,
                        null,
                        null),
                null);
    }

    /**
     * Valid 3.6.0 configs drawn from a small key space: paths among {@code /a /b /c /d/e}, units {@code a.service}
     * and {@code b.timer}, users {@code core} and {@code ops}, four kernel arguments. Two draws usually share keys,
     * which is what merge laws need ({@link IgnitionLaws}).
     */
    public static Arbitrary<Config> overlappingConfigs() {
        Arbitrary<String> paths = Arbitraries.of("/a", "/b", "/c", "/d/e");
        Arbitrary<Long> modes = Arbitraries.of(0644L, 0600L, 0755L).injectNull(0.4);
        Arbitrary<Config.File> files = Combinators.combine(
                        paths, modes, Arbitraries.of("data:,x", "data:,y").injectNull(0.5))
                .as((p, m, s) ->
                        new Config.File(null, null, p, null, null, new Config.Resource(null, null, s, null), m));
        Arbitrary<Config.Directory> dirs = paths.map(p -> new Config.Directory(null, null, p, null, null));
        Arbitrary<Config.Link> links = paths.map(p -> new Config.Link(null, null, p, null, null, "/t"));
        Arbitrary<Config.Unit> units = Combinators.combine(
                        Arbitraries.of("a.service", "b.timer"),
                        Arbitraries.of(true, false).injectNull(0.4),
                        Arbitraries.of("[Unit]\n", "[Service]\n").injectNull(0.5),
                        Arbitraries.of("1.conf", "2.conf")
                                .list()
                                .uniqueElements()
                                .ofMaxSize(2))
                .as((n, e, c, d) -> new Config.Unit(
                        c, d.stream().map(x -> new Config.Dropin(null, x)).toList(), e, null, n));
        Arbitrary<Config.PasswdUser> users = Combinators.combine(
                        Arbitraries.of("core", "ops"),
                        Arbitraries.of("k1", "k2", "k3").list().uniqueElements().ofMaxSize(3))
                .as((n, k) -> new Config.PasswdUser(
                        null, null, null, n, null, null, null, null, null, k, null, null, null, null));
        Arbitrary<List<String>> args = Arbitraries.of("quiet", "a=1", "b=2", "debug")
                .list()
                .uniqueElements()
                .ofMaxSize(4);
        return Combinators.combine(
                        files.list().ofMaxSize(3),
                        dirs.list().ofMaxSize(2),
                        links.list().ofMaxSize(2),
                        units.list().uniqueElements(Config.Unit::name).ofMaxSize(2),
                        users.list().uniqueElements(Config.PasswdUser::name).ofMaxSize(2),
                        args,
                        Arbitraries.integers().between(0, 4))
                .as((f, d, l, u, us, a, split) -> {
                    Set<String> seen = new HashSet<>();
                    List<Config.File> fs =
                            f.stream().filter(x -> seen.add(x.path())).toList();
                    List<Config.Directory> ds =
                            d.stream().filter(x -> seen.add(x.path())).toList();
                    List<Config.Link> ls =
                            l.stream().filter(x -> seen.add(x.path())).toList();
                    int cut = Math.min(split, a.size());
                    return new Config(
                            new Config.Ignition(null, null, null, null, "3.6.0"),
                            new Config.KernelArguments(a.subList(0, cut), a.subList(cut, a.size())),
                            new Config.Passwd(null, us),
                            new Config.Storage(ds, null, fs, null, ls, null, null),
                            new Config.Systemd(u));
                });
    }

    /**
     * A config of {@link #validConfigs(SpecVersion)} with exactly one {@link IgnitionRule} broken (every rule is
     * reachable for every version), as JSON text (and as a model value where the model can express the break),
     * with the report code and JSON path a validator must give it. The break is added as a new element (a new
     * file, link or unit) or a textual change, so the rest of the config stays valid.
     *
     * @param version a stable spec version
     */
    public static Arbitrary<AlmostValidConfig> almostValidConfigs(SpecVersion version) {
        return Combinators.combine(Arbitraries.of(IgnitionRule.values()).withoutEdgeCases(), validConfigs(version))
                .as((rule, c) -> AlmostValidConfigs.breakRule(version, rule, c));
    }

    /** {@link #almostValidConfigs(SpecVersion)} over every stable version. */
    public static Arbitrary<AlmostValidConfig> almostValidConfigs() {
        return Arbitraries.of(SpecVersion.stable()).withoutEdgeCases().flatMap(IgnitionArbitraries::almostValidConfigs);
    }
}
