package dev.coreos4j.ignition.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a validator says about one config: valid or not, and the set of report entries. Used for the recorded
 * expectations of the corpus, for {@code ignition-validate}'s output and for ours, so that all three compare alike.
 *
 * @param valid   no entry is an error
 * @param entries the entries, sorted by path, severity, message (Ignition's order is not contractual)
 */
record Verdict(boolean valid, List<Entry> entries) {

    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.path() == null ? "" : e.path())
            .thenComparing(Entry::severity)
            .thenComparing(Entry::message);

    Verdict {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
    }

    /**
     * One report entry.
     *
     * @param severity {@code error} or {@code warning}
     * @param path     vcontext JSON path ({@code $.storage.files.0.path}), null for a whole-document problem
     * @param message  Ignition's exact message
     * @param line     1-based line of the marker, null when unknown (Go's {@code line 0 col 0} is read as unknown)
     * @param column   1-based byte column of the marker, null when unknown
     */
    record Entry(String severity, String path, String message, Integer line, Integer column) {

        Entry {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            if (line != null && column != null && line == 0 && column == 0) {
                // Go's vcontext prints "line 0 col 0" for a position it does not know
                line = null;
                column = null;
            }
        }

        /** The entry without its position: what the conformance test of our validator compares. */
        Entry withoutPosition() {
            return new Entry(severity, path, message, null, null);
        }

        /** Renders the entry like {@code ignition-validate} does. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(severity);
            if (path != null) {
                out.append(" at ").append(path);
            }
            if (line != null) {
                out.append(path != null ? ", line " : " at line ")
                        .append(line)
                        .append(" col ")
                        .append(column);
            }
            return out.append(": ").append(message).toString();
        }
    }

    /** This verdict with every position dropped. */
    Verdict withoutPositions() {
        return new Verdict(valid, entries.stream().map(Entry::withoutPosition).toList());
    }

    /** Whether some entry is an error. */
    boolean hasErrors() {
        return entries.stream().anyMatch(e -> e.severity().equals("error"));
    }

    /** One line per entry, for readable assertion messages. */
    String describe() {
        return "valid=" + valid
                + (entries.isEmpty()
                        ? " (no entries)"
                        : entries.stream().map(Entry::toString).collect(Collectors.joining("\n  ", "\n  ", "")));
    }

    @Override
    public String toString() {
        return describe();
    }
}
