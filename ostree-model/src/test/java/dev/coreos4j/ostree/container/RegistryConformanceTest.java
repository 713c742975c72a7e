package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.MutableTree;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a real registry: Debian's {@code docker-registry} started on 127.0.0.1 (free port, temp storage),
 * images pushed with {@code skopeo copy}. An update fetches only the layers the repository lacks; a bearer-token
 * front (a stub asking {@code WWW-Authenticate: Bearer}, proxying to the registry) is answered with a token.
 */
class RegistryConformanceTest {

    @TempDir
    Path tmp;

    Process registry;
    int port;
    HttpServer front;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void startRegistry() throws Exception {
        Path bin = Oracles.require("docker-registry");
        port = freePort();
        Path config = tmp.resolve("registry.yml");
        Files.writeString(
                config,
                "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: "
                        + tmp.resolve("storage") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port
                        + "\n");
        registry = new ProcessBuilder(bin.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("registry.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; ; i++) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                if (i > 100) {
                    throw new IOException(
                            "docker-registry did not start: " + Files.readString(tmp.resolve("registry.log")), e);
                }
            }
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (front != null) {
            front.stop(0);
        }
        if (registry != null) {
            registry.destroy();
            registry.waitFor();
        }
    }

    private EncapsulateResult push(Repository repo, MutableTree tree, String version, String tag) throws Exception {
        Fixtures.commit(repo, tree, "os", version, 1_700_000_000L + version.hashCode() % 1000);
        Path oci = tmp.resolve("oci-" + tag);
        EncapsulateResult r = Encapsulation.encapsulate(
                repo,
                "os",
                ImageReference.ociDir(oci, tag),
                EncapsulateOptions.defaults().withMaxLayers(12));
        Tools.run(
                        Tools.skopeo(),
                        "copy",
                        "--quiet",
                        "--dest-tls-verify=false",
                        "oci:" + oci + ":" + tag,
                        "docker://127.0.0.1:" + port + "/coreos/os:" + tag)
                .ok();
        return r;
    }

    @Test
    void pull_fetchesOnlyMissingLayers() throws Exception {
        Repository src = Repository.init(tmp.resolve("src"));
        EncapsulateResult v1 = push(src, Fixtures.osTree("1.0"), "1.0", "v1");
        MutableTree t2 = Fixtures.osTree("1.0");
        t2.putFile("/usr/bin/hello", 0755, Fixtures.bytes("#!/bin/sh\necho two\n"));
        EncapsulateResult v2 = push(src, t2, "2.0", "v2");

        Repository dst = Repository.init(tmp.resolve("dst"));
        ImageReference ref1 = ImageReference.parse("ostree-unverified-registry:127.0.0.1:" + port + "/coreos/os:v1");
        ImportResult r1 =
                ImageImport.importImage(dst, ref1, ImportOptions.defaults().withRef("os"));
        assertThat(r1.commit()).isEqualTo(v1.commit());
        assertThat(r1.manifestDigest()).isEqualTo(v1.manifestDigest());
        assertThat(r1.layersFetched()).isEqualTo(v1.manifest().layers().size());

        ImageReference ref2 = ImageReference.parse(
                "ostree-unverified-registry:127.0.0.1:" + port + "/coreos/os@" + v2.manifestDigest());
        ImportResult r2 =
                ImageImport.importImage(dst, ref2, ImportOptions.defaults().withRef("os"));
        assertThat(r2.commit()).isEqualTo(v2.commit());
        LayerDiff diff = LayerDiff.of(v1.manifest(), v2.manifest());
        assertThat(r2.layersFetched()).isEqualTo(diff.added().size());
        assertThat(r2.bytesFetched()).isEqualTo(diff.addedSize());
        assertThat(r2.layersSkipped()).isEqualTo(diff.shared().size()).isPositive();
        assertThat(dst.fsck(FsckOptions.defaults()).ok()).isTrue();
        assertThat(LayerDiff.between(ref1, ref2).added()).isEqualTo(diff.added());

        assertThatThrownBy(() -> ImageImport.importImage(
                        dst,
                        ImageReference.parse("ostree-unverified-registry:127.0.0.1:" + port + "/coreos/os:nosuch"),
                        ImportOptions.defaults()))
                .isInstanceOfSatisfying(
                        ImageException.class, e -> assertThat(e.kind()).isEqualTo(ImageException.Kind.NOT_FOUND));
    }

    @Test
    void bearerChallenge_isAnsweredWithAToken() throws Exception {
        Repository src = Repository.init(tmp.resolve("src"));
        EncapsulateResult v1 = push(src, Fixtures.osTree("1.0"), "1.0", "v1");
        AtomicInteger tokens = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> query = new java.util.concurrent.atomic.AtomicReference<>();
        HttpClient http = HttpClient.newHttpClient();
        front = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        int frontPort = front.getAddress().getPort();
        front.createContext("/token", ex -> {
            tokens.incrementAndGet();
            query.set(ex.getRequestURI().getQuery());
            byte[] b = "{\"token\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        front.createContext("/v2/", ex -> {
            if (!"Bearer s3cret".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders()
                        .add(
                                "WWW-Authenticate",
                                "Bearer realm=\"http://127.0.0.1:" + frontPort
                                        + "/token\",service=\"test\",scope=\"repository:coreos/os:pull\"");
                ex.sendResponseHeaders(401, -1);
                ex.close();
                return;
            }
            try {
                HttpRequest.Builder b =
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ex.getRequestURI()));
                String accept = ex.getRequestHeaders().getFirst("Accept");
                if (accept != null) {
                    b.header("Accept", accept);
                }
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                r.headers()
                        .firstValue("Content-Type")
                        .ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
                ex.sendResponseHeaders(r.statusCode(), 0);
                try (InputStream in = r.body();
                        OutputStream o = ex.getResponseBody()) {
                    in.transferTo(o);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(500, -1);
            }
            ex.close();
        });
        front.start();
        Repository dst = Repository.init(tmp.resolve("dst"));
        Checksum c = ImageImport.importImage(
                        dst,
                        ImageReference.parse("ostree-unverified-registry:127.0.0.1:" + frontPort + "/coreos/os:v1"),
                        ImportOptions.defaults())
                .commit();
        assertThat(c).isEqualTo(v1.commit());
        assertThat(tokens.get()).isPositive();
        assertThat(query.get()).isEqualTo("service=test&scope=repository:coreos/os:pull");
    }
}
