package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.Urls;
import dev.coreos4j.problem.JsonPath;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A resource: a file's contents or appendix, a config reference, a CA, a LUKS key file (coreos/ignition
 * config/v3_4/types/resource.go, headers.go and verification.go).
 */
final class ResourceRules {
    private ResourceRules() {}

    /** Resource.validateRequiredSource (resource.go), called by the structs whose resources need a source. */
    static void requiredSource(Validation v, JsonPath p, Config.Resource r) {
        String source = r.source();
        if (source == null || source.isEmpty()) {
            v.report(p, ResourceRule.SOURCE_REQUIRED);
        } else {
            v.report(p, Urls.validate(source, v.version()));
        }
    }

    /** Resource.Validate plus its children. {@code sourceChecked}: the source was validated by the caller. */
    static void check(Validation v, JsonPath p, Config.Resource r, boolean sourceChecked) {
        v.field(p.child("compression"));
        String source = r.source();
        if (r.verification().hash() != null && source == null && !sourceChecked) {
            v.report(p.child("verification").child("hash"), ResourceRule.VERIFICATION_WITHOUT_SOURCE);
        }
        if (source != null && !source.isEmpty()) {
            v.report(p.child("source"), Urls.validate(source, v.version()));
        }
        JsonPath headers = p.child("httpHeaders");
        if (!r.httpHeaders().isEmpty()) {
            String scheme = source == null || source.isEmpty() ? null : Urls.scheme(source);
            if (scheme == null) {
                v.report(headers, UrlRule.UNPARSABLE_URL);
            } else if (!scheme.equals("http") && !scheme.equals("https")) {
                v.report(headers, ResourceRule.HTTP_HEADERS_UNSUPPORTED_SCHEME);
            }
        }
        for (int i = 0; i < r.httpHeaders().size(); i++) {
            v.field(headers.index(i).child("name"));
            v.field(headers.index(i).child("value"));
        }
        v.report(
                p.child("verification").child("hash"),
                hashError(v, r.verification().hash()));
    }

    /** Verification.Validate (verification.go): {@code function-hexdigest}, sha256 from 3.1.0. */
    private static @Nullable Finding hashError(Validation v, @Nullable String hash) {
        if (hash == null) {
            return null;
        }
        int dash = hash.indexOf('-');
        if (dash < 0) {
            return Finding.of(ResourceRule.MALFORMED_HASH);
        }
        String function = hash.substring(0, dash);
        int expected;
        if (function.equals("sha512")) {
            expected = 128;
        } else if (function.equals("sha256") && v.atLeast(SpecVersion.V3_1_0)) {
            expected = 64;
        } else {
            return Finding.of(ResourceRule.UNRECOGNIZED_HASH_FUNCTION);
        }
        return hash.getBytes(StandardCharsets.UTF_8).length - dash - 1 != expected
                ? Finding.of(ResourceRule.HASH_SIZE)
                : null;
    }
}
