package dev.coreos4j.ignition.butane.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * Butane's {@code MakeDataURL}: the shortest of a URL-escaped, a base64 and (unless the config already names a
 * compression, or auto-compression is off) a gzip+base64 {@code data:} URL, the gzip one counted four characters
 * longer for the {@code compression: gzip} it needs.
 */
public final class DataUrls {
    private DataUrls() {}

    /**
     * The chosen URL and the compression value to record: {@code ""} when the config had none (so a child config
     * cannot inherit a parent's), {@code "gzip"} when compressed here, null when the config's own compression stays.
     */
    public record Made(String url, @Nullable String compression) {}

    public static Made make(byte[] contents, @Nullable String currentCompression, boolean allowCompression) {
        boolean userCompressed = currentCompression != null && !currentCompression.isEmpty();
        String compression = userCompressed ? null : "";
        String opaque = "," + escape(contents);
        String b64 = ";base64," + Base64.getEncoder().encodeToString(contents);
        if (b64.length() < opaque.length()) {
            opaque = b64;
        }
        // a gzip URL is at least ";base64," plus 28 characters (20 bytes of gzip framing) plus the 4 of "gzip"
        if (!userCompressed && allowCompression && opaque.length() > 40) {
            String gz = ";base64," + Base64.getEncoder().encodeToString(gzip(contents));
            if (gz.length() + 4 < opaque.length()) {
                opaque = gz;
                compression = "gzip";
            }
        }
        return new Made("data:" + opaque, compression);
    }

    /** RFC 2396 escaping as {@code vincent-petithory/dataurl} does: unreserved bytes kept, others {@code %XX}. */
    public static String escape(byte[] data) {
        StringBuilder b = new StringBuilder(data.length + 16);
        for (byte x : data) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '!'
                    || c == '~'
                    || c == '*'
                    || c == '\''
                    || c == '('
                    || c == ')') {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));

    /** gzip at the best compression level, with Go's header (no name, no mtime, XFL 2, OS unknown). */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff}, 0, 10);
        // one deflater per thread: its level-9 state is large and costly to set up for every file
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[Math.min(8192, data.length + 64)];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        int len = data.length;
        byte[] trailer = {
            (byte) c,
            (byte) (c >> 8),
            (byte) (c >> 16),
            (byte) (c >> 24),
            (byte) len,
            (byte) (len >> 8),
            (byte) (len >> 16),
            (byte) (len >> 24)
        };
        out.write(trailer, 0, 8);
        return out.toByteArray();
    }
}
