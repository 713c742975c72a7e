package dev.coreos4j.ignition.internal.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.Decoder;
import dev.coreos4j.ignition.internal.GoJson;
import dev.coreos4j.ignition.internal.JNode;
import dev.coreos4j.ignition.internal.Positions;
import dev.coreos4j.ignition.internal.Versions;
import dev.coreos4j.testsupport.ProjectRoot;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldChecks} reads the model's Jakarta Validation annotations exactly as a Bean Validation provider does:
 * Hibernate Validator (test scope only) validates the same decoded configs and must find the same messages at the
 * same paths, on every config of the shared corpus and on probes that break every annotated field. This is also the
 * proof that a user's own validator enforces the annotations the model carries.
 */
class FieldChecksTest {

    private static ValidatorFactory factory;
    private static Validator hibernate;

    @BeforeAll
    static void bootHibernateValidator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        hibernate = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** Hibernate Validator's violations as path -> sorted messages. */
    private static Map<String, List<String>> byHibernate(Config config) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ConstraintViolation<Config> v : hibernate.validate(config)) {
            out.computeIfAbsent(jsonPath(v.getPropertyPath()), k -> new ArrayList<>())
                    .add(v.getMessage());
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static Map<String, List<String>> ours(Config config) {
        Map<String, List<String>> out = new TreeMap<>();
        FieldChecks.of(config)
                .all()
                .forEach((k, v) -> out.put(k, v.stream().sorted().toList()));
        return out;
    }

    private static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder("$");
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('.').append(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                out.append('.').append(node.getName());
            }
        }
        return out.toString();
    }

    /** The decoded (not yet validated) config of a document, or null when it never gets that far. */
    private static Config decode(byte[] raw) {
        try {
            JNode root = GoJson.parse(raw);
            Versions.Semver semver = Versions.parseSemver(Versions.stubVersion(root));
            SpecVersion version = semver == null ? null : Versions.match(semver);
            return version == null
                    ? null
                    : Decoder.decode(root, version, new Positions(raw)).config();
        } catch (GoJson.SyntaxError | Decoder.TypeError e) {
            return null;
        }
    }

    @Test
    void corpus_sameViolationsAsHibernateValidator() throws IOException {
        int compared = 0;
        int withViolations = 0;
        try (Stream<java.nio.file.Path> files = Files.walk(ProjectRoot.corpus("ignition"))) {
            for (java.nio.file.Path file : files.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expect.json"))
                    .sorted()
                    .toList()) {
                Config config = decode(Files.readAllBytes(file));
                if (config == null) {
                    continue;
                }
                Map<String, List<String>> expected = byHibernate(config);
                assertThat(ours(config)).as("%s", file).isEqualTo(expected);
                compared++;
                withViolations += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(withViolations).isGreaterThan(100);
    }

    @Test
    void probes_everyAnnotatedFieldBroken_sameViolationsAsHibernateValidator() {
        String longLabel = "\u00e9".repeat(19); // 19 characters, 38 UTF-8 bytes
        String json = "{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"data:,\","
                + "\"compression\":\"xz\",\"httpHeaders\":[{\"name\":\"\",\"value\":\"\"}]}],"
                + "\"replace\":{\"compression\":\"bz2\"}},\"security\":{\"tls\":{\"certificateAuthorities\":"
                + "[{\"compression\":\"lz\"}]}}},"
                + "\"storage\":{\"directories\":[{\"path\":\"rel\",\"mode\":-1},{\"path\":\"/a/../b\",\"mode\":4096}],"
                + "\"files\":[{\"path\":\"\",\"mode\":99999,\"contents\":{\"compression\":\"zip\"},"
                + "\"append\":[{\"compression\":\"7z\"}]}],"
                + "\"links\":[{\"path\":\"x\"}],"
                + "\"disks\":[{\"device\":\"/dev/sda\",\"partitions\":[{\"label\":\"" + longLabel + ":x\","
                + "\"guid\":\"nope\",\"typeGuid\":\"1234\"},{\"label\":\"a:b\"}]}],"
                + "\"filesystems\":[{\"device\":\"/dev/sdb\",\"path\":\"relative\"},{\"device\":\"/dev/sdc\",\"path\":\"\"}],"
                + "\"luks\":[{\"name\":\"a/b\",\"label\":\"" + "x".repeat(48) + "\",\"device\":\"/dev/sdd\","
                + "\"keyFile\":{\"compression\":\"rar\"}}],"
                + "\"raid\":[{\"name\":\"md\",\"level\":\"raid1\",\"devices\":[\"/dev/ok\",\"dev/rel\",\"/dev//x\"]}]},"
                + "\"systemd\":{\"units\":[{\"name\":\"a.serv\",\"dropins\":[{\"name\":\"x.cnf\"},"
                + "{\"name\":\"d/\\nx.conf\"}]},{\"name\":\"multi\\nline.service\"}]}}";
        Config config = decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(config).isNotNull();
        Map<String, List<String>> expected = byHibernate(config);
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(ours(config)).isEqualTo(expected);
        assertThat(expected.get("$.storage.disks.0.partitions.0.label"))
                .containsExactly(
                        "partition label will be truncated to text before the colon",
                        "partition labels may not exceed 36 characters");
    }

    @Test
    void everyModelRecord_isInterpretable() {
        int constraints = FieldChecks.constraintCount(Config.class);
        for (Class<?> nested : Config.modelRecords()) {
            if (nested.isRecord()) {
                constraints += FieldChecks.constraintCount(nested.asSubclass(Record.class));
            }
        }
        // Pattern x7, Size x2, Min/Max x2 x2, ByteLength x2, NodePath x5 (raid devices on the element type)
        assertThat(constraints).isEqualTo(20);
    }

    /** A record with a constraint FieldChecks does not interpret. */
    record WithEmail(@Email(message = "bad") String address) {}

    @Test
    void unknownConstraint_isRefusedNotIgnored() {
        assertThatThrownBy(() -> FieldChecks.of(new WithEmail("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WithEmail.address: constraint @Email is not interpreted");
    }
}
