package dev.coreos4j.cli.output;

import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Every JSON document the CLI prints is written here, with Jackson's streaming generator (never by string
 * concatenation): pretty-printed in Jackson's default layout, or compact on one line.
 */
public final class JsonOut {
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

    private JsonOut() {}

    /** A generator writing to {@code out}; closing it flushes but does not close {@code out}. */
    public static JsonGenerator generator(Writer out, boolean pretty) {
        return FACTORY.createGenerator(pretty ? PRETTY : ObjectWriteContext.empty(), out);
    }

    /** The document {@code body} writes, as a string (no trailing newline). */
    public static String write(boolean pretty, Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out, pretty)) {
            body.accept(g);
        }
        return out.toString();
    }
}
