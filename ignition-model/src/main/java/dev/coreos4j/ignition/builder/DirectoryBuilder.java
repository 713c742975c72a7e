package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.Directory}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class DirectoryBuilder {
    private final String path;
    private @Nullable Boolean overwrite;
    private @Nullable Long mode;
    private @Nullable Long uid;
    private @Nullable String user;
    private @Nullable Long gid;
    private @Nullable String group;

    private DirectoryBuilder(String path) {
        this.path = path;
    }

    /** A builder for the directory at {@code path} (absolute). */
    public static DirectoryBuilder at(String path) {
        Objects.requireNonNull(path, "path");
        return new DirectoryBuilder(path);
    }

    /**
     * Permission bits from an octal string such as {@code "0755"} (see {@link PosixMode#parse}).
     *
     * @throws NullPointerException     if {@code octal} is null
     * @throws IllegalArgumentException if it is not 1 to 4 octal digits
     */
    public DirectoryBuilder mode(String octal) {
        return mode(PosixMode.parse(octal));
    }

    /** Permission bits, e.g. {@link PosixMode#RWX_RX_RX}. */
    public DirectoryBuilder mode(PosixMode mode) {
        this.mode = (long) Objects.requireNonNull(mode, "mode").bits();
        return this;
    }

    /** Sets the directory's {@code overwrite}. */
    public DirectoryBuilder overwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    /** Sets the owner by name, {@code user.name}. */
    public DirectoryBuilder user(String name) {
        this.user = name;
        return this;
    }

    /** Sets the owner by id, {@code user.id}. */
    public DirectoryBuilder uid(long id) {
        this.uid = id;
        return this;
    }

    /** Sets the group by name, {@code group.name}. */
    public DirectoryBuilder group(String name) {
        this.group = name;
        return this;
    }

    /** Sets the group by id, {@code group.id}. */
    public DirectoryBuilder gid(long id) {
        this.gid = id;
        return this;
    }

    /** The directory, validated. @throws dev.coreos4j.ignition.IgnitionException when it is invalid */
    public Config.Directory build() {
        Config.Directory d = new Config.Directory(
                new Config.NodeGroup(gid, group), overwrite, path, new Config.NodeUser(uid, user), mode);
        Checks.part(
                "directory " + path,
                Checks.storage(new Config.Storage(List.of(d), null, null, null, null, null, null)));
        return d;
    }
}
