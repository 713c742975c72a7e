package dev.coreos4j.testkit;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.builder.UnitBuilder;
import dev.coreos4j.planner.render.MachineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for MachineConfigs ({@link MachineConfig}) as a pool's render controller sees them: fragments
 * with worker, custom or no role labels, small Ignition configs, kernel arguments, extensions, FIPS, kernel types
 * and OS image overrides.
 *
 * <p>The value space is deliberately small so that the interesting cases are frequent, not rare:
 * <ul>
 *   <li>file paths come from a set of five (including {@code /etc/containers/registries.conf}) and unit names
 *       from a set of three, so the same path or unit appears in several MCs of one pool;</li>
 *   <li>roles are {@code worker}, {@code infra} or absent, so custom-role fragments override worker fragments;</li>
 *   <li>about one MC in eight turns FIPS on, one in six asks for {@code realtime} or {@code 64k-pages};</li>
 *   <li>about one in five is empty (no Ignition part, no kernel fields);</li>
 *   <li>about one in ten is controller-generated, about one in eight sets an {@code osImageURL}.</li>
 * </ul>
 * Generated MCs never combine the {@code kernel-devel} extension with a non-default kernel, so every list from
 * {@link #pool()} renders. Every generated Ignition config is valid. Values shrink towards few, empty MCs.
 * All methods are thread-safe and return new arbitraries.
 */
public final class MachineConfigArbitraries {

    /** The file paths generated configs write. */
    public static final List<String> PATHS = List.of(
            "/etc/containers/registries.conf",
            "/etc/containers/policy.json",
            "/etc/motd",
            "/etc/app/app.conf",
            "/etc/sysctl.d/99-app.conf");

    /** The unit names generated configs define. */
    public static final List<String> UNITS = List.of("app.service", "kubelet.service", "backup.timer");

    private MachineConfigArbitraries() {}

    /** A role label value: {@code worker}, {@code infra} or {@code null} (no label). */
    public static Arbitrary<String> roles() {
        return Arbitraries.of("worker", "infra", "none").map(r -> r.equals("none") ? null : r);
    }

    /** A valid Ignition config with up to three files and two units drawn from {@link #PATHS} and {@link #UNITS}. */
    public static Arbitrary<Config> ignitionConfigs() {
        Arbitrary<List<String[]>> files = Combinators.combine(
                        Arbitraries.of(PATHS), Arbitraries.strings().alpha().ofMaxLength(6))
                .as((p, t) -> new String[] {p, t})
                .list()
                .ofMaxSize(3)
                .uniqueElements(a -> a[0]);
        Arbitrary<List<String[]>> units = Combinators.combine(
                        Arbitraries.of(UNITS),
                        Arbitraries.strings().alpha().ofMaxLength(6),
                        Arbitraries.of(true, false))
                .as((u, t, e) -> new String[] {u, t, e.toString()})
                .list()
                .ofMaxSize(2)
                .uniqueElements(a -> a[0]);
        return Combinators.combine(files, units).as((fs, us) -> {
            ConfigBuilder b = ConfigBuilder.create();
            for (String[] f : fs) {
                b.file(FileBuilder.at(f[0]).contents(f[1]));
            }
            for (String[] u : us) {
                b.unit(UnitBuilder.named(u[0])
                        .contents(
                                "[Service]\nExecStart=/bin/echo " + u[1] + "\n[Install]\nWantedBy=multi-user.target\n")
                        .enabled(Boolean.parseBoolean(u[2])));
            }
            return b.build();
        });
    }

    /** One MachineConfig named {@code name}; see the class comment for the distribution. */
    // jqwik's just(T) is not annotated to take null; an absent kernel type or image is null
    @SuppressWarnings("NullAway")
    public static Arbitrary<MachineConfig> machineConfig(String name) {
        Arbitrary<List<String>> kargs = Arbitraries.of("nosmt", "audit=1", "mitigations=off", "hugepages=16")
                .list()
                .ofMaxSize(2);
        Arbitrary<List<String>> extensions = Arbitraries.of("usbguard", "sandboxed-containers", "kerberos")
                .list()
                .ofMaxSize(2);
        Arbitrary<String> kernelType = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("default")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("realtime")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("64k-pages")));
        Arbitrary<String> image = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("quay.io/os@sha256:1", "quay.io/os@sha256:2")));
        Arbitrary<MachineConfig> full = Combinators.combine(
                        roles(),
                        ignitionConfigs(),
                        kargs,
                        extensions,
                        Arbitraries.integers().between(0, 7).withoutEdgeCases(),
                        kernelType,
                        image,
                        Arbitraries.integers().between(0, 9).withoutEdgeCases())
                .as((role, config, k, e, fips, kt, img, gen) -> new MachineConfig(
                        name,
                        role == null ? Map.of() : Map.of(MachineConfig.ROLE_LABEL, role),
                        config,
                        k,
                        e,
                        fips == 0,
                        kt,
                        img,
                        gen == 0));
        Arbitrary<MachineConfig> empty = roles().map(role -> MachineConfig.of(name, role, Config.EMPTY));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, full), net.jqwik.api.Tuple.of(1, empty));
    }

    /**
     * The MachineConfigs one pool selects: 1 to {@code max} MCs with distinct names of the MCO form
     * {@code NN-role-suffix}, in generation order (not merge order).
     *
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public static Arbitrary<List<MachineConfig>> pool(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        return Arbitraries.integers()
                .between(0, 99)
                .list()
                .ofMinSize(1)
                .ofMaxSize(max)
                .uniqueElements()
                .flatMap(numbers -> {
                    List<Arbitrary<MachineConfig>> parts = new ArrayList<>();
                    for (int i = 0; i < numbers.size(); i++) {
                        parts.add(machineConfig(String.format("%02d-mc-%d", numbers.get(i), i)));
                    }
                    return Combinators.combine(parts).as(list -> list);
                });
    }

    /** {@link #pool(int)} with at most six MCs. */
    public static Arbitrary<List<MachineConfig>> pool() {
        return pool(6);
    }
}
