package dev.coreos4j.ignition.butane.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A YAML node with its position: what the translator needs of snakeyaml-engine's events, with aliases already
 * resolved to shared nodes and merge keys ({@code <<}) applied.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

    /** 1-based line. */
    int line();

    /** 1-based column, in characters. */
    int column();

    /** The YAML tag of this node kind as go-yaml names it in errors ({@code !!map}, {@code !!seq}, ...). */
    String kindTag();

    /** One key/value pair of a mapping. */
    record Entry(YScalar key, YNode value) {}

    /** A mapping, entries in document order. */
    record YMap(List<Entry> entries, int line, int column) implements YNode {
        @Override
        public String kindTag() {
            return "!!map";
        }
    }

    /** A sequence. */
    record YSeq(List<YNode> items, int line, int column) implements YNode {
        @Override
        public String kindTag() {
            return "!!seq";
        }
    }

    /**
     * A scalar.
     *
     * @param value the scalar's text
     * @param plain whether it is a plain (unquoted, untagged) scalar, resolved like go-yaml resolves
     * @param tag   the explicit tag ({@code tag:yaml.org,2002:str}), or null
     */
    record YScalar(String value, boolean plain, @Nullable String tag, int line, int column) implements YNode {
        @Override
        public String kindTag() {
            return GoYaml.tagOf(this);
        }

        /** Whether go-yaml resolves this scalar to null. */
        public boolean isNull() {
            return GoYaml.resolve(this) == GoYaml.NULL;
        }
    }
}
