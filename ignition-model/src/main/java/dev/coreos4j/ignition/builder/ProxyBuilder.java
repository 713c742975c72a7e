package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds {@link Config.Proxy} settings (spec 3.1.0+). Not thread-safe. */
public final class ProxyBuilder {
    private @Nullable String httpProxy;
    private @Nullable String httpsProxy;
    private final List<String> noProxy = new ArrayList<>();

    private ProxyBuilder() {}

    /** A builder with every proxy field absent. */
    public static ProxyBuilder create() {
        return new ProxyBuilder();
    }

    /** Sets the proxy's {@code httpProxy}. */
    public ProxyBuilder httpProxy(String url) {
        this.httpProxy = url;
        return this;
    }

    /** Sets the proxy's {@code httpsProxy}. */
    public ProxyBuilder httpsProxy(String url) {
        this.httpsProxy = url;
        return this;
    }

    /** Adds a host (or domain suffix) that is not proxied. */
    public ProxyBuilder noProxy(String host) {
        noProxy.add(host);
        return this;
    }

    /** The proxy settings, validated. */
    public Config.Proxy build() {
        Config.Proxy p = new Config.Proxy(httpProxy, httpsProxy, noProxy);
        Checks.part(
                "proxy",
                new Config(
                        new Config.Ignition(
                                null, p, null, null, Checks.version().version()),
                        null,
                        null,
                        null,
                        null));
        return p;
    }
}
