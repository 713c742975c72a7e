package dev.coreos4j.planner.internal.json;

import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Reads JSON text into the internal tree with jackson-core's streaming parser (duplicate object keys rejected with
 * the location of the second one, every value carrying its line, column and path) and writes trees with its generator: {@link #pretty} in the layout of
 * Jackson's default pretty printer, {@link #compact} on one line. Thread-safe.
 */
public final class Json {

    /** Duplicate keys are detected by the tree itself (the parser's detector would also check skipped members). */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private Json() {}

    /**
     * Parses one JSON document; content after the first value is ignored.
     *
     * @return the root value, or null when the text holds no value at all (empty or only white space)
     * @throws JsonSyntaxException when the text is not JSON or an object repeats a key
     */
    public static @Nullable JsonNode parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses one JSON document.
     *
     * @param rejectTrailing whether content after the first value is an error
     * @return the root value, or null when the text holds no value at all
     * @throws JsonSyntaxException when the text is not JSON, an object repeats a key, or (with
     *         {@code rejectTrailing}) something follows the value
     */
    public static @Nullable JsonNode parse(String text, boolean rejectTrailing) {
        return parse(text, rejectTrailing, null);
    }

    /**
     * Decides which object members a parse keeps: the parser skips the others without decoding them (they are still
     * checked for syntax). Lets a reader of large documents build only the part it reads.
     */
    @FunctionalInterface
    public interface Pruner {
        /**
         * Whether to leave out member {@code key} of an object that is itself member {@code parentKey} (null for an
         * array element or the root) at {@code depth} (the root is depth 0).
         */
        boolean skip(int depth, @Nullable String parentKey, String key);
    }

    /**
     * {@link #parse(String, boolean)} leaving out the members {@code pruner} skips ({@code null}: keep everything).
     * Duplicate keys are still rejected among the members kept.
     */
    public static @Nullable JsonNode parse(String text, boolean rejectTrailing, @Nullable Pruner pruner) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            JsonNode root = value(p, t, null, null, -1, 0, pruner);
            if (rejectTrailing) {
                JsonToken next = p.nextToken();
                if (next != null) {
                    TokenStreamLocation at = p.currentTokenLocation();
                    throw new JsonSyntaxException(
                            "Trailing token (of type " + next + ") found after the document's value",
                            line(at),
                            column(at));
                }
            }
            return root;
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            TokenStreamLocation at = e.getLocation();
            throw new JsonSyntaxException(msg, line(at), column(at));
        }
    }

    private static int line(TokenStreamLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(TokenStreamLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    private static JsonNode value(
            JsonParser p,
            JsonToken t,
            @Nullable JsonNode parent,
            @Nullable String key,
            int index,
            int depth,
            @Nullable Pruner pruner) {
        TokenStreamLocation at = p.currentTokenLocation();
        JsonNode v;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = new ObjectNode();
                o.place(parent, key, index, line(at), column(at));
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    TokenStreamLocation nameAt = p.currentTokenLocation();
                    JsonToken n = p.nextToken();
                    if (pruner != null && pruner.skip(depth, key, name)) {
                        p.skipChildren();
                        continue;
                    }
                    if (!o.parsed(name, value(p, n, o, name, -1, depth + 1, pruner))) {
                        throw new JsonSyntaxException(
                                "Duplicate Object property \"" + name + "\"", line(nameAt), column(nameAt));
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = new ArrayNode();
                a.place(parent, key, index, line(at), column(at));
                int i = 0;
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, n, a, null, i++, depth + 1, pruner));
                }
                return a;
            }
            case VALUE_STRING -> v = new StringNode(p.getString());
            case VALUE_NUMBER_INT -> {
                switch (p.getNumberType()) {
                    case INT:
                        v = new NumberNode(p.getIntValue());
                        break;
                    case LONG:
                        v = new NumberNode(p.getLongValue());
                        break;
                    default:
                        v = new NumberNode(p.getBigIntegerValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> v = new NumberNode(p.getDoubleValue());
            case VALUE_TRUE -> v = new BooleanNode(true);
            case VALUE_FALSE -> v = new BooleanNode(false);
            case VALUE_NULL -> v = new NullNode();
            default -> throw new JsonSyntaxException("unexpected token " + t, line(at), column(at));
        }
        v.place(parent, key, index, line(at), column(at));
        return v;
    }

    /** {@code node} as JSON in the layout of Jackson's default pretty printer (no trailing newline). */
    public static String pretty(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
            write(g, node);
        }
        return out.toString();
    }

    /** {@code node} as compact JSON on one line. */
    public static String compact(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, node);
        }
        return out.toString();
    }

    /** Writes {@code node} to {@code g}. */
    public static void write(JsonGenerator g, JsonNode node) {
        if (node instanceof ObjectNode) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode) {
            g.writeStartArray();
            for (JsonNode v : node.values()) {
                write(g, v);
            }
            g.writeEndArray();
        } else if (node instanceof StringNode) {
            g.writeString(node.stringValue());
        } else if (node instanceof NumberNode numberNode) {
            Number n = numberNode.numberValue();
            if (n instanceof Integer) {
                g.writeNumber(n.intValue());
            } else if (n instanceof Long) {
                g.writeNumber(n.longValue());
            } else if (n instanceof BigInteger bigInteger) {
                g.writeNumber(bigInteger);
            } else {
                g.writeNumber(n.doubleValue());
            }
        } else if (node instanceof BooleanNode) {
            g.writeBoolean(node.booleanValue());
        } else {
            g.writeNull();
        }
    }
}
