package dev.coreos4j.ignition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Merge laws over generated configs (files/directories/links, units with drop-ins, users, kernel arguments). */
class MergeProperties {

    @Property(tries = 200)
    void merge_withEmptyIsIdentity(@ForAll("configs") Config c) {
        assertThat(Merge.merge(Config.EMPTY, c).config()).isEqualTo(c);
        // an empty child of the same version (a parsed config always has one) changes nothing
        assertThat(Merge.merge(c, Config.EMPTY.withVersion(c.ignition().version())).config()).isEqualTo(c);
        // ignition.version is a non-pointer Go field: the child's value wins even when empty, as in Ignition
        assertThat(Merge.merge(c, Config.EMPTY).config()).isEqualTo(c.withVersion(""));
    }

    @Property(tries = 200)
    void merge_withItselfIsIdentityExceptConcatenatedLists(@ForAll("configs") Config c) {
        Config merged = Merge.merge(c, c).config();
        assertThat(merged.systemd()).isEqualTo(c.systemd());
        assertThat(merged.passwd()).isEqualTo(c.passwd());
        assertThat(merged.kernelArguments()).isEqualTo(c.kernelArguments());
    }

    @Property(tries = 200)
    void merge_childScalarsWin(@ForAll("configs") Config parent, @ForAll("configs") Config child) {
        Config merged = Merge.merge(parent, child).config();
        for (Config.Unit u : child.systemd().units()) {
            Config.Unit m = merged.systemd().units().stream().filter(x -> x.name().equals(u.name())).findFirst()
                    .orElseThrow();
            if (u.enabled() != null) {
                assertThat(m.enabled()).isEqualTo(u.enabled());
            }
            if (u.contents() != null) {
                assertThat(m.contents()).isEqualTo(u.contents());
            }
        }
        for (Config.File f : child.storage().files()) {
            Config.File m = merged.storage().files().stream().filter(x -> x.path().equals(f.path())).findFirst()
                    .orElseThrow();
            if (f.mode() != null) {
                assertThat(m.mode()).isEqualTo(f.mode());
            }
        }
    }

    @Property(tries = 200)
    void merge_keysStayUnique(@ForAll("configs") Config parent, @ForAll("configs") Config child) {
        Config merged = Merge.merge(parent, child).config();
        Set<String> nodes = new HashSet<>();
        merged.storage().files().forEach(f -> assertThat(nodes.add(f.path())).isTrue());
        merged.storage().directories().forEach(d -> assertThat(nodes.add(d.path())).isTrue());
        merged.storage().links().forEach(l -> assertThat(nodes.add(l.path())).isTrue());
        Set<String> args = new HashSet<>();
        merged.kernelArguments().shouldExist().forEach(a -> assertThat(args.add(a)).isTrue());
        merged.kernelArguments().shouldNotExist().forEach(a -> assertThat(args.add(a)).isTrue());
        Set<String> units = new HashSet<>();
        merged.systemd().units().forEach(u -> assertThat(units.add(u.name())).isTrue());
    }

    @Property(tries = 100)
    void transcript_mapsEveryResultNodeToAnExistingSource(@ForAll("configs") Config parent,
                                                          @ForAll("configs") Config child) {
        MergeResult r = Merge.merge(parent, child);
        assertThat(r.transcript().mappings()).allSatisfy(m -> assertThat(m.sourcePath()).startsWith("$"));
        for (int i = 0; i < r.config().storage().files().size(); i++) {
            assertThat(r.transcript().sourcesOf("$.storage.files." + i + ".path")).hasSize(1);
        }
    }

    @Provide
    Arbitrary<Config> configs() {
        Arbitrary<String> paths = Arbitraries.of("/a", "/b", "/c", "/d/e");
        Arbitrary<Long> modes = Arbitraries.of(0644L, 0600L, 0755L).injectNull(0.4);
        Arbitrary<Config.File> files = Combinators.combine(paths, modes, Arbitraries.of("data:,x", "data:,y")
                .injectNull(0.5)).as((p, m, s) -> new Config.File(null, null, p, null, null,
                new Config.Resource(null, null, s, null), m));
        Arbitrary<Config.Directory> dirs = paths.map(p -> new Config.Directory(null, null, p, null, null));
        Arbitrary<Config.Link> links = paths.map(p -> new Config.Link(null, null, p, null, null, "/t"));
        Arbitrary<Config.Unit> units = Combinators.combine(Arbitraries.of("a.service", "b.timer"),
                Arbitraries.of(true, false).injectNull(0.4), Arbitraries.of("[Unit]\n", "[Service]\n").injectNull(0.5),
                Arbitraries.of("1.conf", "2.conf").list().uniqueElements().ofMaxSize(2))
                .as((n, e, c, d) -> new Config.Unit(c, d.stream().map(x -> new Config.Dropin(null, x)).toList(), e,
                        null, n));
        Arbitrary<Config.PasswdUser> users = Combinators.combine(Arbitraries.of("core", "ops"),
                Arbitraries.of("k1", "k2", "k3").list().uniqueElements().ofMaxSize(3))
                .as((n, k) -> new Config.PasswdUser(null, null, null, n, null, null, null, null, null, k, null, null,
                        null, null));
        Arbitrary<List<String>> args = Arbitraries.of("quiet", "a=1", "b=2", "debug").list().uniqueElements()
                .ofMaxSize(4);
        return Combinators.combine(files.list().ofMaxSize(3), dirs.list().ofMaxSize(2), links.list().ofMaxSize(2),
                units.list().uniqueElements(Config.Unit::name).ofMaxSize(2),
                users.list().uniqueElements(Config.PasswdUser::name).ofMaxSize(2), args,
                Arbitraries.integers().between(0, 4)).as((f, d, l, u, us, a, split) -> {
                    Set<String> seen = new HashSet<>();
                    List<Config.File> fs = f.stream().filter(x -> seen.add(x.path())).toList();
                    List<Config.Directory> ds = d.stream().filter(x -> seen.add(x.path())).toList();
                    List<Config.Link> ls = l.stream().filter(x -> seen.add(x.path())).toList();
                    int cut = Math.min(split, a.size());
                    return new Config(new Config.Ignition(null, null, null, null, "3.6.0"),
                            new Config.KernelArguments(a.subList(0, cut), a.subList(cut, a.size())),
                            new Config.Passwd(null, us),
                            new Config.Storage(ds, null, fs, null, ls, null, null), new Config.Systemd(u));
                });
    }
}
