package dev.coreos4j.ignition.butane.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads the first YAML document of a Butane file into {@link YNode}s from snakeyaml-engine's event stream (no
 * composer, no recursion: nesting costs heap, never stack), with bounds a hostile document cannot get past: input
 * size, nesting depth, and the size the document would have with every alias expanded (billion laughs).
 * Duplicate keys are rejected as go-yaml rejects them.
 */
public final class Yaml {
    private Yaml() {}

    /** Largest accepted input. */
    public static final int MAX_INPUT_BYTES = 64 << 20;
    /** Deepest accepted nesting, as go-yaml's limit. */
    public static final int MAX_DEPTH = 10_000;
    /** Most nodes the document may have with all aliases expanded. */
    public static final long MAX_EXPANDED_NODES = 1_000_000;

    /** A parse problem at a 1-based position (line/column 0 when unknown). */
    public record Problem(String message, int line, int column) {}

    /** The root node (null for an empty document) or the problem that stopped parsing. */
    public record Parsed(@Nullable YNode root, @Nullable Problem problem) {}

    private static final class Open {
        final boolean map;
        final int line;
        final int column;
        final @Nullable String anchor;
        final List<YNode> items = new ArrayList<>();
        final List<YNode.Entry> entries = new ArrayList<>();
        final Map<String, Integer> keyLines = new HashMap<>();
        YNode.@Nullable YScalar pendingKey;
        final List<YNode> merges = new ArrayList<>();
        boolean pendingMerge;
        long size = 1;

        Open(boolean map, int line, int column, @Nullable String anchor) {
            this.map = map;
            this.line = line;
            this.column = column;
            this.anchor = anchor;
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Failure(String message, int line, int column) {
            super(message, null, false, false);
            this.problem = new Problem(message, line, column);
        }
    }

    public static Parsed parse(byte[] input) {
        if (input.length > MAX_INPUT_BYTES) {
            return new Parsed(
                    null,
                    new Problem(
                            "yaml: input is " + input.length + " bytes, more than the limit of " + MAX_INPUT_BYTES,
                            0,
                            0));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(input);
            int line = 1;
            int col = 1;
            for (int i = 0; i < bad; i++) {
                if (input[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((input[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            return new Parsed(null, new Problem("yaml: invalid UTF-8 byte at offset " + bad, line, col));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try {
            return new Parsed(build(text), null);
        } catch (Failure f) {
            return new Parsed(null, f.problem);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark();
            String msg = "yaml: " + (e.getContext() != null ? e.getContext() + ": " : "") + e.getProblem();
            return new Parsed(
                    null,
                    new Problem(
                            msg,
                            m.map(x -> x.getLine() + 1).orElse(0),
                            m.map(x -> x.getColumn() + 1).orElse(0)));
        } catch (YamlEngineException e) {
            return new Parsed(null, new Problem("yaml: " + e.getMessage(), 0, 0));
        }
    }

    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
            if (n < 0 || (i + n >= b.length + (n == 0 ? 1 : 0) && n > 0)) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return b.length;
    }

    private static @Nullable YNode build(String text) {
        // a buffer holding the whole document: snakeyaml-engine grows a smaller one quadratically while it scans
        // a long scalar (a 10 MB inline file took minutes)
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(Integer.MAX_VALUE)
                .setBufferSize(Math.max(1024, text.length() + 1))
                .setAllowDuplicateKeys(true)
                .setUseMarks(true)
                .setParseComments(false)
                .build();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        Deque<Open> stack = new ArrayDeque<>();
        Map<String, YNode> anchors = new HashMap<>();
        java.util.IdentityHashMap<YNode, Long> sizes = new java.util.IdentityHashMap<>();
        Set<String> openAnchors = new HashSet<>();
        YNode[] root = new YNode[1];
        boolean inDocument = false;
        while (parser.hasNext()) {
            Event ev = parser.next();
            int line = ev.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            int col = ev.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
            switch (ev.getEventId()) {
                case DocumentStart -> inDocument = true;
                case DocumentEnd -> {
                    return root[0];
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) ev;
                    String tag = s.getTag().filter(t -> !t.equals("!")).orElse(null);
                    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN && tag == null;
                    YNode.YScalar node = new YNode.YScalar(s.getValue(), plain, tag, line, col);
                    anchor(s, node, anchors);
                    add(stack, node, 1, root);
                }
                case Alias -> {
                    String name = ((AliasEvent) ev).getAlias().getValue();
                    if (openAnchors.contains(name)) {
                        throw new Failure("yaml: anchor '" + name + "' value contains itself", line, col);
                    }
                    YNode target = anchors.get(name);
                    if (target == null) {
                        throw new Failure("yaml: unknown anchor '" + name + "' referenced", line, col);
                    }
                    long size = sizes.getOrDefault(target, 1L);
                    if (size > MAX_EXPANDED_NODES) {
                        throw new Failure("yaml: document contains excessive aliasing", line, col);
                    }
                    add(stack, target, size, root);
                }
                case SequenceStart, MappingStart -> {
                    if (stack.size() >= MAX_DEPTH) {
                        throw new Failure("yaml: exceeded max depth of " + MAX_DEPTH, line, col);
                    }
                    String a =
                            ((NodeEvent) ev).getAnchor().map(x -> x.getValue()).orElse(null);
                    if (a != null) {
                        openAnchors.add(a);
                    }
                    stack.push(new Open(ev.getEventId() == Event.ID.MappingStart, line, col, a));
                    // explicit collection tags change nothing for Butane's structs
                }
                case SequenceEnd, MappingEnd -> {
                    Open o = stack.pop();
                    YNode node = o.map ? closeMap(o) : new YNode.YSeq(List.copyOf(o.items), o.line, o.column);
                    if (o.anchor != null) {
                        openAnchors.remove(o.anchor);
                        anchors.put(o.anchor, node);
                    }
                    if (o.size > MAX_EXPANDED_NODES) {
                        throw new Failure("yaml: document contains excessive aliasing", o.line, o.column);
                    }
                    sizes.put(node, o.size);
                    add(stack, node, o.size, root);
                }
                default -> {}
            }
        }
        return inDocument ? root[0] : null;
    }

    private static void anchor(NodeEvent ev, YNode node, Map<String, YNode> anchors) {
        ev.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
    }

    private static void add(Deque<Open> stack, YNode node, long size, YNode[] root) {
        Open top = stack.peek();
        if (top == null) {
            root[0] = node;
            return;
        }
        top.size = Math.min(top.size + size, Long.MAX_VALUE / 4);
        if (!top.map) {
            top.items.add(node);
            return;
        }
        if (top.pendingKey == null && !top.pendingMerge) {
            if (!(node instanceof YNode.YScalar key)) {
                throw new Failure("yaml: mapping keys must be scalars", node.line(), node.column());
            }
            if (key.plain() && key.value().equals("<<")) {
                top.pendingMerge = true;
                return;
            }
            Integer first = top.keyLines.putIfAbsent(key.value(), key.line());
            if (first != null) {
                throw new Failure(
                        "yaml: mapping key \"" + key.value() + "\" already defined at line " + first,
                        key.line(),
                        key.column());
            }
            top.pendingKey = key;
        } else if (top.pendingMerge) {
            top.pendingMerge = false;
            top.merges.add(node);
        } else {
            // events alternate key and value in a mapping
            top.entries.add(new YNode.Entry(Objects.requireNonNull(top.pendingKey, "key"), node));
            top.pendingKey = null;
        }
    }

    /** Applies merge keys: merged entries never override the mapping's own keys (nor earlier merges). */
    private static YNode closeMap(Open o) {
        if (o.merges.isEmpty()) {
            return new YNode.YMap(List.copyOf(o.entries), o.line, o.column);
        }
        List<YNode.Entry> out = new ArrayList<>(o.entries);
        Set<String> seen = new HashSet<>(o.keyLines.keySet());
        for (YNode m : o.merges) {
            List<YNode> sources = m instanceof YNode.YSeq s ? s.items() : List.of(m);
            for (YNode src : sources) {
                if (!(src instanceof YNode.YMap map)) {
                    throw new Failure(
                            "yaml: map merge requires map or sequence of maps as the value", src.line(), src.column());
                }
                for (YNode.Entry e : map.entries()) {
                    if (seen.add(e.key().value())) {
                        out.add(e);
                    }
                }
            }
        }
        return new YNode.YMap(List.copyOf(out), o.line, o.column);
    }
}
