package dev.coreos4j.ostree.container;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * A gzip stream compressed on several threads the way {@code pigz} does it: the input is cut into fixed 128 KiB
 * blocks, each deflated independently (level 6) with the previous 32 KiB as preset dictionary and ended with a sync
 * flush, and the pieces are concatenated into one deflate stream in one gzip member. Block boundaries depend only on
 * the input, never on the number of threads, so the output is deterministic. In-flight blocks are bounded, so memory
 * does not grow with the stream.
 */
final class ParallelGzipOutputStream extends OutputStream {

    private static final int BLOCK = 128 * 1024;
    private static final int DICT = 32 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int fill;
    private byte @Nullable [] dict;
    private long total;
    private boolean closed;

    ParallelGzipOutputStream(OutputStream out, ExecutorService pool, int threads) throws IOException {
        this.out = out;
        this.pool = pool;
        this.maxInFlight = Math.max(2, threads * 2);
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        total += len;
        while (len > 0) {
            int n = Math.min(len, BLOCK - fill);
            System.arraycopy(b, off, block, fill, n);
            fill += n;
            off += n;
            len -= n;
            if (fill == BLOCK) {
                submit(false);
            }
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = fill == block.length ? block : Arrays.copyOf(block, fill);
        byte[] preset = dict;
        dict = data.length >= DICT ? Arrays.copyOfRange(data, data.length - DICT, data.length) : joinDict(preset, data);
        pending.add(pool.submit(() -> deflate(data, preset, last)));
        block = new byte[BLOCK];
        fill = 0;
        while (pending.size() >= maxInFlight) {
            drainOne();
        }
    }

    private static byte[] joinDict(byte @Nullable [] preset, byte[] data) {
        byte[] p = preset == null ? new byte[0] : preset;
        byte[] j = Arrays.copyOf(p, p.length + data.length);
        System.arraycopy(data, 0, j, p.length, data.length);
        return j.length > DICT ? Arrays.copyOfRange(j, j.length - DICT, j.length) : j;
    }

    private static byte[] deflate(byte[] data, byte @Nullable [] preset, boolean last) {
        Deflater d = new Deflater(6, true);
        try {
            if (preset != null && preset.length > 0) {
                d.setDictionary(preset);
            }
            d.setInput(data);
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[65536];
            if (last) {
                d.finish();
                while (!d.finished()) {
                    int n = d.deflate(buf);
                    o.write(buf, 0, n);
                }
            } else {
                int n;
                do {
                    n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                    o.write(buf, 0, n);
                } while (n == buf.length || !d.needsInput());
            }
            return o.toByteArray();
        } finally {
            d.end();
        }
    }

    private void drainOne() throws IOException {
        Future<byte[]> f = pending.poll();
        try {
            out.write(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("compression failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!pending.isEmpty()) {
                drainOne();
            }
            long c = crc.getValue();
            out.write(new byte[] {
                (byte) c,
                (byte) (c >>> 8),
                (byte) (c >>> 16),
                (byte) (c >>> 24),
                (byte) total,
                (byte) (total >>> 8),
                (byte) (total >>> 16),
                (byte) (total >>> 24)
            });
            out.flush();
        } finally {
            for (Future<byte[]> f : pending) {
                f.cancel(true);
            }
            out.close();
        }
    }
}
