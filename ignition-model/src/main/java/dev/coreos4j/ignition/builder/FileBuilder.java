package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.File}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class FileBuilder {
    private final String path;
    private @Nullable Boolean overwrite;
    private @Nullable Long mode;
    private @Nullable Long uid;
    private @Nullable String user;
    private @Nullable Long gid;
    private @Nullable String group;
    private Config.@Nullable Resource contents;
    private final List<Config.Resource> append = new ArrayList<>();

    private FileBuilder(String path) {
        this.path = path;
    }

    /**
     * A builder for the file at {@code path} (absolute).
     *
     * @throws NullPointerException if {@code path} is null
     */
    public static FileBuilder at(String path) {
        Objects.requireNonNull(path, "path");
        return new FileBuilder(path);
    }

    /** Inline contents as the shortest {@code data:} URL, compression set explicitly ({@link Contents#inline}). */
    public FileBuilder contents(String text) {
        this.contents = Contents.inline(text);
        return this;
    }

    /** Inline contents as the shortest {@code data:} URL, compression set explicitly. */
    public FileBuilder contents(byte[] data) {
        this.contents = Contents.inline(data);
        return this;
    }

    /**
     * Inline contents in the {@code data:} URL encoding the caller chooses (installers write CA bundles as plain
     * base64, {@link Contents.Encoding#BASE64}).
     */
    public FileBuilder contents(String text, Contents.Encoding encoding) {
        this.contents = Contents.inline(text, encoding);
        return this;
    }

    /** Inline contents in the {@code data:} URL encoding the caller chooses. */
    public FileBuilder contents(byte[] data, Contents.Encoding encoding) {
        this.contents = Contents.inline(data, encoding);
        return this;
    }

    /** Contents from a resource (remote or inline). */
    public FileBuilder contents(Config.Resource resource) {
        this.contents = resource;
        return this;
    }

    /**
     * Remote contents at {@code url}, with {@code compression: ""} and {@code verification.hash} = SHA-512 of the
     * {@code expected} bytes (pass null to skip the hash).
     */
    public FileBuilder remoteContents(String url, byte[] expected) {
        ResourceBuilder r = ResourceBuilder.of(url).compression("");
        if (expected != null) {
            r.sha512Of(expected);
        }
        this.contents = r.buildUnchecked();
        return this;
    }

    /** Appends a fragment of inline text. */
    public FileBuilder append(String text) {
        append.add(Contents.inline(text));
        return this;
    }

    /** Appends a fragment. */
    public FileBuilder append(Config.Resource resource) {
        append.add(resource);
        return this;
    }

    /**
     * Permission bits from an octal string such as {@code "0644"} or {@code "4755"} (special bits: 3.6.0+). There is
     * deliberately no {@code mode(int)}: a decimal {@code 644} would quietly set the sticky bit (see
     * {@link PosixMode}).
     *
     * @throws NullPointerException     if {@code octal} is null
     * @throws IllegalArgumentException if it is not 1 to 4 octal digits
     */
    public FileBuilder mode(String octal) {
        return mode(PosixMode.parse(octal));
    }

    /** Permission bits, e.g. {@code PosixMode.parse("0640")} or {@link PosixMode#RW_R_R}. */
    public FileBuilder mode(PosixMode mode) {
        this.mode = (long) Objects.requireNonNull(mode, "mode").bits();
        return this;
    }

    /** Sets the file's {@code overwrite}. */
    public FileBuilder overwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    /** Sets the owner by name, {@code user.name}. */
    public FileBuilder user(String name) {
        this.user = name;
        return this;
    }

    /** Sets the owner by id, {@code user.id}. */
    public FileBuilder uid(long id) {
        this.uid = id;
        return this;
    }

    /** Sets the group by name, {@code group.name}. */
    public FileBuilder group(String name) {
        this.group = name;
        return this;
    }

    /** Sets the group by id, {@code group.id}. */
    public FileBuilder gid(long id) {
        this.gid = id;
        return this;
    }

    /**
     * The file, validated.
     *
     * @throws dev.coreos4j.ignition.IgnitionException with the report when it is invalid
     */
    public Config.File build() {
        Config.File f = new Config.File(
                new Config.NodeGroup(gid, group),
                overwrite,
                path,
                new Config.NodeUser(uid, user),
                append,
                contents,
                mode);
        Checks.part("file " + path, Checks.files(f));
        return f;
    }
}
