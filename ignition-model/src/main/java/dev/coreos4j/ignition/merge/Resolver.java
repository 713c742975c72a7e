package dev.coreos4j.ignition.merge;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.internal.rules.IgnitionRule;
import dev.coreos4j.ignition.internal.rules.MergeRule;
import dev.coreos4j.ignition.internal.rules.ResourceRule;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Applies a config's {@code ignition.config.replace} and {@code ignition.config.merge} references the way
 * Ignition's engine renders a config at first boot (spec digest §4.3):
 * <ul>
 *   <li>a {@code replace} with a source (even an empty one, which fails as in Ignition): the referenced config,
 *       itself resolved, takes the place of the referencing one, and its {@code ignition} settings (timeouts, CAs,
 *       proxy) are used for later fetches;</li>
 *   <li>otherwise each {@code merge} reference in order: fetch; use the settings of {@code Merge.merge(result,
 *       fragment)} for later fetches; resolve the fragment (its own references first, depth-first); then
 *       {@code result = Merge.merge(result, fragment)}.</li>
 * </ul>
 * Each fetched document may be any supported spec version ({@link Ignition#parse(byte[])}); gzip is decompressed
 * when the reference says {@code compression: "gzip"}, and {@code verification.hash} (sha512 or sha256 of the
 * decompressed bytes) is checked. {@code data:} URLs are decoded here; every other URL goes to the caller's
 * {@link Fetcher}. As in Ignition the references stay in the resolved config.
 *
 * <p>Stateless and thread-safe when the fetcher is.
 */
public final class Resolver {

    /** The default maximum nesting of references (a config referencing a config ... ten levels deep). */
    public static final int DEFAULT_MAX_DEPTH = 10;

    private final Fetcher fetcher;
    private final int maxDepth;
    /** The {@code ignition} settings Ignition's fetcher would use for the next fetch. */
    private Config.Ignition settings = Config.Ignition.EMPTY;

    private Resolver(Fetcher fetcher, int maxDepth) {
        this.fetcher = fetcher;
        this.maxDepth = maxDepth;
    }

    /**
     * Resolves {@code config} with {@link #DEFAULT_MAX_DEPTH}.
     *
     * @throws ResolveException     naming the reference's path and URL when a fetch, hash check, decompression or
     *                              parse fails, on a cycle, or when references nest deeper than the limit
     * @throws NullPointerException if an argument is null
     */
    public static Config resolve(Config config, Fetcher fetcher) {
        return resolve(config, fetcher, DEFAULT_MAX_DEPTH);
    }

    /**
     * Resolves {@code config}, allowing at most {@code maxDepth} nested levels of references.
     *
     * @throws ResolveException         as {@link #resolve(Config, Fetcher)}
     * @throws IllegalArgumentException if {@code maxDepth} is negative
     */
    public static Config resolve(Config config, Fetcher fetcher, int maxDepth) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(fetcher, "fetcher");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, was " + maxDepth);
        }
        Resolver resolver = new Resolver(fetcher, maxDepth);
        resolver.settings = config.ignition();
        return resolver.render(config, new ArrayList<>());
    }

    private Config render(Config config, List<String> chain) {
        Config.Resource replace = config.ignition().config().replace();
        if (replace.source() != null) {
            Config fetched = fetchConfig(replace, JsonPath.of("ignition", "config", "replace"), chain);
            settings = fetched.ignition();
            return descend(fetched, replace.source(), chain);
        }
        Config result = config;
        List<Config.Resource> merges = config.ignition().config().merge();
        for (int i = 0; i < merges.size(); i++) {
            Config.Resource ref = merges.get(i);
            Config fragment = fetchConfig(ref, JsonPath.of("ignition", "config", "merge", i), chain);
            // like Ignition, later fetches use the settings of the merge before the fragment is itself resolved
            settings = Merge.merge(result, fragment).config().ignition();
            // fetchConfig refused a reference without a source
            fragment = descend(fragment, Objects.requireNonNull(ref.source()), chain);
            result = Merge.merge(result, fragment).config();
        }
        return result;
    }

    private Config descend(Config fragment, String url, List<String> chain) {
        chain.add(url);
        try {
            return render(fragment, chain);
        } finally {
            chain.remove(chain.size() - 1);
        }
    }

    private Config fetchConfig(Config.Resource ref, JsonPath path, List<String> chain) {
        String url = ref.source() == null ? "" : ref.source();
        if (url.isEmpty()) {
            throw failure(path, ResourceRule.SOURCE_REQUIRED, ResourceRule.SOURCE_REQUIRED.message(), url, chain);
        }
        if (chain.contains(url)) {
            throw failure(path, MergeRule.REFERENCE_CYCLE, MergeRule.REFERENCE_CYCLE.message(), url, chain);
        }
        if (chain.size() >= maxDepth) {
            throw failure(
                    path, MergeRule.REFERENCE_TOO_DEEP, MergeRule.REFERENCE_TOO_DEEP.message(maxDepth), url, chain);
        }
        byte[] raw;
        try {
            raw = url.regionMatches(true, 0, "data:", 0, 5)
                    ? decodeDataUrl(url)
                    : fetcher.fetch(new Fetcher.Request(url, ref.httpHeaders(), settings));
        } catch (IOException | RuntimeException e) {
            throw failure(path, MergeRule.FETCH_FAILED, MergeRule.FETCH_FAILED.message(e.getMessage()), url, chain);
        }
        if (raw == null) {
            throw failure(
                    path,
                    MergeRule.FETCH_FAILED,
                    MergeRule.FETCH_FAILED.message("fetcher returned no data"),
                    url,
                    chain);
        }
        if ("gzip".equals(ref.compression())) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw failure(
                        path,
                        MergeRule.DECOMPRESS_FAILED,
                        MergeRule.DECOMPRESS_FAILED.message(e.getMessage()),
                        url,
                        chain);
            }
        }
        String hash = ref.verification().hash();
        if (hash != null) {
            String problem = verify(raw, hash);
            if (problem != null) {
                throw failure(path.child("verification").child("hash"), MergeRule.HASH_MISMATCH, problem, url, chain);
            }
        }
        ParseResult parsed = Ignition.parse(raw);
        if (!parsed.isValid()) {
            List<Problem> entries = new ArrayList<>();
            String where = describe(url, chain);
            entries.add(Problem.of(
                    MergeRule.REFERENCED_CONFIG_INVALID,
                    MergeRule.REFERENCED_CONFIG_INVALID.message(where),
                    Location.at(path)));
            for (Problem e : parsed.report().errors()) {
                entries.add(new Problem(e.severity(), e.code(), e.message() + " (in " + url + ")", e.location()));
            }
            throw new ResolveException("cannot resolve config references", new Report(entries));
        }
        return parsed.configOrThrow();
    }

    /** Null when {@code data} matches {@code expected} ({@code sha512-<hex>} / {@code sha256-<hex>}). */
    private static @Nullable String verify(byte[] data, String expected) {
        int dash = expected.indexOf('-');
        String function = dash < 0 ? "" : expected.substring(0, dash);
        String algorithm = switch (function) {
            case "sha512" -> "SHA-512";
            case "sha256" -> "SHA-256";
            default -> null;
        };
        if (algorithm == null) {
            return "unrecognized hash function";
        }
        try {
            String actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(data));
            String wanted = expected.substring(dash + 1).toLowerCase(Locale.ROOT);
            return actual.equals(wanted)
                    ? null
                    : "hash mismatch: expected " + expected + ", computed " + function + "-" + actual;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }

    /** RFC 2397: {@code data:[<mediatype>][;base64],<data>}. */
    static byte[] decodeDataUrl(String url) throws IOException {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IOException("invalid data url: missing comma");
        }
        String meta = url.substring(5, comma);
        String data = url.substring(comma + 1);
        try {
            if (meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
                return Base64.getDecoder().decode(URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
            for (int i = 0; i < data.length(); i++) {
                char ch = data.charAt(i);
                if (ch == '%' && i + 2 < data.length()) {
                    out.write(Integer.parseInt(data.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid data url: " + e.getMessage(), e);
        }
    }

    private static String describe(String url, List<String> chain) {
        StringBuilder s = new StringBuilder(url);
        for (int i = chain.size() - 1; i >= 0; i--) {
            s.append(", referenced from ").append(chain.get(i));
        }
        return s.toString();
    }

    private static ResolveException failure(
            JsonPath path, IgnitionRule rule, String message, String url, List<String> chain) {
        Report report = new Report(List.of(Problem.of(
                rule,
                message + " (" + describe(url.isEmpty() ? "<empty source>" : url, chain) + ")",
                Location.at(path))));
        return new ResolveException("cannot resolve config references", report);
    }
}
