package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.constraints.FieldChecks;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ignition's semantic validation of one config for one spec version, with Ignition 2.26 semantics: the
 * {@code Validate} methods of every type in vcontext's walk order (coreos/ignition config/v3_4/types/config.go:
 * {@link ConfigRules}, then the sections), then the duplicate-key walker ({@link DuplicateRules}). Field-local rules
 * come from the model's constraint annotations ({@link FieldChecks}); everything that spans fields or depends on the
 * spec version is in the section classes, one per upstream types file. Problems carry JSON paths; positions are
 * attached by the caller.
 *
 * <p>An instance is the state of one run (not thread-safe); {@link #validate} is.
 */
public final class Validation {
    private final SpecVersion version;
    private final FieldChecks fields;
    private final List<Problem> out = new ArrayList<>();

    private Validation(SpecVersion version, FieldChecks fields) {
        this.version = version;
        this.fields = fields;
    }

    /** Validates {@code c} (decoded from a {@code version} document): problems without positions, in order. */
    public static List<Problem> validate(Config c, SpecVersion version) {
        Validation v = new Validation(version, FieldChecks.of(c));
        ConfigRules.check(v, c);
        DuplicateRules.check(v, c);
        return List.copyOf(v.out);
    }

    /** The spec version whose rules apply. */
    SpecVersion version() {
        return version;
    }

    /** Whether the version is {@code v} or later. */
    boolean atLeast(SpecVersion v) {
        return version.compareTo(v) >= 0;
    }

    /** Reports {@code rule} at {@code path}, its message filled with {@code args}. */
    void report(JsonPath path, IgnitionRule rule, Object... args) {
        out.add(Problem.of(rule, rule.message(args), Location.at(path)));
    }

    /** Reports {@code finding} at {@code path}; nothing when either is null. */
    void report(@Nullable JsonPath path, @Nullable Finding finding) {
        if (path != null && finding != null) {
            out.add(Problem.of(finding.rule(), finding.message(), Location.at(path)));
        }
    }

    /**
     * Reports the field-local rule broken at {@code path}, if any: the first of {@code priority} broken there, else
     * the first one found (Ignition reports one problem per field).
     */
    void field(JsonPath path, IgnitionRule... priority) {
        report(path, fields.first(path, priority));
    }

    static boolean empty(@Nullable String s) {
        return s == null || s.isEmpty();
    }

    static boolean isTrue(@Nullable Boolean b) {
        return b != null && b;
    }
}
