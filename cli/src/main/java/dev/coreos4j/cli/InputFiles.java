package dev.coreos4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Every file or standard input the command reads goes through here: read with a size limit (so {@code /dev/zero} or
 * a 2 GiB file ends at once with "FILE: too large (limit N)" instead of an {@code OutOfMemoryError}), and text decoded
 * as strict UTF-8 (so a bad byte says which file, at which byte offset and, for JSON, at which JSON path).
 *
 * <p>The limit is {@value #DEFAULT_LIMIT} bytes, well above any real config, snapshot or graph; set
 * {@code COREOS4J_MAX_INPUT_BYTES} (or the system property {@code coreos4j.maxInputBytes}) to change it.
 */
public final class InputFiles {

    /** The default limit: 128 MiB. */
    public static final long DEFAULT_LIMIT = 128L << 20;

    private InputFiles() {}

    /** Bad input found while reading: too large, not UTF-8, unreadable. The message names the file. */
    public static final class BadInputException extends IOException {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    /** The limit in bytes: {@code coreos4j.maxInputBytes}, else {@code COREOS4J_MAX_INPUT_BYTES}, else the default. */
    public static long limit() {
        String v = System.getProperty("coreos4j.maxInputBytes", System.getenv("COREOS4J_MAX_INPUT_BYTES"));
        if (v == null || v.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n > 0 && n < Integer.MAX_VALUE - 16) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(
                "COREOS4J_MAX_INPUT_BYTES must be a positive number of bytes below 2 GiB, got '" + v + "'");
    }

    /** Reads {@code name}, or standard input when it is {@code -}. */
    public static byte[] read(String name, InputStream stdin) throws IOException {
        if (name.equals("-")) {
            return readLimited(stdin, "-");
        }
        return read(Path.of(name));
    }

    /** Reads {@code file} (never blocking on a FIFO's writer for ever: a FIFO is read until its writer closes it). */
    public static byte[] read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory");
        }
        if (Files.isRegularFile(file) && Files.size(file) > limit()) {
            throw new BadInputException(file + ": too large (limit " + limit() + " bytes)");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file + ": Permission denied");
        } catch (NoSuchFileException e) {
            throw e;
        }
        try (in) {
            return readLimited(in, file.toString());
        }
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        long limit = limit();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw new BadInputException(name + ": too large (limit " + limit + " bytes)");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads {@code file} as strict UTF-8 text; a bad byte is reported with its offset (and JSON path if {@code json}). */
    public static String readUtf8(Path file, boolean json) throws IOException {
        return decode(read(file), file.toString(), json);
    }

    /** Decodes {@code bytes} of {@code name} as strict UTF-8 (see {@link #readUtf8}). */
    public static String decode(byte[] bytes, String name, boolean json) throws BadInputException {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            String where = json ? jsonPathAt(bytes, offset) : null;
            throw new BadInputException(name + ": invalid UTF-8 at byte " + offset
                    + String.format(" (0x%02x)", bytes[offset] & 0xff) + (where == null ? "" : " in " + where));
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }

    /** The JSON path ({@code $.a.0.b}) of the value holding byte {@code offset}, or null when the JSON breaks first. */
    static String jsonPathAt(byte[] bytes, int offset) {
        String path = "$";
        try (JsonParser p = new JsonFactory().createParser(tools.jackson.core.ObjectReadContext.empty(), bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (p.currentTokenLocation().getByteOffset() > offset) {
                    break;
                }
                path = pathOf(p, t);
            }
        } catch (RuntimeException e) {
            // the bad byte (or broken JSON) stops the parser: the last path reached is the answer
        }
        return path;
    }

    private static String pathOf(JsonParser p, JsonToken t) {
        StringBuilder sb = new StringBuilder();
        java.util.List<String> parts = new java.util.ArrayList<>();
        tools.jackson.core.TokenStreamContext c = p.streamReadContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            c = c.getParent();
        }
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "." + Math.max(0, c.getCurrentIndex()));
            } else if (c.currentName() != null) {
                parts.add(0, "." + c.currentName());
            }
        }
        sb.append('$');
        parts.forEach(sb::append);
        return sb.toString();
    }
}
