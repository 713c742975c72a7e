package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.Link}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class LinkBuilder {
    private final String path;
    private @Nullable String target;
    private @Nullable Boolean hard;
    private @Nullable Boolean overwrite;
    private @Nullable Long uid;
    private @Nullable String user;
    private @Nullable Long gid;
    private @Nullable String group;

    private LinkBuilder(String path) {
        this.path = path;
    }

    /** A symbolic link at {@code path} pointing to {@code target}. */
    public static LinkBuilder symlink(String path, String target) {
        LinkBuilder b = new LinkBuilder(path);
        b.target = target;
        return b;
    }

    /** A hard link at {@code path} to {@code target}. */
    public static LinkBuilder hardLink(String path, String target) {
        LinkBuilder b = symlink(path, target);
        b.hard = true;
        return b;
    }

    /** Sets the link's {@code overwrite}. */
    public LinkBuilder overwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    /** Sets the owner by name, {@code user.name}. */
    public LinkBuilder user(String name) {
        this.user = name;
        return this;
    }

    /** Sets the owner by id, {@code user.id}. */
    public LinkBuilder uid(long id) {
        this.uid = id;
        return this;
    }

    /** Sets the group by name, {@code group.name}. */
    public LinkBuilder group(String name) {
        this.group = name;
        return this;
    }

    /** Sets the group by id, {@code group.id}. */
    public LinkBuilder gid(long id) {
        this.gid = id;
        return this;
    }

    /** The link, validated. @throws dev.coreos4j.ignition.IgnitionException when it is invalid */
    public Config.Link build() {
        Config.Link l = new Config.Link(
                new Config.NodeGroup(gid, group), overwrite, path, new Config.NodeUser(uid, user), hard, target);
        Checks.part("link " + path, Checks.storage(new Config.Storage(null, null, null, null, List.of(l), null, null)));
        return l;
    }
}
