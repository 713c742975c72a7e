package dev.coreos4j.ignition.merge;

import dev.coreos4j.problem.JsonPath;
import java.util.List;
import java.util.Objects;

/**
 * Where the values of a merged config came from, as Ignition's merge transcribes them: one {@link Mapping} for every
 * populated leaf (a non-null optional scalar, including {@code false} and {@code ""}; a non-empty key; a list item
 * string), and one for every object that was taken whole from one side (after the mappings of its fields). Objects
 * merged from both sides and lists themselves have no mapping of their own; look at their leaves. Mappings are in
 * result document order. Paths are in RFC 9535 syntax ({@code $.storage.files[0].contents.source}). Immutable.
 *
 * @param mappings the mappings; never null
 */
public record Transcript(List<Mapping> mappings) {

    public Transcript {
        mappings = List.copyOf(Objects.requireNonNull(mappings, "mappings"));
    }

    /**
     * One provenance fact: the value at {@code resultPath} of the merged config came from {@code sourcePath} of the
     * {@code side} input.
     *
     * @param resultPath the path in the merged config, e.g. {@code $.storage.files[0].contents.source}
     * @param side       the input it came from
     * @param sourcePath the path in that input
     */
    public record Mapping(JsonPath resultPath, Side side, JsonPath sourcePath) {
        public Mapping {
            Objects.requireNonNull(resultPath, "resultPath");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(sourcePath, "sourcePath");
        }

        /** Renders as {@code parent:$.storage.files[1] → $.storage.files[0]}. */
        @Override
        public String toString() {
            return side + ":" + sourcePath + " \u2192 " + resultPath;
        }
    }

    /** The mappings of one result path; empty when the path has none (unpopulated, or merged from both sides). */
    public List<Mapping> sourcesOf(JsonPath resultPath) {
        Objects.requireNonNull(resultPath, "resultPath");
        return mappings.stream().filter(m -> m.resultPath().equals(resultPath)).toList();
    }

    /** The mappings one per line, as {@link Mapping#toString()} renders them. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Mapping m : mappings) {
            out.append(m).append('\n');
        }
        return out.toString();
    }
}
