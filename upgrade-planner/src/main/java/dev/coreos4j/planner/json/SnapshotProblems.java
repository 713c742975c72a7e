package dev.coreos4j.planner.json;

import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The problems found so far while reading one snapshot. Reading goes on past an item that cannot be read, so that
 * each item's first problem is reported; checks that name other items (unknown pool, node or lock group) are only
 * made when every item they could name was read, so one mistake is not reported twice.
 */
final class SnapshotProblems {
    final List<Problem> problems = new ArrayList<>();

    /** What {@code reader} reads, or null after recording why it cannot. */
    <T> @Nullable T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (InvalidSnapshotException e) {
            problems.addAll(e.problems().all());
            return null;
        }
    }

    /** Whether {@code check} passed; records its problem when not. */
    boolean read(Runnable check) {
        return read(() -> {
                    check.run();
                    return Boolean.TRUE;
                })
                != null;
    }

    void add(SnapshotRule rule, String path, String message) {
        problems.add(rule.at(JsonPath.parse(path), message));
    }
}
