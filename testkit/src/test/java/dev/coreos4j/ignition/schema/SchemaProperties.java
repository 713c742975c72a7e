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
import dev.coreos4j.testkit.IgnitionArbitraries;
import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
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
                    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                            .getSchema(
                                    Files.readString(shared.get()
                                            .resolve("ignition-schemas")
                                            .resolve(x + ".json")),
                                    InputFormat.JSON);
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
            upstream(v)
                    .ifPresent(s -> assertThat(s.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON))
                            .as("upstream, %s", v)
                            .isEmpty());
        }
    }

    /** Valid configs of every stable version (the testkit's generator). */
    @Provide
    Arbitrary<Config> configs() {
        return IgnitionArbitraries.validConfigs();
    }
}
