package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Ignition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code <!-- butane-config -->} example of upstream's docs translates under {@code --strict} with the files
 * directory of upstream's {@code test} script, and the Ignition output validates.
 */
class DocsExamplesTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Paths.get("src/test/resources/upstream-docs");
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".bu")).sorted().toList();
        }
        return all.stream();
    }

    /** What upstream's {@code test} script puts in {@code tmpdocs/files-dir}. */
    static FilesDir filesDir() {
        Map<String, byte[]> m = new java.util.HashMap<>(Map.of(
                "tree/",
                new byte[0],
                "config.ign",
                new byte[0],
                "ca.pem",
                new byte[0],
                "example.conf",
                new byte[0],
                "example.service",
                new byte[0],
                "file",
                new byte[0],
                "file-epilogue",
                new byte[0],
                "local-file3",
                new byte[0],
                "id_rsa.pub",
                "ssh-rsa AAAA\n".getBytes(StandardCharsets.UTF_8),
                "id_ed25519.pub",
                "ssh-ed25519 AAAA\n".getBytes(StandardCharsets.UTF_8)));
        m.put("ignition.ign", "{\"ignition\": {\"version\": \"3.5.0\"}}\n".getBytes(StandardCharsets.UTF_8));
        return FilesDir.inMemory(m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void docsExample_translatesStrictly(Path example) throws IOException {
        ButaneResult r = Butane.translate(
                Files.readAllBytes(example),
                ButaneOptions.DEFAULT.withStrict(true).withFilesDir(filesDir()));
        assertThat(r.report().entries()).as(example.getFileName().toString()).isEmpty();
        assertThat(r.isValid()).isTrue();
        byte[] ignition = r.machineConfig() == null
                ? r.output()
                : Butane.translate(
                                Files.readAllBytes(example),
                                ButaneOptions.DEFAULT.withFilesDir(filesDir()).withRaw(true))
                        .output();
        assertThat(Ignition.parse(ignition).report().isValid()).isTrue();
    }
}
