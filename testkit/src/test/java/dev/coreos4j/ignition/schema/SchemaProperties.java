package dev.coreos4j.ignition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated configs, written as every spec version that can express them, are accepted by our schema and by
 * Ignition's upstream schema alike (upstream comparison skipped when {@code ../shared/ignition-schemas} is absent).
 */
class SchemaProperties {

    private static final Map<SpecVersion, Schema> UPSTREAM = new EnumMap<>(SpecVersion.class);

    private static Optional<Schema> upstream(SpecVersion v) {
        Optional<Path> shared = ProjectRoot.shared();
        if (shared.isEmpty() || !Files.isDirectory(shared.get().resolve("ignition-schemas"))) {
            return Optional.empty();
        }
        synchronized (UPSTREAM) {
            return Optional.of(UPSTREAM.computeIfAbsent(v, x -> {
                try {
                    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(Files.readString(
                            shared.get().resolve("ignition-schemas").resolve(x + ".json")), InputFormat.JSON);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

    @Property(tries = 60)
    void writtenConfigs_passOurAndUpstreamSchemas(@ForAll("configs") Config config) {
        Assume.that(Ignition.validate(config).isValid());
        for (SpecVersion v : SpecVersion.stable()) {
            byte[] json;
            try {
                json = Ignition.write(config, v);
            } catch (IgnitionException notRepresentable) {
                continue;
            }
            assertThat(Schemas.check(json, v).errors()).as("ours, %s", v).isEmpty();
            upstream(v).ifPresent(s -> assertThat(s.validate(new String(json, StandardCharsets.UTF_8),
                    InputFormat.JSON)).as("upstream, %s", v).isEmpty());
        }
    }

    @Provide
    Arbitrary<Config> configs() {
        Arbitrary<String> paths = Arbitraries.of("/a", "/b", "/etc/c");
        return Combinators.combine(paths.list().uniqueElements().ofMaxSize(3),
                Arbitraries.of("quiet", "a=1").list().uniqueElements().ofMaxSize(2),
                Arbitraries.of(true, false).injectNull(0.5), Arbitraries.of("gzip", "").injectNull(0.5))
                .as((files, args, enabled, compression) -> new Config(
                        new Config.Ignition(null, null, null, null, "3.6.0"),
                        new Config.KernelArguments(args, null), null,
                        new Config.Storage(null, null, files.stream().map(p -> new Config.File(null, null, p, null,
                                null, new Config.Resource(compression, null, "data:,x", null), 0644L)).toList(),
                                null, null, null, null),
                        new Config.Systemd(java.util.List.of(new Config.Unit(null, null, enabled, null,
                                "x.service")))));
    }
}
