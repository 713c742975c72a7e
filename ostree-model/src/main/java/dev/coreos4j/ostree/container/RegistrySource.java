package dev.coreos4j.ostree.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An image in a registry, fetched with the OCI distribution API ({@code GET /v2/NAME/manifests/REF},
 * {@code GET /v2/NAME/blobs/DIGEST}) over the JDK's {@link HttpClient}. A {@code 401} with a
 * {@code WWW-Authenticate: Bearer realm=…,service=…,scope=…} challenge is answered by fetching an anonymous token
 * from the realm (the Docker token protocol) and retrying once with {@code Authorization: Bearer}. Loopback hosts
 * ({@code localhost}, {@code 127.x}, {@code [::1]}) are spoken to over plain HTTP, every other host over HTTPS.
 */
final class RegistrySource implements ImageSource {

    private static final String ACCEPT = String.join(
            ", ",
            ImageManifest.OCI_MEDIA_TYPE,
            ImageManifest.OCI_INDEX,
            ImageManifest.DOCKER_MEDIA_TYPE,
            ImageManifest.DOCKER_LIST);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final ImageReference ref;
    private final ImageReference.RegistryName name;
    private final String base;
    private final HttpClient http;
    private @Nullable String token;

    RegistrySource(ImageReference ref) {
        this.ref = ref;
        this.name = ref.registryName();
        String host = name.host().equals("docker.io") ? "registry-1.docker.io" : name.host();
        String bare = host.replaceFirst(":\\d+$", "");
        boolean loopback = bare.equals("localhost") || bare.startsWith("127.") || bare.equals("[::1]");
        this.base = (loopback ? "http://" : "https://") + host + "/v2/" + name.repository() + "/";
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String describe() {
        return ref.toString();
    }

    private HttpResponse<InputStream> get(String path, @Nullable String accept) throws IOException {
        URI uri = URI.create(base + path);
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
            if (accept != null) {
                b.header("Accept", accept);
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> r = send(b.build());
            if (r.statusCode() == 401 && attempt == 0) {
                Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
                r.body().close();
                if (challenge.isPresent() && challenge.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
                    token = fetchToken(challenge.get().substring(7));
                    continue;
                }
                throw new ImageException(
                        ImageException.Kind.REGISTRY,
                        describe(),
                        "401 Unauthorized for " + uri + " (no bearer challenge; credentials are not supported)");
            }
            if (r.statusCode() == 404) {
                r.body().close();
                throw new ImageException(ImageException.Kind.NOT_FOUND, describe(), "404 Not Found: " + uri);
            }
            if (r.statusCode() != 200) {
                String body = new String(r.body().readNBytes(512), StandardCharsets.UTF_8);
                r.body().close();
                throw new ImageException(
                        ImageException.Kind.REGISTRY,
                        describe(),
                        "HTTP " + r.statusCode() + " for " + uri + ": " + body.strip());
            }
            return r;
        }
    }

    private HttpResponse<InputStream> send(HttpRequest req) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted fetching " + req.uri());
        } catch (IOException e) {
            throw new ImageException(
                    ImageException.Kind.REGISTRY, describe(), "cannot reach " + req.uri() + ": " + e, e);
        }
    }

    /** The Docker token protocol: {@code GET realm?service=…&scope=…} answers {@code {"token": …}}. */
    private String fetchToken(String params) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        String realm = p.get("realm");
        if (realm == null) {
            throw new ImageException(ImageException.Kind.REGISTRY, describe(), "bearer challenge without realm");
        }
        StringBuilder q = new StringBuilder();
        for (String k : new String[] {"service", "scope"}) {
            String v = p.get(k);
            if (k.equals("scope") && v == null) {
                v = "repository:" + name.repository() + ":pull";
            }
            if (v != null) {
                q.append(q.length() == 0 ? "?" : "&")
                        .append(k)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(realm + q))
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build());
        byte[] body;
        try (InputStream in = r.body()) {
            body = ImageSource.readBounded(in, 1 << 20, realm);
        }
        if (r.statusCode() != 200) {
            throw new ImageException(
                    ImageException.Kind.REGISTRY,
                    describe(),
                    "token endpoint " + realm + " answered HTTP " + r.statusCode());
        }
        Json.Node n = Json.parse(body, "token response from " + realm);
        String t = n.get("token").stringOrNull();
        if (t == null) {
            t = n.get("access_token").string();
        }
        return t;
    }

    @Override
    public Fetched manifest() throws IOException {
        HttpResponse<InputStream> r = get("manifests/" + name.reference(), ACCEPT);
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = ImageSource.readBounded(in, MAX_JSON, describe() + " manifest");
        }
        String digest = Digesting.digestOf(bytes);
        if (name.reference().startsWith("sha256:") && !digest.equals(name.reference())) {
            throw new ImageException(ImageException.Kind.DIGEST_MISMATCH, describe(), "manifest hashes to " + digest);
        }
        String type = r.headers().firstValue("Content-Type").orElse(ImageManifest.OCI_MEDIA_TYPE);
        int semi = type.indexOf(';');
        if (semi >= 0) {
            type = type.substring(0, semi).strip();
        }
        Descriptor d = new Descriptor(type, digest, bytes.length, Map.of());
        if (type.equals(ImageManifest.OCI_INDEX) || type.equals(ImageManifest.DOCKER_LIST)) {
            return resolveManifest(d, describe());
        }
        return new Fetched(bytes, digest, ImageManifest.parse(bytes, describe() + " manifest " + digest));
    }

    @Override
    public InputStream openBlob(Descriptor blob) throws IOException {
        boolean manifest = blob.mediaType().equals(ImageManifest.OCI_MEDIA_TYPE)
                || blob.mediaType().equals(ImageManifest.DOCKER_MEDIA_TYPE)
                || blob.mediaType().equals(ImageManifest.OCI_INDEX)
                || blob.mediaType().equals(ImageManifest.DOCKER_LIST);
        return get((manifest ? "manifests/" : "blobs/") + blob.digest(), manifest ? ACCEPT : null)
                .body();
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its connections are pooled and idle out
    }
}
