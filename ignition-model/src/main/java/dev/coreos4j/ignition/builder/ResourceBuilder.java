package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Config.Resource} (file contents, appended fragment, merge/replace reference, CA bundle, LUKS key
 * file). Not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class ResourceBuilder {
    private @Nullable String source;
    private @Nullable String compression;
    private @Nullable String hash;
    private final List<Config.HttpHeader> headers = new ArrayList<>();

    private ResourceBuilder() {}

    /** A builder for a resource at {@code source} (a URL: http, https, tftp, s3, gs, arn or data). */
    public static ResourceBuilder of(String source) {
        Objects.requireNonNull(source, "source");
        return new ResourceBuilder().source(source);
    }

    /** Sets the resource's {@code source} URL. */
    public ResourceBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** {@code ""} (none) or {@code "gzip"}. */
    public ResourceBuilder compression(String compression) {
        this.compression = compression;
        return this;
    }

    /** {@code verification.hash}, e.g. {@code sha512-…} (hash of the decompressed data). */
    public ResourceBuilder hash(String hash) {
        this.hash = hash;
        return this;
    }

    /** Sets {@code verification.hash} to the SHA-512 of the expected (decompressed) contents. */
    public ResourceBuilder sha512Of(byte[] expected) {
        return hash(Contents.sha512(expected));
    }

    /** Sets {@code verification.hash} to the SHA-256 of the expected contents (spec 3.1.0+). */
    public ResourceBuilder sha256Of(byte[] expected) {
        return hash(Contents.sha256(expected));
    }

    /** Adds an HTTP header (spec 3.1.0+); a null {@code value} deletes a parent's header when merged. */
    public ResourceBuilder header(String name, String value) {
        headers.add(new Config.HttpHeader(name, value));
        return this;
    }

    /**
     * The resource, validated as the contents of a file.
     *
     * @throws dev.coreos4j.ignition.IgnitionException with the report when it is invalid
     */
    public Config.Resource build() {
        Config.Resource r = buildUnchecked();
        Checks.part("resource", Checks.files(new Config.File(null, null, "/resource", null, null, r, null)));
        return r;
    }

    Config.Resource buildUnchecked() {
        return new Config.Resource(compression, headers, source, new Config.Verification(hash));
    }
}
