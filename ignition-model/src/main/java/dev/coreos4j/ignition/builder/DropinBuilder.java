package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a systemd {@link Config.Dropin}. Not thread-safe; {@link #build()} may be called repeatedly. */
public final class DropinBuilder {
    private final String name;
    private @Nullable String contents;

    private DropinBuilder(String name) {
        this.name = name;
    }

    /** A builder for the drop-in file {@code name} (must end in {@code .conf}). */
    public static DropinBuilder named(String name) {
        Objects.requireNonNull(name, "name");
        return new DropinBuilder(name);
    }

    /** The drop-in's contents (systemd unit syntax). */
    public DropinBuilder contents(String contents) {
        this.contents = contents;
        return this;
    }

    /**
     * The drop-in, validated (name extension, unit syntax) inside a unit {@code x.service}.
     *
     * @throws dev.coreos4j.ignition.IgnitionException with the report when it is invalid
     */
    public Config.Dropin build() {
        Config.Dropin d = new Config.Dropin(contents, name);
        Checks.part(
                "drop-in " + name,
                new Config(
                        Checks.version(),
                        null,
                        null,
                        null,
                        new Config.Systemd(List.of(new Config.Unit(null, List.of(d), null, null, "x.service")))));
        return d;
    }
}
