package dev.coreos4j.planner.json;

import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Problems;
import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a snapshot or MachineConfig document ({@link PlannerJson}): every problem an {@link
 * InvalidSnapshotException} carries comes from one of them, with its stable dotted code (match on the code, not on
 * the message). All are errors: a snapshot with a problem is not read.
 */
public enum SnapshotRule implements Rule {
    /** The document is not valid JSON. */
    JSON_SYNTAX("snapshot.json.syntax"),
    /** A required field is missing. */
    FIELD_MISSING("snapshot.field.missing"),
    /** A value has the wrong JSON type (an object, array, string or boolean was expected). */
    FIELD_TYPE("snapshot.field.type"),
    /** A string that must say something is blank. */
    FIELD_BLANK("snapshot.field.blank"),
    /** A value is of the right type but not allowed (out of range, malformed, not one of the allowed words). */
    FIELD_VALUE("snapshot.field.value"),
    /** Two pools, nodes, lock groups or PDBs carry the same name. */
    NAME_DUPLICATE("snapshot.name.duplicate"),
    /** A pool, node or lock group named by another object does not exist. */
    REFERENCE_UNKNOWN("snapshot.reference.unknown"),
    /** An embedded Ignition config is not valid. */
    IGNITION_INVALID("snapshot.ignition.invalid"),
    /** The objects read do not make a consistent snapshot or MachineConfig (as their constructors check). */
    INCONSISTENT("snapshot.inconsistent");

    private final String code;

    SnapshotRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Always {@link Severity#ERROR}. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    /** A problem of this rule at {@code path}. */
    Problem at(JsonPath path, String message) {
        return Problem.of(this, message, Location.at(path));
    }

    /** An exception carrying one problem of this rule at {@code path}. */
    InvalidSnapshotException exception(JsonPath path, @Nullable String message) {
        return new InvalidSnapshotException(Problems.of(at(path, String.valueOf(message))));
    }

    /** An exception carrying one problem of this rule at {@code path} (RFC 9535 text, such as {@code $.pools[0]}). */
    InvalidSnapshotException exception(String path, @Nullable String message) {
        return exception(JsonPath.parse(path), message);
    }
}
