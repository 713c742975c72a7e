package dev.coreos4j.ignition.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.builder.Contents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static Fetcher map(Map<String, String> docs) {
        return request -> {
            String doc = docs.get(request.url());
            if (doc == null) {
                throw new IOException("404 Not Found");
            }
            return doc.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Config parse(String json) {
        return Ignition.parse(json).configOrThrow();
    }

    @Test
    void resolve_mergesDepthFirstInOrderAnyVersion() {
        Config root = parse("""
                {"ignition":{"version":"3.6.0","config":{"merge":[{"source":"https://e/a"},{"source":"https://e/b"}]}},
                 "storage":{"files":[{"path":"/root"}]}}""");
        Fetcher f = map(Map.of(
                "https://e/a", """
                        {"ignition":{"version":"3.0.0","config":{"merge":[{"source":"https://e/a2"}]}},
                         "storage":{"files":[{"path":"/a","mode":420}]}}""",
                "https://e/a2", """
                        {"ignition":{"version":"3.2.0"},"storage":{"files":[{"path":"/a","mode":256}]}}""",
                "https://e/b", """
                        {"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/b"}]}}"""));
        Config resolved = Resolver.resolve(root, f);
        assertThat(resolved.storage().files()).extracting(Config.File::path).containsExactly("/root", "/a", "/b");
        assertThat(resolved.storage().files().get(1).mode()).isEqualTo(256L);
    }

    @Test
    void resolve_replaceDiscardsReferencingConfig() {
        Config root = parse("""
                {"ignition":{"version":"3.6.0","config":{"replace":{"source":"https://e/r"}}},
                 "storage":{"files":[{"path":"/gone"}]}}""");
        Config resolved = Resolver.resolve(
                root,
                map(Map.of(
                        "https://e/r",
                        "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/new\"}]}}")));
        assertThat(resolved.storage().files()).extracting(Config.File::path).containsExactly("/new");
    }

    @Test
    void resolve_verifiesHashOfDecompressedDataAndDecodesDataUrls() throws IOException {
        byte[] child = "{\"ignition\":{\"version\":\"3.6.0\"},\"passwd\":{\"users\":[{\"name\":\"core\"}]}}"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(child);
        }
        Config.Resource inline = Contents.inline(child);
        Config root = new Config(
                new Config.Ignition(
                        new Config.IgnitionConfig(
                                java.util.List.of(
                                        new Config.Resource(
                                                inline.compression(),
                                                null,
                                                inline.source(),
                                                new Config.Verification(Contents.sha512(child))),
                                        new Config.Resource(
                                                "gzip",
                                                null,
                                                "https://e/gz",
                                                new Config.Verification(Contents.sha256(child)))),
                                null),
                        null,
                        null,
                        null,
                        "3.6.0"),
                null,
                null,
                null,
                null);
        Config resolved = Resolver.resolve(root, request -> gz.toByteArray());
        assertThat(resolved.passwd().users())
                .extracting(Config.PasswdUser::name)
                .containsExactly("core");
    }

    @Test
    void resolve_reportsHashMismatchWithUrlAndPath() {
        Config root = parse("""
                {"ignition":{"version":"3.6.0","config":{"merge":[{"source":"https://e/a",
                 "verification":{"hash":"sha256-0000000000000000000000000000000000000000000000000000000000000000"}}]}}}""");
        assertThatThrownBy(() ->
                        Resolver.resolve(root, map(Map.of("https://e/a", "{\"ignition\":{\"version\":\"3.6.0\"}}"))))
                .isInstanceOfSatisfying(ResolveException.class, e -> {
                    assertThat(e.report().errors()).hasSize(1);
                    assertThat(e.report().errors().get(0).location().path())
                            .hasToString("$.ignition.config.merge[0].verification.hash");
                    assertThat(e.report().errors().get(0).message())
                            .contains("https://e/a")
                            .contains("mismatch");
                });
    }

    @Test
    void resolve_detectsCycles() {
        Fetcher f = map(
                Map.of(
                        "https://e/a",
                                "{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/b\"}]}}}",
                        "https://e/b",
                                "{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/a\"}]}}}"));
        Config root =
                parse("{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/a\"}]}}}");
        assertThatThrownBy(() -> Resolver.resolve(root, f))
                .isInstanceOfSatisfying(
                        ResolveException.class,
                        e -> assertThat(e.report().errors().get(0).code()).isEqualTo("reference-cycle"));
    }

    @Test
    void resolve_enforcesDepthLimit() {
        Fetcher f = request -> {
            int n = Integer.parseInt(request.url().substring("https://e/".length()));
            return ("{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/" + (n + 1)
                            + "\"}]}}}")
                    .getBytes(StandardCharsets.UTF_8);
        };
        Config root =
                parse("{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/0\"}]}}}");
        assertThatThrownBy(() -> Resolver.resolve(root, f, 3))
                .isInstanceOfSatisfying(
                        ResolveException.class,
                        e -> assertThat(e.report().errors().get(0).code()).isEqualTo("reference-too-deep"));
    }

    @Test
    void resolve_reportsFetchFailureAndInvalidFragment() {
        Config root =
                parse("{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"merge\":[{\"source\":\"https://e/x\"}]}}}");
        assertThatThrownBy(() -> Resolver.resolve(root, map(Map.of())))
                .isInstanceOfSatisfying(
                        ResolveException.class,
                        e -> assertThat(e.report().errors().get(0).message())
                                .contains("404 Not Found")
                                .contains("https://e/x"));
        assertThatThrownBy(
                        () -> Resolver.resolve(
                                root,
                                map(
                                        Map.of(
                                                "https://e/x",
                                                "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"rel\"}]}}"))))
                .isInstanceOfSatisfying(
                        ResolveException.class,
                        e -> assertThat(e.report().errors())
                                .anySatisfy(x -> assertThat(x.message()).contains("path not absolute")));
    }

    @Test
    void resolve_fetchesWithSettingsOfTheConfigMergedSoFar() {
        java.util.List<Long> seen = new java.util.ArrayList<>();
        Map<String, String> docs = Map.of(
                "https://e/a",
                "{\"ignition\":{\"version\":\"3.6.0\",\"timeouts\":{\"httpTotal\":5},"
                        + "\"config\":{\"merge\":[{\"source\":\"https://e/b\"}]}}}",
                "https://e/b",
                "{\"ignition\":{\"version\":\"3.6.0\"}}");
        Config root = parse("{\"ignition\":{\"version\":\"3.6.0\",\"timeouts\":{\"httpTotal\":1},"
                + "\"config\":{\"merge\":[{\"source\":\"https://e/a\"}]}}}");
        Config resolved = Resolver.resolve(root, request -> {
            seen.add(request.settings().timeouts().httpTotal());
            return docs.get(request.url()).getBytes(StandardCharsets.UTF_8);
        });
        assertThat(seen).containsExactly(1L, 5L);
        assertThat(resolved.ignition().timeouts().httpTotal()).isEqualTo(5L);
    }

    @Test
    void resolve_emptyReplaceSourceFailsLikeIgnition() {
        Config root = parse("{\"ignition\":{\"version\":\"3.6.0\",\"config\":{\"replace\":{\"source\":\"\"}}}}");
        assertThatThrownBy(() -> Resolver.resolve(root, map(Map.of())))
                .isInstanceOfSatisfying(
                        ResolveException.class,
                        e -> assertThat(e.report().errors().get(0).location().path())
                                .hasToString("$.ignition.config.replace"));
    }

    @Test
    void resolve_withoutReferencesReturnsConfigUnchanged() {
        Config root = parse("{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\"}]}}");
        assertThat(Resolver.resolve(root, request -> {
                    throw new IOException("must not fetch");
                }))
                .isSameAs(root);
    }
}
