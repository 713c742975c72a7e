package dev.coreos4j.ostree.container;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and byte counts of streams as they pass. */
final class Digesting {

    private Digesting() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String digestOf(byte[] data) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(data));
    }

    /** Counts and hashes what is written through it. */
    static final class Out extends FilterOutputStream {
        private final MessageDigest md = sha256();
        private long count;
        private final boolean closeTarget;

        Out(OutputStream out, boolean closeTarget) {
            super(out);
            this.closeTarget = closeTarget;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            md.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            md.update(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
            if (closeTarget) {
                out.close();
            }
        }

        long count() {
            return count;
        }

        String digest() {
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        }
    }

    /** Counts and hashes what is read through it; refuses to read more than {@code limit} bytes. */
    static final class In extends FilterInputStream {
        private final MessageDigest md = sha256();
        private long count;
        private final long limit;
        private final String where;

        In(InputStream in, long limit, String where) {
            super(in);
            this.limit = limit;
            this.where = where;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                md.update((byte) b);
                bump(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                md.update(b, off, n);
                bump(n);
            }
            return n;
        }

        private void bump(long n) throws ImageException {
            count += n;
            if (count > limit) {
                throw new ImageException(
                        ImageException.Kind.SIZE_MISMATCH,
                        where,
                        "blob is longer than the " + limit + " bytes its descriptor names");
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Reads to the end, so that the digest covers the whole stream. */
        void drain() throws IOException {
            byte[] buf = new byte[65536];
            while (read(buf, 0, buf.length) >= 0) {
                // hashing as we go
            }
        }

        long count() {
            return count;
        }

        String digest() {
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        }
    }
}
