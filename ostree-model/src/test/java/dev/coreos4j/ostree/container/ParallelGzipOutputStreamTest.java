package dev.coreos4j.ostree.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pigz-style gzip: any gzip reader gets the input back, and the bytes do not depend on the thread count. */
class ParallelGzipOutputStreamTest {

    private static byte[] gzip(byte[] data, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream z = new ParallelGzipOutputStream(out, pool, threads)) {
                Random r = new Random(data.length);
                int off = 0;
                while (off < data.length) {
                    int n = Math.min(data.length - off, 1 + r.nextInt(300_000));
                    z.write(data, off, n);
                    off += n;
                }
            }
            return out.toByteArray();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 131071, 131072, 131073, 40_000, 1_000_000, 3_333_333})
    void roundTrips_andIsDeterministic(int size) throws Exception {
        byte[] data = new byte[size];
        Random r = new Random(size);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 7 == 0 ? r.nextInt() : 'a' + (i / 1000) % 3);
        }
        byte[] one = gzip(data, 1);
        byte[] four = gzip(data, 4);
        assertThat(four).isEqualTo(one);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(one))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}
