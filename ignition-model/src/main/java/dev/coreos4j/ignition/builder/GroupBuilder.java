package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.PasswdGroup}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class GroupBuilder {
    private final String name;
    private @Nullable Long gid;
    private @Nullable String passwordHash;
    private @Nullable Boolean shouldExist;
    private @Nullable Boolean system;

    private GroupBuilder(String name) {
        this.name = name;
    }

    /** A builder for the group {@code name}. */
    public static GroupBuilder named(String name) {
        Objects.requireNonNull(name, "name");
        return new GroupBuilder(name);
    }

    /** Sets the group's {@code gid}. */
    public GroupBuilder gid(long gid) {
        this.gid = gid;
        return this;
    }

    /** Sets the group's {@code passwordHash}. */
    public GroupBuilder passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        return this;
    }

    /** {@code false} deletes the group (spec 3.2.0+). */
    public GroupBuilder shouldExist(boolean value) {
        this.shouldExist = value;
        return this;
    }

    /** Sets the group's {@code system}. */
    public GroupBuilder system(boolean value) {
        this.system = value;
        return this;
    }

    /** The group, validated. @throws dev.coreos4j.ignition.IgnitionException when it is invalid */
    public Config.PasswdGroup build() {
        Config.PasswdGroup g = new Config.PasswdGroup(gid, name, passwordHash, shouldExist, system);
        Checks.part(
                "group " + name, new Config(Checks.version(), null, new Config.Passwd(List.of(g), null), null, null));
        return g;
    }
}
