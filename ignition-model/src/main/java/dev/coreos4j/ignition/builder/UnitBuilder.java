package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.internal.rules.SystemdRule;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a systemd {@link Config.Unit} with its drop-ins. Not thread-safe; {@link #build()} may be called
 * repeatedly.
 *
 * <p>Stricter than Ignition on one point: a unit that is enabled and has contents without an {@code [Install]}
 * section (which {@code systemctl enable} cannot enable; Ignition only warns) is rejected by {@link #build()}.
 */
public final class UnitBuilder {
    private static final Pattern INSTALL = Pattern.compile("(?m)^[ \\t]*\\[Install\\][ \\t]*$");

    private final String name;
    private @Nullable String contents;
    private @Nullable Boolean enabled;
    private @Nullable Boolean mask;
    private final List<Config.Dropin> dropins = new ArrayList<>();

    private UnitBuilder(String name) {
        this.name = name;
    }

    /** A builder for the unit {@code name} (e.g. {@code app.service}). */
    public static UnitBuilder named(String name) {
        Objects.requireNonNull(name, "name");
        return new UnitBuilder(name);
    }

    /** The unit file's contents. */
    public UnitBuilder contents(String contents) {
        this.contents = contents;
        return this;
    }

    /** Sets the unit's {@code enabled}. */
    public UnitBuilder enabled(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /** Sets the unit's {@code mask}. */
    public UnitBuilder mask(boolean mask) {
        this.mask = mask;
        return this;
    }

    /** Adds a drop-in {@code name} (ending {@code .conf}) with {@code contents}. */
    public UnitBuilder dropin(String name, String contents) {
        dropins.add(new Config.Dropin(contents, name));
        return this;
    }

    /** Adds a drop-in built (and validated) by {@code dropin}. */
    public UnitBuilder dropin(DropinBuilder dropin) {
        dropins.add(dropin.build());
        return this;
    }

    /** Whether {@code contents} has an {@code [Install]} section header line. */
    public static boolean hasInstallSection(String contents) {
        return contents != null && INSTALL.matcher(contents).find();
    }

    /**
     * The unit, validated (unit and drop-in syntax, names) and checked for an {@code [Install]} section when it is
     * enabled with contents.
     *
     * @throws IgnitionException with the report when it is invalid
     */
    public Config.Unit build() {
        Config.Unit u = new Config.Unit(contents, dropins, enabled, mask, name);
        if (Boolean.TRUE.equals(enabled) && contents != null && !contents.isEmpty() && !hasInstallSection(contents)) {
            throw new IgnitionException(
                    "invalid unit " + name,
                    new Report(List.of(new Problem(
                            dev.coreos4j.problem.Severity.ERROR, // an error here, where Ignition only warns
                            SystemdRule.UNIT_ENABLED_WITHOUT_INSTALL.code(),
                            SystemdRule.UNIT_ENABLED_WITHOUT_INSTALL.message(name),
                            Location.at(JsonPath.of("systemd", "units", 0, "contents"))))));
        }
        Checks.part("unit " + name, new Config(Checks.version(), null, null, null, new Config.Systemd(List.of(u))));
        return u;
    }
}
