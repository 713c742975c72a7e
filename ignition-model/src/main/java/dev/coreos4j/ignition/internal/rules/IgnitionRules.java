package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.Urls;
import dev.coreos4j.problem.JsonPath;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ignition} section (coreos/ignition config/v3_4/types/ignition.go, proxy.go and tls.go): config
 * references, the proxy, the certificate authorities.
 */
final class IgnitionRules {
    private static final JsonPath BASE = JsonPath.of("ignition");

    private IgnitionRules() {}

    static void check(Validation v, Config.Ignition ign) {
        JsonPath merges = BASE.child("config").child("merge");
        List<Config.Resource> merge = ign.config().merge();
        boolean v30 = v.version() == SpecVersion.V3_0_0;
        if (v.atLeast(SpecVersion.V3_1_0)) {
            for (int i = 0; i < merge.size(); i++) {
                ResourceRules.requiredSource(v, merges.index(i), merge.get(i));
            }
        }
        for (int i = 0; i < merge.size(); i++) {
            // a 3.0.0 ConfigReference has no verification-without-source rule
            ResourceRules.check(v, merges.index(i), merge.get(i), v30);
        }
        ResourceRules.check(
                v, BASE.child("config").child("replace"), ign.config().replace(), v30);
        proxy(v, ign.proxy());
        JsonPath caPath = BASE.child("security").child("tls").child("certificateAuthorities");
        List<Config.Resource> cas = ign.security().tls().certificateAuthorities();
        if (v.atLeast(SpecVersion.V3_1_0)) {
            for (int i = 0; i < cas.size(); i++) {
                ResourceRules.requiredSource(v, caPath.index(i), cas.get(i));
            }
        }
        for (int i = 0; i < cas.size(); i++) {
            JsonPath p = caPath.index(i);
            Config.Resource r = cas.get(i);
            if (v.atLeast(SpecVersion.V3_1_0)) {
                ResourceRules.check(v, p, r, false);
            } else {
                v.report(p.child("source"), Urls.validate(r.source() == null ? "" : r.source(), v.version()));
                ResourceRules.check(
                        v, p, new Config.Resource(r.compression(), r.httpHeaders(), null, r.verification()), true);
            }
        }
    }

    /** Proxy.Validate (proxy.go). */
    private static void proxy(Validation v, Config.Proxy proxy) {
        JsonPath p = BASE.child("proxy");
        v.report(p.child("httpProxy"), proxyError(proxy.httpProxy()));
        Finding httpsError = proxyError(proxy.httpsProxy());
        v.report(p.child("httpsProxy"), httpsError);
        if (httpsError == null && proxy.httpsProxy() != null && "http".equals(Urls.scheme(proxy.httpsProxy()))) {
            v.report(p.child("httpsProxy"), ProxyRule.INSECURE_PROXY);
        }
    }

    private static @Nullable Finding proxyError(@Nullable String proxy) {
        if (proxy == null) {
            return null;
        }
        Urls.Parsed u = Urls.parse(proxy);
        if (u == null) {
            return Finding.of(UrlRule.UNPARSABLE_URL);
        }
        return u.scheme().equals("http") || u.scheme().equals("https") ? null : Finding.of(ProxyRule.INVALID_PROXY);
    }
}
