package dev.coreos4j.ignition.merge;

import java.io.IOException;

/** Test access to the resolver's data URL decoder. */
public final class ResolverAccess {
    private ResolverAccess() {}

    public static byte[] decodeDataUrl(String url) throws IOException {
        return Resolver.decodeDataUrl(url);
    }
}
