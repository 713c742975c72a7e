package dev.coreos4j.ignition.merge;

import dev.coreos4j.ignition.Config;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Fetches the bytes behind a config reference for {@link Resolver}. The library never opens a connection itself:
 * callers plug in HTTP, S3, a test map, or refuse. {@code data:} URLs are decoded by the resolver and never reach
 * the fetcher.
 */
@FunctionalInterface
public interface Fetcher {

    /**
     * Returns the raw (possibly still gzip-compressed) bytes at {@code request.url()}.
     *
     * @throws IOException when the resource cannot be fetched; the message becomes part of the resolve error
     */
    byte[] fetch(Request request) throws IOException;

    /**
     * What to fetch and with which settings.
     *
     * @param url      the reference's {@code source}
     * @param headers  the reference's HTTP headers (http/https only)
     * @param settings the {@code ignition} section of the config resolved so far (timeouts, proxy, CA bundles), as
     *                 Ignition uses them for subsequent fetches
     */
    record Request(String url, List<Config.HttpHeader> headers, Config.Ignition settings) {
        public Request {
            Objects.requireNonNull(url, "url");
            headers = List.copyOf(headers);
            Objects.requireNonNull(settings, "settings");
        }
    }
}
