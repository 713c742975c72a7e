package dev.coreos4j.ostree.internal;

import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.ObjectFormatException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** The {@code .filez} layout: BE32 header length, 4 zero bytes, {@code (tuuuusa(ayay))}, raw DEFLATE payload. */
public final class Filez {

    private Filez() {}

    /** A parsed header plus the stream positioned at the compressed payload. */
    record Opened(FileHeader.Archived archived, InputStream payload) {}

    /**
     * Reads the header from {@code in}; {@code totalSize} is the object's file size (for the bounds check).
     *
     * @throws ObjectFormatException when the header is truncated, oversized or invalid
     */
    public static FileHeader.Archived readHeader(InputStream in, long totalSize) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw new ObjectFormatException("File header size " + prefix.length + " is too short for its prefix");
        }
        long len = ((prefix[0] & 0xffL) << 24)
                | ((prefix[1] & 0xffL) << 16)
                | ((prefix[2] & 0xffL) << 8)
                | (prefix[3] & 0xffL);
        if (prefix[4] != 0 || prefix[5] != 0 || prefix[6] != 0 || prefix[7] != 0) {
            throw new ObjectFormatException("file header padding is not zero");
        }
        if (len + 8 > totalSize) {
            throw new ObjectFormatException("File header size " + len + " exceeds size " + totalSize);
        }
        byte[] variant = in.readNBytes((int) len);
        if (variant.length != len) {
            throw new ObjectFormatException("File header size " + len + " exceeds size " + totalSize);
        }
        return FileHeader.parseArchiveVariant(variant);
    }

    /** A stream of the uncompressed content that fails with "Invalid compressed data" on a corrupt stream. */
    public static InputStream inflate(InputStream payload) {
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(payload, inflater, 65536) {
            private boolean closed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    int n = super.read(b, off, len);
                    if (n < 0 && !inf.finished()) {
                        throw new ObjectFormatException("Invalid compressed data: stream is truncated");
                    }
                    return n;
                } catch (java.util.zip.ZipException e) {
                    throw new ObjectFormatException("Invalid compressed data: " + e.getMessage());
                } catch (EOFException e) {
                    throw new ObjectFormatException("Invalid compressed data: stream is truncated");
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    inf.end();
                    super.close();
                }
            }
        };
    }

    /** Compresses {@code content} (all of it) at {@code level} as a raw DEFLATE stream onto {@code out}. */
    public static DeflaterOutputStream deflating(OutputStream out, int level) {
        Deflater deflater = new Deflater(level, true);
        return new DeflaterOutputStream(out, deflater, 65536) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                }
            }
        };
    }

    /** The complete {@code .filez} bytes for small content (tests, in-memory trees). */
    public static byte[] encode(FileHeader header, byte[] content, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.archiveHeader(content.length));
        if (!header.isSymlink()) {
            try (DeflaterOutputStream d = deflating(out, level)) {
                d.write(content);
            }
        }
        return out.toByteArray();
    }
}
