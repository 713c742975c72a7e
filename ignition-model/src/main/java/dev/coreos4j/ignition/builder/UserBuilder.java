package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.PasswdUser}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class UserBuilder {
    private final String name;
    private @Nullable String gecos;
    private @Nullable String homeDir;
    private @Nullable String passwordHash;
    private @Nullable String primaryGroup;
    private @Nullable String shell;
    private @Nullable Long uid;
    private @Nullable Boolean noCreateHome;
    private @Nullable Boolean noLogInit;
    private @Nullable Boolean noUserGroup;
    private @Nullable Boolean shouldExist;
    private @Nullable Boolean system;
    private final List<String> groups = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    private UserBuilder(String name) {
        this.name = name;
    }

    /** A builder for the user {@code name}. */
    public static UserBuilder named(String name) {
        Objects.requireNonNull(name, "name");
        return new UserBuilder(name);
    }

    /** Adds an SSH public key line ({@code ssh-ed25519 AAAA… comment}). */
    public UserBuilder sshKey(String key) {
        keys.add(key);
        return this;
    }

    /** Adds a supplementary group. */
    public UserBuilder group(String group) {
        groups.add(group);
        return this;
    }

    /** Sets the user's {@code uid}. */
    public UserBuilder uid(long uid) {
        this.uid = uid;
        return this;
    }

    /** Sets the user's {@code gecos}. */
    public UserBuilder gecos(String gecos) {
        this.gecos = gecos;
        return this;
    }

    /** Sets the user's {@code homeDir}. */
    public UserBuilder homeDir(String homeDir) {
        this.homeDir = homeDir;
        return this;
    }

    /** A crypt(3) password hash. */
    public UserBuilder passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        return this;
    }

    /** Sets the user's {@code primaryGroup}. */
    public UserBuilder primaryGroup(String primaryGroup) {
        this.primaryGroup = primaryGroup;
        return this;
    }

    /** Sets the user's {@code shell}. */
    public UserBuilder shell(String shell) {
        this.shell = shell;
        return this;
    }

    /** Sets the user's {@code noCreateHome}. */
    public UserBuilder noCreateHome(boolean value) {
        this.noCreateHome = value;
        return this;
    }

    /** Sets the user's {@code noLogInit}. */
    public UserBuilder noLogInit(boolean value) {
        this.noLogInit = value;
        return this;
    }

    /** Sets the user's {@code noUserGroup}. */
    public UserBuilder noUserGroup(boolean value) {
        this.noUserGroup = value;
        return this;
    }

    /** {@code false} deletes the user (spec 3.2.0+). */
    public UserBuilder shouldExist(boolean value) {
        this.shouldExist = value;
        return this;
    }

    /** Sets the user's {@code system}. */
    public UserBuilder system(boolean value) {
        this.system = value;
        return this;
    }

    /** The user, validated (e.g. no duplicate keys or groups). @throws dev.coreos4j.ignition.IgnitionException */
    public Config.PasswdUser build() {
        Config.PasswdUser u = new Config.PasswdUser(
                gecos,
                groups,
                homeDir,
                name,
                noCreateHome,
                noLogInit,
                noUserGroup,
                passwordHash,
                primaryGroup,
                keys,
                shell,
                shouldExist,
                system,
                uid);
        Checks.part(
                "user " + name, new Config(Checks.version(), null, new Config.Passwd(null, List.of(u)), null, null));
        return u;
    }
}
